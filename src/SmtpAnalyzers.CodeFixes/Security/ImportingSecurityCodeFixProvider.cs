using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace SmtpAnalyzers.Security
{
    /// <summary>
    /// Base of the SMTP3xxx fixes that need a <see cref="SyntaxGenerator"/> (a type expression that adds its
    /// <c>using</c>): a fix is a list of node replacements in the diagnostic's document, offered only when it exists
    /// and the member compiles. Fix-all applies every diagnostic's replacements of a document with one editor,
    /// skipping a node already replaced (two diagnostics of one client share their edits).
    /// </summary>
    public abstract class ImportingSecurityCodeFixProvider : CodeFixProvider
    {
        /// <summary>The title of the code action.</summary>
        protected abstract string Title { get; }

        /// <summary>The equivalence key of this provider's fix.</summary>
        protected abstract string EquivalenceKey { get; }

        public sealed override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create(
                async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false),
                ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return;
            }

            var generator = SyntaxGenerator.GetGenerator(document);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (Plan(root, semanticModel, generator, diagnostic, context.CancellationToken) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The replacements that fix <paramref name="diagnostic"/>, or null when its preconditions do not hold.</summary>
        private protected abstract List<(SyntaxNode Original, SyntaxNode Replacement)>? Plan(
            SyntaxNode root, SemanticModel semanticModel, SyntaxGenerator generator, Diagnostic diagnostic, CancellationToken cancellationToken);

        private async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var root = editor.OriginalRoot;
            var semanticModel = editor.SemanticModel;
            var replaced = new List<SyntaxNode>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var plan = Plan(root, semanticModel, editor.Generator, diagnostic, cancellationToken);
                if (plan is null)
                {
                    continue;
                }

                foreach (var (original, replacement) in plan)
                {
                    if (replaced.Any(r => r.Span.Contains(original.Span) || original.Span.Contains(r.Span)))
                    {
                        continue;
                    }

                    replaced.Add(original);
                    editor.ReplaceNode(original, replacement);
                }
            }

            var imports = replaced.Count == 0
                ? new List<string>()
                : editor.GetChangedRoot().GetAnnotatedNodes(SecurityFixSyntax.NeedsImportKind)
                    .SelectMany(n => n.GetAnnotations(SecurityFixSyntax.NeedsImportKind))
                    .Select(a => a.Data)
                    .Where(d => d is not null)
                    .Select(d => d!)
                    .Distinct()
                    .ToList();
            foreach (var import in imports)
            {
                editor.ReplaceNode(root, (current, _) => SecurityFixSyntax.AddUsing(current, import));
            }

            return editor.GetChangedDocument();
        }

        /// <summary>Whether a fix may be offered at <paramref name="nodes"/>: in this document, in code that compiles.</summary>
        private protected static bool CanEdit(SyntaxNode root, SemanticModel semanticModel, IEnumerable<SyntaxNode> nodes, CancellationToken cancellationToken)
            => nodes.All(n => n.SyntaxTree == root.SyntaxTree && !FixSyntax.IsInBrokenCode(n, semanticModel, cancellationToken));
    }
}
