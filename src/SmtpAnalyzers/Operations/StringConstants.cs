using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Operations
{
    /// <summary>
    /// Roslyn-only: string constants read from a literal's token where the source spells one. Roslyn 4.7 and later keep a
    /// string constant as a rope and hand out its text through a weak reference made at the first read in each
    /// compilation; the token holds the same text already made. Every other form (a const field, a concatenation, an
    /// interpolation of constants) is read from <see cref="IOperation.ConstantValue"/>, so each answer is the one it gives.
    /// </summary>
    internal static class StringConstants
    {
        /// <summary>The value of a constant of type <see cref="string"/>; false for null, any other constant and a value that is not constant.</summary>
        public static bool TryGet(IOperation operation, out string value)
        {
            if (operation.Type?.SpecialType != SpecialType.System_String)
            {
                value = null!;
                return false;
            }

            if (operation.Kind == OperationKind.Literal && operation.Syntax is LiteralExpressionSyntax literal && literal.Token.Value is string text)
            {
                value = text;
                return true;
            }

            if (operation.ConstantValue.Value is string constant)
            {
                value = constant;
                return true;
            }

            value = null!;
            return false;
        }
    }
}
