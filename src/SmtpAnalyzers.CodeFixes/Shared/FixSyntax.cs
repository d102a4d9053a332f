using System.Linq;
using System.Threading;
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

        /// <summary>
        /// Whether <paramref name="node"/> sits in code that does not compile yet: its member (or, outside members, its
        /// statement) has a syntax error or a compiler error. Fixes are not offered there: a rewrite of half-typed code
        /// may copy its broken syntax, change what the parser recovered into, or crash the simplifier.
        /// </summary>
        public static bool IsInBrokenCode(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            var scope = node.AncestorsAndSelf().FirstOrDefault(a => a is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
                ?? node.AncestorsAndSelf().OfType<StatementSyntax>().LastOrDefault()
                ?? node;
            return scope.ContainsDiagnostics
                || semanticModel.GetDiagnostics(scope.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error);
        }

        /// <summary><c>(int)expression</c>.</summary>
        public static ExpressionSyntax IntCast(ExpressionSyntax expression)
            => SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)), expression);
    }
}
