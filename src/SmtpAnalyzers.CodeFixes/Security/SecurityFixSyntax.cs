using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace SmtpAnalyzers.Security
{
    /// <summary>Syntax the SMTP3xxx fixes build.</summary>
    internal static class SecurityFixSyntax
    {
        /// <summary>The annotation kind that asks <see cref="SecurityCodeFixProvider"/> for a <c>using</c> of the annotation's data.</summary>
        public const string NeedsImportKind = "SmtpAnalyzers.NeedsImport";

        /// <summary>
        /// <c>SecureSocketOptions.Member</c>, fully qualified for the simplifier to shorten; when the simple type name
        /// does not bind at <paramref name="position"/>, annotated so that the fix adds the namespace's <c>using</c>.
        /// </summary>
        public static ExpressionSyntax EnumMember(SemanticModel semanticModel, int position, INamedTypeSymbol enumType, string member)
        {
            var expression = SyntaxFactory.ParseExpression(enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + member)
                .WithAdditionalAnnotations(Simplifier.Annotation);
            var visible = semanticModel.LookupNamespacesAndTypes(position, name: enumType.Name)
                .Any(s => SymbolEqualityComparer.Default.Equals(s, enumType));
            return visible
                ? expression
                : expression.WithAdditionalAnnotations(new SyntaxAnnotation(NeedsImportKind, enumType.ContainingNamespace.ToDisplayString()));
        }

        /// <summary><c>port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls</c>.</summary>
        public static ExpressionSyntax OptionsByPort(SemanticModel semanticModel, int position, INamedTypeSymbol enumType, ExpressionSyntax port)
            => SyntaxFactory.ConditionalExpression(
                SyntaxFactory.BinaryExpression(
                    SyntaxKind.EqualsExpression,
                    port.WithoutTrivia(),
                    SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(465))),
                EnumMember(semanticModel, position, enumType, "SslOnConnect"),
                EnumMember(semanticModel, position, enumType, "StartTls"));

        /// <summary>The literal <c>true</c> with <paramref name="original"/>'s trivia.</summary>
        public static ExpressionSyntax True(SyntaxNode original)
            => SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(original);

        /// <summary>Adds <c>using <paramref name="namespaceName"/>;</c> to the file's top-level usings, in order, unless present.</summary>
        public static SyntaxNode AddUsing(SyntaxNode root, string namespaceName)
        {
            if (root is not CompilationUnitSyntax unit
                || unit.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>()
                    .Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == namespaceName))
            {
                return root;
            }

            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName))
                .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
            var usings = unit.Usings;
            var index = usings.Count;
            for (var i = 0; i < usings.Count; i++)
            {
                if (usings[i].Alias is null && usings[i].StaticKeyword.IsKind(SyntaxKind.None) && usings[i].GlobalKeyword.IsKind(SyntaxKind.None)
                    && Compare(usings[i].Name?.ToString() ?? "", namespaceName) > 0)
                {
                    index = i;
                    break;
                }
            }

            if (usings.Count > 0)
            {
                directive = directive.WithTrailingTrivia(usings[usings.Count - 1].GetTrailingTrivia());
            }

            if (index < usings.Count && index == 0)
            {
                // Keep the file's leading trivia (a header comment) on the first line.
                var first = usings[0];
                directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
                usings = usings.Replace(first, first.WithLeadingTrivia());
            }

            return unit.WithUsings(usings.Insert(index, directive));
        }

        /// <summary>System namespaces first, then ordinal.</summary>
        private static int Compare(string left, string right)
        {
            var leftSystem = left == "System" || left.StartsWith("System.", System.StringComparison.Ordinal);
            var rightSystem = right == "System" || right.StartsWith("System.", System.StringComparison.Ordinal);
            if (leftSystem != rightSystem)
            {
                return leftSystem ? -1 : 1;
            }

            return string.CompareOrdinal(left, right);
        }
    }
}
