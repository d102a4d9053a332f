using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Rules.Security;

namespace SmtpAnalyzers.Security
{
    /// <summary>
    /// SMTP3007: "Use port 587 with STARTTLS": the literal 465 becomes 587, offered only when the analyzer saw a
    /// constant <c>EnableSsl = true</c> on the same client (so the client now does STARTTLS on the submission port).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ImplicitTlsPortCodeFixProvider))]
    [Shared]
    public sealed class ImplicitTlsPortCodeFixProvider : SmtpCodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string FixEquivalenceKey = RuleIds.ImplicitTlsPortWithSystemNetMail + ".UsePort587";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ImplicitTlsPortWithSystemNetMail);

        protected override string EquivalenceKey => FixEquivalenceKey;

        private protected override FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.ContainsKey(ImplicitTlsPort.FixableProperty))
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var literal = ImplicitTlsPort.FixedLiteral(node);
            if (literal is null)
            {
                return null;
            }

            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(587)).WithTriviaFrom(literal);
            return FixPlan.Replace("Use port 587 with STARTTLS", literal, replacement);
        }
    }
}
