using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.Rules.Security;

namespace SmtpAnalyzers.Security
{
    /// <summary>
    /// SMTP3005: drops the obsolete members from an <c>|</c>-tree of SslProtocols/SecurityProtocolType members
    /// (<c>Tls | Tls11 | Tls12</c> becomes <c>Tls12</c>). When none remains, the value becomes <c>SslProtocols.None</c> /
    /// <c>SecurityProtocolType.SystemDefault</c> (the operating system's choice), and a <c>|=</c> statement is removed;
    /// where SystemDefault does not exist (.NET Standard 2.0, .NET Framework before 4.7) such a value gets no fix.
    /// No fix for casts, numbers or other expressions: what the author meant by them is not written down.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ObsoleteTlsVersionsCodeFixProvider))]
    [Shared]
    public sealed class ObsoleteTlsVersionsCodeFixProvider : SecurityCodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string FixEquivalenceKey = RuleIds.ObsoleteTlsVersions + ".RemoveObsoleteVersions";

        private const string Title = "Remove obsolete TLS versions";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ObsoleteTlsVersions);

        protected override string EquivalenceKey => FixEquivalenceKey;

        private protected override SecurityEdit? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment)
            {
                return null;
            }

            var symbols = SecuritySymbols.Create(semanticModel.Compilation);
            var leaves = new List<(ExpressionSyntax Syntax, INamedTypeSymbol Type, long Value)>();
            if (!CollectMembers(assignment.Right, semanticModel, symbols, leaves, cancellationToken) || leaves.Count == 0)
            {
                return null;
            }

            var enumType = leaves[0].Type;
            if (leaves.Any(l => !SymbolEqualityComparer.Default.Equals(l.Type, enumType)))
            {
                return null;
            }

            var isSslProtocols = SymbolEqualityComparer.Default.Equals(enumType, symbols.SslProtocols);
            var weak = isSslProtocols ? TlsSettingsRules.WeakSslProtocols : TlsSettingsRules.WeakSecurityProtocols;
            var kept = leaves.Where(l => (l.Value & weak) == 0).ToList();
            if (kept.Count == leaves.Count)
            {
                return null;
            }

            if (kept.Count == 0)
            {
                if (assignment.IsKind(SyntaxKind.OrAssignmentExpression))
                {
                    return RemoveAssignment(Title, assignment);
                }

                // SecurityProtocolType.SystemDefault exists from .NET Framework 4.7 on, not in .NET Standard 2.0 or
                // .NET Framework 4.6.x: there no value says "the operating system's choice", so no fix is offered.
                var noneName = isSslProtocols ? "None" : "SystemDefault";
                if (enumType.GetMembers(noneName).IsEmpty)
                {
                    return null;
                }

                var none = FixSyntax.EnumMember(enumType, noneName).WithTriviaFrom(assignment.Right);
                return new SecurityEdit(Title, assignment.Right, none);
            }

            var text = string.Join(" | ", kept.Select(l => l.Syntax.WithoutTrivia().ToString()));
            var value = SyntaxFactory.ParseExpression(text).WithTriviaFrom(assignment.Right);
            return new SecurityEdit(Title, assignment.Right, value);
        }

        /// <summary>The enum members of an <c>|</c>-tree (parentheses allowed); false for anything else (casts, numbers, calls).</summary>
        private static bool CollectMembers(
            ExpressionSyntax expression,
            SemanticModel semanticModel,
            SecuritySymbols symbols,
            List<(ExpressionSyntax Syntax, INamedTypeSymbol Type, long Value)> leaves,
            CancellationToken cancellationToken)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return CollectMembers(parenthesized.Expression, semanticModel, symbols, leaves, cancellationToken);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.BitwiseOrExpression):
                    return CollectMembers(binary.Left, semanticModel, symbols, leaves, cancellationToken)
                        && CollectMembers(binary.Right, semanticModel, symbols, leaves, cancellationToken);
                case MemberAccessExpressionSyntax or IdentifierNameSyntax:
                    if (semanticModel.GetSymbolInfo(expression, cancellationToken).Symbol is IFieldSymbol { HasConstantValue: true, ContainingType: { } type } field
                        && (SymbolEqualityComparer.Default.Equals(type, symbols.SslProtocols) || SymbolEqualityComparer.Default.Equals(type, symbols.SecurityProtocolType)))
                    {
                        leaves.Add((expression, type, System.Convert.ToInt64(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)));
                        return true;
                    }

                    return false;
                default:
                    return false;
            }
        }
    }
}
