using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Security
{
    /// <summary>SMTP3004: <c>CheckCertificateRevocation = false</c> becomes <c>true</c> (only where the value is the literal <c>false</c>).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RevocationCheckDisabledCodeFixProvider))]
    [Shared]
    public sealed class RevocationCheckDisabledCodeFixProvider : SecurityCodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string FixEquivalenceKey = RuleIds.RevocationCheckDisabled + ".CheckRevocation";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RevocationCheckDisabled);

        protected override string EquivalenceKey => FixEquivalenceKey;

        private protected override SecurityEdit? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment
                || !assignment.Right.IsKind(SyntaxKind.FalseLiteralExpression))
            {
                return null;
            }

            var literal = assignment.Right;
            return new SecurityEdit(
                "Check certificate revocation",
                literal,
                SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(literal));
        }
    }
}
