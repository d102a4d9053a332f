#pragma warning disable RS1001 // A measuring instrument: no host loads it, so it carries no [DiagnosticAnalyzer].

using System.Collections.Immutable;
using System.Linq;
using SmtpAnalyzers.Engine;

namespace SmtpAnalyzers.Benchmarks.Harness
{
    /// <summary>
    /// The package's engine with one rule (the IDs one <c>SmtpRule</c> reports): its gate, its enablement check and its
    /// dispatch of only the operation kinds that rule asked for. The package ships one analyzer, so a build's analyzer
    /// report (<c>-p:ReportAnalyzer=true</c>) shows one line for all rules; these engines keep the time per rule visible.
    /// One engine per rule of the catalog, so a new rule is measured without edits here.
    /// </summary>
    public sealed class OneRuleEngine : SmtpEngine
    {
        private OneRuleEngine(string name, string[] ruleIds)
            : base(ruleIds)
        {
            Name = name;
            RuleIdList = ImmutableArray.Create(ruleIds);
        }

        /// <summary>The rule's class name without "Rule", e.g. <c>UseNamedStatusCode</c>.</summary>
        public string Name { get; }

        /// <summary>The IDs the rule reports.</summary>
        public ImmutableArray<string> RuleIdList { get; }

        /// <summary>A fresh engine per rule of the package, in the catalog's (ID) order.</summary>
        public static ImmutableArray<OneRuleEngine> CreateAll()
            => RuleCatalog.All
                .Select(rule => new OneRuleEngine(
                    TrimSuffix(rule.GetType().Name, "Rule"),
                    rule.SupportedDiagnostics.Select(d => d.Id).Distinct().ToArray()))
                .ToImmutableArray();

        /// <summary>e.g. <c>ReplyClassRange (SMTP1002, SMTP1003)</c>.</summary>
        public string Description => Name + " (" + string.Join(", ", RuleIdList) + ")";

        private static string TrimSuffix(string name, string suffix)
            => name.EndsWith(suffix, System.StringComparison.Ordinal) ? name.Substring(0, name.Length - suffix.Length) : name;
    }
}
