using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace SmtpAnalyzers
{
    /// <summary>Syntax that several code fixes build.</summary>
    internal static class FixSyntax
    {
        /// <summary>A fully qualified name for <paramref name="type"/> that the simplifier shortens as far as the file's usings allow.</summary>
        public static TypeSyntax Type(ITypeSymbol type)
            => SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation);

        /// <summary><c>SmtpStatusCode.Member</c>, qualified as the file needs.</summary>
        public static ExpressionSyntax EnumMember(ITypeSymbol enumType, string member)
            => SyntaxFactory.ParseExpression(enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + member)
                .WithAdditionalAnnotations(Simplifier.Annotation);

        /// <summary><c>(int)expression</c>.</summary>
        public static ExpressionSyntax IntCast(ExpressionSyntax expression)
            => SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)), expression);
    }
}
