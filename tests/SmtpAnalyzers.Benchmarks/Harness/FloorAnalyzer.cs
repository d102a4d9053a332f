using System;
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
    /// </summary>
    // Not exported ([DiagnosticAnalyzer] would let a host load it) and never shipped (no release tracking).
#pragma warning disable RS1001, RS2008
    public sealed class FloorAnalyzer : DiagnosticAnalyzer
    {
        // The driver skips an analyzer whose every descriptor is disabled, so one that supports none would never run.
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor(
            "FLOOR0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        private readonly ActionShape _shape;
        private readonly Action<OperationAnalysisContext> _onOperation;
        private readonly Action<SymbolAnalysisContext> _onSymbolEnd;

        /// <param name="shape">What to register.</param>
        /// <param name="calls">When given, counts the callbacks (the smoke test checks that the floor really runs); the benchmark passes none.</param>
        public FloorAnalyzer(ActionShape shape, FloorCalls? calls = null)
        {
            var unsupported = shape.Unsupported.Concat(shape.SymbolStartActions.SelectMany(s => s.Unsupported)).ToList();
            if (unsupported.Count > 0)
            {
                throw new NotSupportedException($"{shape.Analyzer} registers {string.Join(", ", unsupported)}: teach ActionShape and FloorAnalyzer to mirror it.");
            }

            _shape = shape;
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

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

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

    /// <summary>Callback counts of floor analyzers, for the smoke test.</summary>
    public sealed class FloorCalls
    {
        public int Operations;
        public int SymbolEnds;
    }
}
