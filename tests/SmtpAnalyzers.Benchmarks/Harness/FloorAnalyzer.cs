using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpAnalyzers.Benchmarks.Harness
{
    /// <summary>
    /// The floor: an analyzer that registers exactly one real analyzer's <see cref="ActionShape"/>, with callbacks
    /// that do nothing. The driver still binds every method, builds operation trees and delivers each callback, so
    /// the floor is what registering these actions costs before any rule does any work. (An analyzer with no actions
    /// would bind nothing and measure nothing.) It registers unconditionally: it has no gate.
    /// <para>
    /// Given <see cref="Findings"/>, it is the reporting floor: the same registrations, and it reports exactly the
    /// diagnostics SmtpAnalyzers reported (same IDs, descriptors, locations and messages) from the same kind of callback
    /// the rules report from: each from the first operation callback whose operation contains its location, in the
    /// same tree. The few whose location no delivered operation contains (a method's name) are reported from one
    /// semantic-model action per tree. Reporting costs the driver its checks and a lock per diagnostic; the reporting
    /// floor pays that too, so "SmtpAnalyzers' callbacks minus the reporting floor's" is the rules' own work.
    /// </para>
    /// <para>
    /// Where it reports from matters. Until the eleventh session the floor reported everything from a semantic-model
    /// action, one burst per tree after the tree was bound, and the driver charged less for the same findings
    /// (MailIn4Percent 4.5 against 8.5 ms, Violations 34 against 56 ms, best of five; docs/performance.md,
    /// "Eleventh session"): the floor was too low, and the figure beyond it counted part of the driver's reporting as
    /// the rules' work. From a syntax-tree action the same findings cost several times more again.
    /// </para>
    /// </summary>
    // Not exported ([DiagnosticAnalyzer] would let a host load it) and never shipped (no release tracking).
#pragma warning disable RS1001, RS2008
    public sealed class FloorAnalyzer : DiagnosticAnalyzer
    {
        // The driver skips an analyzer whose every descriptor is disabled, so one that supports none would never run.
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor(
            "FLOOR0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        private readonly ActionShape _shape;
        private readonly Findings? _findings;
        private readonly Action<OperationAnalysisContext> _onOperation;
        private readonly Action<SymbolAnalysisContext> _onSymbolEnd;

        /// <param name="shape">What to register.</param>
        /// <param name="calls">When given, counts the callbacks (the smoke test checks that the floor really runs); the benchmark passes none.</param>
        /// <param name="findings">When given, what to report per tree (the reporting floor); the no-op floor reports nothing.</param>
        public FloorAnalyzer(ActionShape shape, FloorCalls? calls = null, Findings? findings = null)
        {
            var unsupported = shape.Unsupported.Concat(shape.SymbolStartActions.SelectMany(s => s.Unsupported)).ToList();
            if (unsupported.Count > 0)
            {
                throw new NotSupportedException($"{shape.Analyzer} registers {string.Join(", ", unsupported)}: teach ActionShape and FloorAnalyzer to mirror it.");
            }

            _shape = shape;
            _findings = findings;
            SupportedDiagnostics = findings is null ? ImmutableArray.Create(Never) : findings.Descriptors.Add(Never);
            _calls = calls;
            if (calls is null)
            {
                _onOperation = static _ => { };
                _onSymbolEnd = static _ => { };
            }
            else
            {
                _onOperation = _ => Interlocked.Increment(ref calls.Operations);
                _onSymbolEnd = _ => Interlocked.Increment(ref calls.SymbolEnds);
            }
        }

        private readonly FloorCalls? _calls;

        public string Mirrors => _shape.Analyzer;

        /// <summary>Whether this is the reporting floor.</summary>
        public bool Reports => _findings is not null;

        /// <summary>The name its telemetry is listed under: <c>Floor(Analyzer)</c> or <c>ReportingFloor(Analyzer)</c>.</summary>
        public string Name => (Reports ? "ReportingFloor(" : "Floor(") + Mirrors + ")";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public override void Initialize(AnalysisContext context)
        {
            if (_shape.GeneratedCode is { } generatedCode)
            {
                context.ConfigureGeneratedCodeAnalysis(generatedCode);
            }

            if (_shape.ConcurrentExecution)
            {
                context.EnableConcurrentExecution();
            }

            // Everything the analyzer registers at compilation start, merged into one start action.
            if (_shape.CompilationStartActions > 0)
            {
                context.RegisterCompilationStartAction(RegisterShape);
            }
        }

        private void RegisterShape(CompilationStartAnalysisContext start)
        {
            var onOperation = _onOperation;
            if (_findings is { } findings)
            {
                var reporting = findings.Start(_calls);
                start.RegisterSemanticModelAction(reporting.ReportRest);
                if (!findings.All.IsEmpty)
                {
                    // Without findings (NoSmtp, CleanMail) its operation callbacks are the no-op floor's.
                    onOperation = _calls is null ? reporting.ReportAt : context => { _onOperation(context); reporting.ReportAt(context); };
                }
            }

            foreach (var kinds in _shape.OperationActions)
            {
                start.RegisterOperationAction(onOperation, kinds);
            }

            foreach (var symbolStart in _shape.SymbolStartActions)
            {
                start.RegisterSymbolStartAction(
                    s =>
                    {
                        foreach (var kinds in symbolStart.OperationActions)
                        {
                            s.RegisterOperationAction(_onOperation, kinds);
                        }

                        for (var i = 0; i < symbolStart.SymbolEndActions; i++)
                        {
                            s.RegisterSymbolEndAction(_onSymbolEnd);
                        }
                    },
                    symbolStart.Kind);
            }
        }
    }

#pragma warning restore RS1001, RS2008

    /// <summary>
    /// The diagnostics SmtpAnalyzers reports on a corpus, per syntax tree, recorded from one run of the package on the
    /// same trees (each run compiles the trees parsed once, so the recorded locations point into every later run's trees).
    /// </summary>
    public sealed class Findings
    {
        private readonly Dictionary<SyntaxTree, ImmutableArray<Diagnostic>> _byTree;

        public Findings(IEnumerable<Diagnostic> diagnostics, ImmutableArray<DiagnosticDescriptor> descriptors)
        {
            var list = diagnostics.Where(d => d.Location.SourceTree is not null).ToImmutableArray();
            _byTree = list.GroupBy(d => d.Location.SourceTree!).ToDictionary(g => g.Key, g => g.ToImmutableArray());
            All = list;
            Descriptors = descriptors;
        }

        /// <summary>Every recorded diagnostic.</summary>
        public ImmutableArray<Diagnostic> All { get; }

        /// <summary>The package's descriptors: the driver accepts only diagnostics whose descriptor the analyzer supports.</summary>
        public ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

        /// <summary>What one compilation of the reporting floor has reported so far.</summary>
        public Reporting Start(FloorCalls? calls) => new Reporting(_byTree, calls);

        /// <summary>
        /// The findings of one compilation, each reported once: from the first operation callback whose operation
        /// contains its location, or else from the tree's semantic-model action.
        /// </summary>
        public sealed class Reporting
        {
            private readonly Dictionary<SyntaxTree, (ImmutableArray<Diagnostic> Diagnostics, int[] Reported)> _byTree;
            private readonly FloorCalls? _calls;

            // The last tree a thread saw and its findings: consecutive callbacks on a thread are mostly in one tree, and
            // the floor's own work per operation must stay below what it measures (one reference comparison).
            [ThreadStatic]
            private static (Reporting? Owner, SyntaxTree? Tree, int[]? Reported, ImmutableArray<Diagnostic> Diagnostics) t_last;

            public Reporting(Dictionary<SyntaxTree, ImmutableArray<Diagnostic>> byTree, FloorCalls? calls)
            {
                // Sorted by where they start, so that an operation looks only at the findings inside its own span.
                _byTree = byTree.ToDictionary(
                    p => p.Key,
                    p => (p.Value.Sort((a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start)), new int[p.Value.Length]));
                _calls = calls;
            }

            public void ReportAt(OperationAnalysisContext context)
            {
                // The context's tree is a field: the operation's own (Syntax.SyntaxTree) walks up to the root at first use.
                var tree = context.FilterTree;
                var last = t_last;
                if (!ReferenceEquals(last.Owner, this) || !ReferenceEquals(last.Tree, tree))
                {
                    last = _byTree.TryGetValue(tree, out var found) ? (this, tree, found.Reported, found.Diagnostics) : (this, tree, null, default);
                    t_last = last;
                }

                if (last.Reported is not { } reported)
                {
                    return;
                }

                // The first finding that starts inside the operation, by binary search: the floor's own work per operation
                // stays a few comparisons even in a file with twenty findings, so it does not raise the floor it measures.
                var span = context.Operation.Syntax.Span;
                var diagnostics = last.Diagnostics;
                int low = 0, high = diagnostics.Length;
                while (low < high)
                {
                    var middle = (low + high) >> 1;
                    if (diagnostics[middle].Location.SourceSpan.Start < span.Start)
                    {
                        low = middle + 1;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                for (var i = low; i < diagnostics.Length && diagnostics[i].Location.SourceSpan.Start < span.End; i++)
                {
                    if (Volatile.Read(ref reported[i]) == 0 && span.Contains(diagnostics[i].Location.SourceSpan) && Interlocked.Exchange(ref reported[i], 1) == 0)
                    {
                        context.ReportDiagnostic(diagnostics[i]);
                        if (_calls is not null)
                        {
                            Interlocked.Increment(ref _calls.ReportedFromOperations);
                        }
                    }
                }
            }

            public void ReportRest(SemanticModelAnalysisContext context)
            {
                if (!_byTree.TryGetValue(context.SemanticModel.SyntaxTree, out var found))
                {
                    return;
                }

                for (var i = 0; i < found.Reported.Length; i++)
                {
                    if (Interlocked.Exchange(ref found.Reported[i], 1) == 0)
                    {
                        context.ReportDiagnostic(found.Diagnostics[i]);
                    }
                }
            }
        }
    }

    /// <summary>Callback counts of floor analyzers, for the smoke test.</summary>
    public sealed class FloorCalls
    {
        public int Operations;
        public int SymbolEnds;

        /// <summary>The reporting floor's findings reported from an operation callback (the others from a semantic-model action).</summary>
        public int ReportedFromOperations;
    }
}
