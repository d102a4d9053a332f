using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Model;

namespace SmtpAnalyzers.ReplyCodes
{
    /// <summary>
    /// SMTP1004: replaces a search for a three-digit reply code in an exception's text with a comparison of
    /// its StatusCode: <c>ex.Message.Contains("550")</c> becomes <c>ex.StatusCode == SmtpStatusCode.MailboxUnavailable</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplyCodeInMessageTextCodeFixProvider))]
    [Shared]
    public sealed class ReplyCodeInMessageTextCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string EquivalenceKey = RuleIds.ReplyCodeInMessageText + ".CompareStatusCode";

        /// <summary>How far up from the code literal the search's invocation or operator can be.</summary>
        private const int MaxSearchDepth = 8;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ReplyCodeInMessageText);

        // Each fix rewrites only its own test expression, so the edits are independent.
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var plan = TryPlan(root, semanticModel, diagnostic.Location.SourceSpan, context.CancellationToken);
                if (plan is null)
                {
                    continue;
                }

                var (replaced, replacement, title) = plan.Value;
                if (FixSyntax.IsInBrokenCode(replaced, semanticModel, context.CancellationToken))
                {
                    // Half-typed code: "bool IsBusy(...) => ex.Message.Contains("450");" without "bool" is a constructor,
                    // whose expression body cannot be the comparison the fix writes.
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        async ct =>
                        {
                            var editor = await DocumentEditor.CreateAsync(context.Document, ct).ConfigureAwait(false);
                            editor.ReplaceNode(replaced, replacement);
                            return editor.GetChangedDocument();
                        },
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static (SyntaxNode Replaced, SyntaxNode Replacement, string Title)? TryPlan(
            SyntaxNode root, SemanticModel semanticModel, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
        {
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            var codeValue = semanticModel.GetOperation(node, cancellationToken);
            if (codeValue is null)
            {
                return null;
            }

            var model = SmtpModel.Create(semanticModel.Compilation);
            var search = FindSearch(codeValue, model);
            if (search is null || search.Code.IsEnhanced || search.Test is null)
            {
                return null;
            }

            // Only a text read straight from a local, parameter or catch variable: through a local holding the
            // text the exception may be out of scope, and anything else may have side effects or change meaning.
            var text = search.Text;
            if (text.ThroughLocal || text.Conditional || text.Kind != SmtpExceptionKind.StatusCode
                || text.Exception is not (ILocalReferenceOperation or IParameterReferenceOperation)
                || text.Exception.Syntax is not IdentifierNameSyntax receiver)
            {
                return null;
            }

            var enumType = model.StatusCodeEnum(text.Library);
            if (enumType is null || !ReplyCodeTable.TryGet(search.Code.ReplyCode, out var info))
            {
                return null;
            }

            var member = info.MemberOf(text.Library);
            if (member is null || !enumType.GetMembers(member).OfType<IFieldSymbol>().Any())
            {
                return null;
            }

            // A negation around the test is folded in: !ex.Message.Contains("550") -> ex.StatusCode != ...
            var replaced = search.Test.Syntax;
            var negative = search.TestIsNegative;
            while (true)
            {
                var parent = replaced.Parent;
                while (parent is ParenthesizedExpressionSyntax)
                {
                    parent = parent.Parent;
                }

                if (parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not)
                {
                    replaced = not;
                    negative = !negative;
                    continue;
                }

                break;
            }

            var comparison = SyntaxFactory.BinaryExpression(
                negative ? SyntaxKind.NotEqualsExpression : SyntaxKind.EqualsExpression,
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    receiver.WithoutTrivia(),
                    SyntaxFactory.IdentifierName("StatusCode")),
                FixSyntax.EnumMember(enumType, member));

            // Parentheses keep the comparison whole where the replaced expression sat under a tighter operator
            // (x is false, a == b); the simplifier removes them wherever they are not needed.
            var replacement = SyntaxFactory.ParenthesizedExpression(comparison)
                .WithAdditionalAnnotations(Simplifier.Annotation)
                .WithTriviaFrom(replaced);

            return (replaced, replacement, $"Compare {receiver.Identifier.ValueText}.StatusCode with SmtpStatusCode.{member}");
        }

        /// <summary>The search whose code constant is <paramref name="codeValue"/>, found by walking up to its invocation or operator.</summary>
        private static CodeTextSearch? FindSearch(IOperation codeValue, SmtpModel model)
        {
            var current = codeValue;
            for (var depth = 0; depth < MaxSearchDepth && current is not null; depth++, current = current.Parent)
            {
                if (current is IInvocationOperation or IBinaryOperation
                    && CodeTextSearch.TryFind(current, model, out var search)
                    && search.CodeValue.Syntax.Span == codeValue.Syntax.Span)
                {
                    return search;
                }
            }

            return null;
        }
    }
}
