using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2003: after a catch of SmtpFailedRecipientsException that has no sibling for the single failure, inserts
    /// <c>catch (SmtpFailedRecipientException) { // ... throw; }</c>, a place to handle exactly one failed recipient.
    /// Offered only where the analyzer found that no later clause of the try can catch SmtpFailedRecipientException:
    /// the exception escaped the try before, and <c>throw;</c> lets it escape the same way, so behaviour is kept.
    /// (A rethrow does not reach later clauses of the same try, so where a later clause caught it, no fix is offered.)
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PartialRecipientFailureCodeFixProvider))]
    [Shared]
    public sealed class PartialRecipientFailureCodeFixProvider : SmtpCodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string FixEquivalenceKey = RuleIds.PartialRecipientFailure + ".CatchSingleRecipient";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PartialRecipientFailure);

        protected override string EquivalenceKey => FixEquivalenceKey;

        private protected override FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(PartialRecipientFailureRule.FixProperty, out var fix)
                || fix != PartialRecipientFailureRule.RethrowFix
                || root.FindNode(diagnostic.Location.SourceSpan) is not CatchClauseSyntax { Declaration: { } declaration } plural
                || plural.Parent is not TryStatementSyntax tryStatement)
            {
                return null;
            }

            var model = SmtpModel.Create(semanticModel.Compilation);
            var single = model.SmtpFailedRecipientException;
            if (single is null
                || !SymbolRelations.IsType(semanticModel.GetTypeInfo(declaration.Type, cancellationToken).Type, model.SmtpFailedRecipientsException))
            {
                return null;
            }

            foreach (var clause in tryStatement.Catches)
            {
                if (clause.Declaration is { } other && SymbolRelations.IsType(semanticModel.GetTypeInfo(other.Type, cancellationToken).Type, single))
                {
                    return null;
                }
            }

            var comments = SyntaxFactory.TriviaList(
                SyntaxFactory.Comment("// Exactly one recipient was rejected; in a message with several recipients the others already received it."),
                SyntaxFactory.ElasticCarriageReturnLineFeed,
                SyntaxFactory.Comment("// Read FailedRecipient and StatusCode here (4yz: retry that recipient later; 5yz: do not retry it unchanged)."),
                SyntaxFactory.ElasticCarriageReturnLineFeed,
                SyntaxFactory.Comment("// Until then the exception propagates as it did before this catch was added."),
                SyntaxFactory.ElasticCarriageReturnLineFeed);
            var rethrow = SyntaxFactory.ThrowStatement().WithLeadingTrivia(comments);
            var newClause = SyntaxFactory.CatchClause(
                    SyntaxFactory.CatchDeclaration(FixSyntax.Type(single)),
                    null,
                    SyntaxFactory.Block(rethrow))
                .WithAdditionalAnnotations(Formatter.Annotation);

            var index = tryStatement.Catches.IndexOf(plural);
            var newTry = tryStatement.WithCatches(tryStatement.Catches.Insert(index + 1, newClause));
            return FixPlan.Replace("Catch SmtpFailedRecipientException, thrown when exactly one recipient fails", tryStatement, newTry);
        }
    }
}
