using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SmtpAnalyzers
{
    /// <summary>
    /// Base of the code fixes: a fix is a <see cref="FixPlan"/> per diagnostic. Offered only when a plan exists
    /// (its preconditions hold); fix-all applies every plan of a document at once and adds the generated helper
    /// once per project.
    /// </summary>
    public abstract class SmtpCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key of this provider's fix.</summary>
        protected abstract string EquivalenceKey { get; }

        public sealed override FixAllProvider GetFixAllProvider() => new PlanFixAllProvider(this);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return;
            }

            var holderUsable = await ReplyCodesHolder.CanUseAsync(context.Document, semanticModel.Compilation, context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var plan = TryPlan(root, semanticModel, diagnostic, holderUsable, context.CancellationToken);
                if (plan is null)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(plan.Title, ct => FixPlan.ApplyAsync(document, new[] { plan }, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private FixPlan? TryPlan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, bool holderUsable, CancellationToken cancellationToken)
        {
            if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var plan = Plan(root, semanticModel, diagnostic, cancellationToken);
            if (plan is not null && !plan.Needs.IsEmpty && !holderUsable)
            {
                return null;
            }

            // Code being typed: a rewrite of a node with syntax errors in it copies them (SMTP2001 duplicated a catch body
            // that lacked its closing brace and garbled the clauses), and a rewrite inside a member that does not compile
            // can change what the parser recovered into. Offer nothing until the member compiles.
            if (plan is not null && plan.Replacements.Any(r => FixSyntax.IsInBrokenCode(r.Original, semanticModel, cancellationToken)))
            {
                return null;
            }

            return plan;
        }

        /// <summary>The fix for <paramref name="diagnostic"/>, or null when its preconditions do not hold.</summary>
        private protected abstract FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken);

        private sealed class PlanFixAllProvider : FixAllProvider
        {
            private readonly SmtpCodeFixProvider _provider;

            public PlanFixAllProvider(SmtpCodeFixProvider provider) => _provider = provider;

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                // dotnet format asks with the key of the action registered for the first diagnostic of the ID, and with
                // none (null) when that diagnostic has no fix (a shape the rule reports without one): every fix of a
                // provider has the same key, so null means ours too, or nothing of that ID would be fixed.
                if (fixAllContext.CodeActionEquivalenceKey is not null && fixAllContext.CodeActionEquivalenceKey != _provider.EquivalenceKey)
                {
                    return Task.FromResult<CodeAction?>(null);
                }

                return Task.FromResult<CodeAction?>(CodeAction.Create(
                    "Fix all " + string.Join(", ", fixAllContext.DiagnosticIds),
                    ct => FixAllAsync(fixAllContext, ct),
                    fixAllContext.CodeActionEquivalenceKey));
            }

            private async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
            {
                var original = context.Solution;
                var projects = context.Scope switch
                {
                    FixAllScope.Solution => original.Projects.ToList(),
                    _ => new List<Project> { context.Project },
                };

                var solution = original;
                foreach (var project in projects)
                {
                    var documents = context.Scope == FixAllScope.Document && context.Document is not null
                        ? new[] { context.Document }
                        : project.Documents.ToArray();
                    var needs = new List<HolderNeeds>();
                    var fixedDocuments = new List<DocumentId>();
                    foreach (var document in documents)
                    {
                        var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                        if (diagnostics.IsEmpty)
                        {
                            continue;
                        }

                        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                        if (root is null || semanticModel is null)
                        {
                            continue;
                        }

                        var holderUsable = await ReplyCodesHolder.CanUseAsync(document, semanticModel.Compilation, cancellationToken).ConfigureAwait(false);
                        var plans = diagnostics
                            .OrderBy(d => d.Location.SourceSpan.Start)
                            .Select(d => _provider.TryPlan(root, semanticModel, d, holderUsable, cancellationToken))
                            .Where(p => p is not null)
                            .Select(p => p!)
                            .ToList();
                        if (plans.Count == 0)
                        {
                            continue;
                        }

                        var edited = await FixPlan.ApplyEditsAsync(document, plans, cancellationToken).ConfigureAwait(false);
                        var newRoot = await edited.GetDocument(document.Id)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                        solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot!);
                        needs.AddRange(plans.Select(p => p.Needs));
                        fixedDocuments.Add(document.Id);
                    }

                    solution = await ReplyCodesHolder.EnsureAsync(solution, project.Id, HolderNeeds.Union(needs), fixedDocuments, cancellationToken).ConfigureAwait(false);
                }

                return solution;
            }
        }
    }
}
