using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2002: narrows a retry to transient (4yz) replies with the generated reply-class check. A Polly
    /// <c>Handle&lt;SmtpException&gt;()</c> / <c>Or&lt;SmtpCommandException&gt;()</c> gets the predicate
    /// <c>ex =&gt; ex.StatusCode.IsTransientFailure()</c>; a catch of SmtpException or SmtpCommandException without a
    /// filter gets <c>when (ex.StatusCode.IsTransientFailure())</c>. Either way permanent failures then propagate
    /// instead of being retried: the change of behaviour the rule asks for. Offered only where the analyzer found
    /// the caught type to carry the reply in its StatusCode.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PermanentFailureRetriedCodeFixProvider))]
    [Shared]
    public sealed class PermanentFailureRetriedCodeFixProvider : SmtpCodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string FixEquivalenceKey = RuleIds.PermanentFailureRetried + ".RetryTransientOnly";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PermanentFailureRetried);

        protected override string EquivalenceKey => FixEquivalenceKey;

        private protected override FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(PermanentFailureRetriedRule.FixProperty, out var fix))
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            return fix switch
            {
                PermanentFailureRetriedRule.PredicateFix => PlanPredicate(node, semanticModel),
                PermanentFailureRetriedRule.FilterFix => PlanFilter(node, semanticModel, InsertedComment.WrapperSubject(diagnostic)),
                _ => null,
            };
        }

        /// <summary><c>Handle&lt;T&gt;()</c> becomes <c>Handle&lt;T&gt;(ex =&gt; ex.StatusCode.IsTransientFailure())</c>.</summary>
        private static FixPlan? PlanPredicate(SyntaxNode node, SemanticModel semanticModel)
        {
            var invocation = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            if (invocation is null || invocation.ArgumentList.Arguments.Count != 0)
            {
                return null;
            }

            var name = FixNames.FreeExceptionName(semanticModel, invocation.ArgumentList.SpanStart, invocation.ArgumentList);
            var lambda = SyntaxFactory.SimpleLambdaExpression(
                SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)),
                TransientCheck(name));
            // Only the argument list is replaced: in "Handle<A>().Or<B>()" both clauses are fixed by one fix-all pass.
            var replacement = invocation.ArgumentList.WithArguments(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lambda)));
            return FixPlan.Replace("Handle only transient (4yz) replies", invocation.ArgumentList, replacement, HolderNeeds.ReplyClassChecks);
        }

        /// <summary>
        /// <c>catch (SmtpException)</c> becomes <c>catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())</c>;
        /// through a send wrapper (<paramref name="wrapperSubject"/>) the catch block also gets a first line that names it.
        /// </summary>
        private static FixPlan? PlanFilter(SyntaxNode node, SemanticModel semanticModel, string? wrapperSubject)
        {
            var clause = node.AncestorsAndSelf().OfType<CatchClauseSyntax>().FirstOrDefault();
            if (clause is null || clause.Filter is not null || clause.Declaration is null)
            {
                return null;
            }

            var declaration = clause.Declaration;
            string name;
            if (declaration.Identifier.IsKind(SyntaxKind.IdentifierToken))
            {
                name = declaration.Identifier.ValueText;
            }
            else
            {
                name = FixNames.FreeExceptionName(semanticModel, clause.Block.SpanStart, clause);
                declaration = declaration
                    .WithType(declaration.Type.WithoutTrailingTrivia())
                    .WithIdentifier(SyntaxFactory.Identifier(SyntaxFactory.TriviaList(SyntaxFactory.Space), name, SyntaxFactory.TriviaList()));
            }

            var trailing = declaration.CloseParenToken.TrailingTrivia;
            declaration = declaration.WithCloseParenToken(declaration.CloseParenToken.WithTrailingTrivia());
            var filter = SyntaxFactory.CatchFilterClause(
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.WhenKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    SyntaxFactory.Token(SyntaxKind.OpenParenToken),
                    TransientCheck(name),
                    SyntaxFactory.Token(SyntaxKind.CloseParenToken))
                .WithTrailingTrivia(trailing);
            var replacement = clause.WithDeclaration(declaration).WithFilter(filter);
            if (wrapperSubject is not null)
            {
                replacement = replacement.WithBlock(InsertedComment.AtStartOf(clause.Block, InsertedComment.NewLineOf(clause), WrapperComment(wrapperSubject)));
            }

            return FixPlan.Replace("Retry only transient (4yz) replies", clause, replacement, HolderNeeds.ReplyClassChecks);
        }

        /// <summary>The line the filter fix adds to a catch around a send wrapper: <c>// SendEmail sends mail: ...</c>.</summary>
        internal static string WrapperComment(string wrapperSubject)
            => "// " + wrapperSubject + ": only its transient (4yz) failures are retried here; a permanent (5yz) one now reaches the caller (RFC 5321 §4.2.1).";

        private static ExpressionSyntax TransientCheck(string variable)
            => SyntaxFactory.ParseExpression(variable + ".StatusCode." + ReplyCodesHolder.TransientCheck + "()");
    }
}
