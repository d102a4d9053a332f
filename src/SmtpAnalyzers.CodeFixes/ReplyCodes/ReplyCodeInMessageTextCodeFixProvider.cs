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
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.ReplyCodes
{
    /// <summary>
    /// SMTP1004: replaces a search for a three-digit reply code in an exception's text with a comparison of
    /// its StatusCode: <c>ex.Message.Contains("550")</c> becomes <c>ex.StatusCode == SmtpStatusCode.MailboxUnavailable</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplyCodeInMessageTextCodeFixProvider))]
    [Shared]
    public sealed class ReplyCodeInMessageTextCodeFixProvider : SmtpCodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string FixEquivalenceKey = RuleIds.ReplyCodeInMessageText + ".CompareStatusCode";

        /// <summary>How far up from the code literal the search's invocation or operator can be.</summary>
        private const int MaxSearchDepth = 8;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ReplyCodeInMessageText);

        protected override string EquivalenceKey => FixEquivalenceKey;

        private protected override FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
            => TryPlan(root, semanticModel, diagnostic.Location.SourceSpan, cancellationToken);

        private static FixPlan? TryPlan(
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
            // A catch of Exception has no StatusCode to compare: a typed catch is the user's decision.
            if (text.ThroughLocal || text.Conditional || text.Kind != SmtpExceptionKind.StatusCode
                || !model.IsSmtpException(text.Exception.Type, out _, out _)
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

            // The library's member, or, where its enum has none (535 in System.Net.Mail), the documented constant of
            // the generated SmtpReplyCodes holder.
            var member = info.MemberOf(text.Library);
            ExpressionSyntax named;
            HolderNeeds needs;
            string title;
            if (member is not null && enumType.GetMembers(member).OfType<IFieldSymbol>().Any())
            {
                named = FixSyntax.EnumMember(enumType, member);
                needs = HolderNeeds.None;
                title = $"Compare {receiver.Identifier.ValueText}.StatusCode with SmtpStatusCode.{member}";
            }
            else
            {
                named = ReplyCodesHolder.ConstantReference(text.Library, info);
                needs = HolderNeeds.Constant(text.Library, info.Value);
                title = $"Compare {receiver.Identifier.ValueText}.StatusCode with {named}";
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
                named);

            // Parentheses keep the comparison whole where the replaced expression sat under a tighter operator
            // (x is false, a == b); the simplifier removes them wherever they are not needed.
            var replacement = SyntaxFactory.ParenthesizedExpression(comparison)
                .WithAdditionalAnnotations(Simplifier.Annotation)
                .WithTriviaFrom(replaced);

            return FixPlan.Replace(title, replaced, replacement, needs);
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
