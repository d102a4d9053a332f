using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2004: awaits a discarded send (<c>client.SendMailAsync(m);</c> or <c>_ = client.SendMailAsync(m);</c>
    /// becomes <c>await client.SendMailAsync(m);</c>). Offered only where the analyzer found the enclosing function
    /// already async, so that the failure then reaches its caller; never makes a function async.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SendOutcomeNotObservedCodeFixProvider))]
    [Shared]
    public sealed class SendOutcomeNotObservedCodeFixProvider : SmtpCodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string FixEquivalenceKey = RuleIds.SendOutcomeNotObserved + ".Await";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SendOutcomeNotObserved);

        protected override string EquivalenceKey => FixEquivalenceKey;

        private protected override FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(SendOutcomeNotObservedRule.FixProperty, out var fix)
                || fix != SendOutcomeNotObservedRule.AwaitFix
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax send)
            {
                return null;
            }

            // "send;" -> "await send;"; "_ = send;" -> "await send;". The replaced expression's leading trivia goes
            // before "await", and whatever followed the send stays after it.
            // "send.GetAwaiter();" and "_ = send.GetAwaiter();": the dropped awaiter goes with the rest.
            ExpressionSyntax discarded = send;
            if (send.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } access
                && access.Expression == send
                && access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } getAwaiter)
            {
                discarded = getAwaiter;
            }

            ExpressionSyntax replaced;
            switch (discarded.Parent)
            {
                case ExpressionStatementSyntax statement when statement.Expression == discarded:
                    replaced = discarded;
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } assignment
                    when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == discarded && assignment.Parent is ExpressionStatementSyntax:
                    replaced = assignment;
                    break;
                default:
                    return null;
            }

            // Through a send wrapper, a line before the statement names where the mail is sent.
            var leading = replaced.GetLeadingTrivia();
            if (InsertedComment.WrapperSubject(diagnostic) is { } wrapperSubject)
            {
                leading = InsertedComment.BeforeStatement(leading, replaced.GetFirstToken(), WrapperComment(wrapperSubject), InsertedComment.NewLineOf(replaced));
            }

            var awaitKeyword = SyntaxFactory.Token(leading, SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            var awaited = SyntaxFactory.AwaitExpression(awaitKeyword, send.WithLeadingTrivia().WithTrailingTrivia())
                .WithTrailingTrivia(replaced.GetTrailingTrivia());
            return FixPlan.Replace("Await the send so that its failure is observed", replaced, awaited);
        }

        /// <summary>The line the await fix adds before a call to a send wrapper: <c>// SendEmailAsync sends mail: ...</c>.</summary>
        internal static string WrapperComment(string wrapperSubject)
            => "// " + wrapperSubject + ": awaited so that a 4yz or 5yz failure (RFC 5321 §4.2.1) is no longer lost.";
    }
}
