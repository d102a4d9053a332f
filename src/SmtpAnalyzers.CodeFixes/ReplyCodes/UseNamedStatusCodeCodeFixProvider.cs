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
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Model;

namespace SmtpAnalyzers.ReplyCodes
{
    /// <summary>SMTP1001: replaces a magic reply code with the member of the library's SmtpStatusCode enum.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseNamedStatusCodeCodeFixProvider))]
    [Shared]
    public sealed class UseNamedStatusCodeCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string EquivalenceKey = RuleIds.UseNamedStatusCode + ".UseMember";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UseNamedStatusCode);

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
                var plan = NamedCodeFix.TryPlan(root, semanticModel, diagnostic.Location.SourceSpan, context.CancellationToken);
                if (plan is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        plan.Title,
                        ct => plan.ApplyAsync(context.Document, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>A planned rewrite of one magic reply code into a named one.</summary>
    internal sealed class NamedCodeFix
    {
        private readonly SyntaxNode _replaced;
        private readonly SyntaxNode _replacement;
        private readonly SyntaxNode? _unwrappedCast;
        private readonly SyntaxNode? _castOperand;

        private NamedCodeFix(string title, SyntaxNode replaced, SyntaxNode replacement, SyntaxNode? unwrappedCast, SyntaxNode? castOperand)
        {
            Title = title;
            _replaced = replaced;
            _replacement = replacement;
            _unwrappedCast = unwrappedCast;
            _castOperand = castOperand;
        }

        public string Title { get; }

        public static NamedCodeFix? TryPlan(SyntaxNode root, SemanticModel semanticModel, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
        {
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            if (node is not ExpressionSyntax expression)
            {
                return null;
            }

            if (semanticModel.GetOperation(expression, cancellationToken) is not { ConstantValue.Value: int value } number)
            {
                return null;
            }

            var model = SmtpModel.Create(semanticModel.Compilation);
            if (!MagicCodeUse.TryFind(number, model, out var use) || use.Kind == MagicCodeUseKind.RelationalBound)
            {
                return null;
            }

            var enumType = model.StatusCodeEnum(use.Library);
            if (enumType is null || !ReplyCodeTable.TryGet(value, out var info))
            {
                return null;
            }

            var member = info.MemberOf(use.Library);
            if (member is null || !enumType.GetMembers(member).OfType<IFieldSymbol>().Any())
            {
                return null;
            }

            var memberAccess = FixSyntax.EnumMember(enumType, member);
            var title = $"Use SmtpStatusCode.{member}";

            if (use.EnumCast is not null)
            {
                // (SmtpStatusCode)550 -> SmtpStatusCode.MailboxUnavailable
                var castSyntax = use.EnumCast.Syntax;
                return new NamedCodeFix(title, castSyntax, memberAccess.WithTriviaFrom(castSyntax), null, null);
            }

            if (use.Kind == MagicCodeUseKind.Equality
                && use.StatusCode is IConversionOperation { Syntax: CastExpressionSyntax cast } conversion
                && model.IsStatusCodeEnum(conversion.Operand.Type, out _)
                && expression.Parent is BinaryExpressionSyntax)
            {
                // (int)ex.StatusCode == 550 -> ex.StatusCode == SmtpStatusCode.MailboxUnavailable
                return new NamedCodeFix(title, expression, memberAccess.WithTriviaFrom(expression), cast, cast.Expression.WithTriviaFrom(cast));
            }

            // An int context (a local, a switch over an int): keep the int type.
            var intCast = FixSyntax.IntCast(memberAccess);
            return new NamedCodeFix(title, expression, intCast.WithTriviaFrom(expression), null, null);
        }

        public async Task<Document> ApplyAsync(Document document, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.ReplaceNode(_replaced, _replacement);
            if (_unwrappedCast is not null && _castOperand is not null)
            {
                editor.ReplaceNode(_unwrappedCast, _castOperand);
            }

            return editor.GetChangedDocument();
        }
    }
}
