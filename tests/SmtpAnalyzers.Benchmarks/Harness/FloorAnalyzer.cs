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
    /// Given <see cref="Findings"/>, it is the reporting floor: the same registrations plus one semantic-model action that
    /// reports, per tree, exactly the diagnostics SmtpAnalyzers reported there (same IDs, descriptors, locations and
    /// messages). Reporting costs the driver its suppression and location checks per diagnostic; the reporting floor
    /// pays that too, so "SmtpAnalyzers' callbacks minus the reporting floor's" is the rules' own work. A semantic-model
    /// action, not a syntax-tree action: like the operation callbacks the rules report from, it runs after the compiler
    /// has bound the tree and hands the driver the compiler's semantic model for the suppression check. Reported from a
    /// syntax-tree action the same findings cost the driver 3-8 times as much (2000 findings, 200 files), which would
    /// inflate the floor and flatter the figure beyond it.
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
            if (_findings is { } findings)
            {
                start.RegisterSemanticModelAction(findings.ReportFor);
            }

            foreach (var kinds in _shape.OperationActions)
            {
                start.RegisterOperationAction(_onOperation, kinds);
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

        public void ReportFor(SemanticModelAnalysisContext context)
        {
            if (_byTree.TryGetValue(context.SemanticModel.SyntaxTree, out var diagnostics))
            {
                foreach (var diagnostic in diagnostics)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }

    /// <summary>Callback counts of floor analyzers, for the smoke test.</summary>
    public sealed class FloorCalls
    {
        public int Operations;
        public int SymbolEnds;
    }
}
