using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using SmtpAnalyzers.Knowledge;

namespace SmtpAnalyzers
{
    /// <summary>
    /// What one code fix does to one diagnostic: node replacements in the diagnostic's document, and the
    /// generated helper code (<see cref="ReplyCodesHolder"/>) those replacements rely on. Single fixes and
    /// fix-all apply plans the same way, so fix-all never creates the helper twice.
    /// </summary>
    internal sealed class FixPlan
    {
        public FixPlan(string title, ImmutableArray<(SyntaxNode Original, SyntaxNode Replacement)> replacements, HolderNeeds needs)
        {
            Title = title;
            Replacements = replacements;
            Needs = needs;
        }

        public string Title { get; }

        public ImmutableArray<(SyntaxNode Original, SyntaxNode Replacement)> Replacements { get; }

        public HolderNeeds Needs { get; }

        public static FixPlan Replace(string title, SyntaxNode original, SyntaxNode replacement, HolderNeeds? needs = null)
            => new FixPlan(title, ImmutableArray.Create((original, replacement)), needs ?? HolderNeeds.None);

        /// <summary>Applies plans made against <paramref name="document"/>, then adds or extends the helper holder once.</summary>
        public static async Task<Solution> ApplyAsync(Document document, IEnumerable<FixPlan> plans, CancellationToken cancellationToken)
        {
            var planList = plans.ToList();
            var solution = await ApplyEditsAsync(document, planList, cancellationToken).ConfigureAwait(false);
            var needs = HolderNeeds.Union(planList.Select(p => p.Needs));
            return await ReplyCodesHolder.EnsureAsync(solution, document.Project.Id, needs, new[] { document.Id }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Applies the node replacements of <paramref name="plans"/>; a node already replaced, or inside one, is skipped.</summary>
        public static async Task<Solution> ApplyEditsAsync(Document document, IReadOnlyList<FixPlan> plans, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var replaced = new List<SyntaxNode>();
            foreach (var plan in plans)
            {
                foreach (var (original, replacement) in plan.Replacements)
                {
                    if (replaced.Any(r => r.Span.Contains(original.Span) || original.Span.Contains(r.Span)))
                    {
                        continue;
                    }

                    replaced.Add(original);
                    editor.ReplaceNode(original, replacement);
                }
            }

            return editor.GetChangedDocument().Project.Solution;
        }
    }

    /// <summary>The generated helper code a fix relies on: reply-code constants, and the reply-class checks.</summary>
    internal sealed class HolderNeeds
    {
        public static readonly HolderNeeds None = new HolderNeeds(ImmutableHashSet<(SmtpLibrary, int)>.Empty, false);

        public HolderNeeds(ImmutableHashSet<(SmtpLibrary Library, int Code)> constants, bool classChecks)
        {
            Constants = constants;
            ClassChecks = classChecks;
        }

        public static HolderNeeds ReplyClassChecks { get; } = new HolderNeeds(ImmutableHashSet<(SmtpLibrary, int)>.Empty, true);

        public ImmutableHashSet<(SmtpLibrary Library, int Code)> Constants { get; }

        public bool ClassChecks { get; }

        public bool IsEmpty => Constants.IsEmpty && !ClassChecks;

        public static HolderNeeds Constant(SmtpLibrary library, int code)
            => new HolderNeeds(ImmutableHashSet.Create((library, code)), false);

        public static HolderNeeds Union(IEnumerable<HolderNeeds> needs)
        {
            var constants = ImmutableHashSet.CreateBuilder<(SmtpLibrary, int)>();
            var checks = false;
            foreach (var need in needs)
            {
                constants.UnionWith(need.Constants);
                checks |= need.ClassChecks;
            }

            return new HolderNeeds(constants.ToImmutable(), checks);
        }
    }
}
