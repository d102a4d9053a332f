using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpAnalyzers.Benchmarks.Harness
{
    /// <summary>Every analyzer the SmtpAnalyzers assembly exports, found by reflection so a new rule is measured without edits here.</summary>
    public static class SmtpAnalyzerSet
    {
        public static ImmutableArray<Type> Types { get; } = typeof(SmtpAnalyzers.Engine.SmtpEngine).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToImmutableArray();

        /// <summary>Fresh instances; the benchmark builds a new set per run so nothing an analyzer caches on itself carries over.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Create()
            => Types.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

        /// <summary>Every rule ID the analyzers export.</summary>
        public static ImmutableArray<string> RuleIds()
            => Create().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();
    }
}
