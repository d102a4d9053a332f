using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.Operations
{
    /// <summary>Roslyn-only: stepping through operations that do not change a value, with the policy named at each call.</summary>
    internal static class Unwrap
    {
        /// <summary>Down through implicit conversions only.</summary>
        public static IOperation ImplicitConversions(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>Down through every conversion, explicit casts included: the value before any conversion.</summary>
        public static IOperation AllConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>Down through implicit conversions and parentheses: the value as written.</summary>
        public static IOperation ImplicitConversionsAndParentheses(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation { IsImplicit: true } conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>
        /// Up through implicit conversions and parentheses: the outermost operation that still is <paramref name="operation"/>'s
        /// value, whose parent says what is done with it.
        /// </summary>
        public static IOperation UpThroughImplicitConversionsAndParentheses(IOperation operation)
        {
            while (operation.Parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
            {
                operation = operation.Parent;
            }

            return operation;
        }
    }
}
