using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace SmtpAnalyzers.Benchmarks.Harness
{
    /// <summary>What a run computes over a fresh compilation of the corpus.</summary>
    public enum Mode
    {
        /// <summary>The compiler alone: <c>Compilation.GetDiagnostics()</c>, which binds every method body.</summary>
        Compile,

        /// <summary>The compiler with the no-op floor analyzers, one per SmtpAnalyzers analyzer, same registrations.</summary>
        Floor,

        /// <summary>
        /// The compiler with the reporting floor: the no-op floor's registrations, and exactly SmtpAnalyzers' findings
        /// in the scenario (recorded from a SmtpAnalyzers run on the same trees), reported from the operation callbacks
        /// that hold them, as the rules report (<see cref="FloorAnalyzer"/>).
        /// </summary>
        ReportingFloor,

        /// <summary>The compiler with every SmtpAnalyzers analyzer.</summary>
        Smtp,
    }

    /// <summary>The corpus of one scenario, parsed once; each run gets a fresh compilation of these trees (nothing bound is shared).</summary>
    public sealed class CorpusCompilation
    {
        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        private static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Disable,
            concurrentBuild: true);

        private static readonly Lazy<ImmutableArray<ActionShape>> LazyShapes = new(() =>
            ActionShape.Record(SmtpAnalyzerSet.Create(), new CorpusCompilation(Scenario.Violations, 1).NewCompilation()));

        public CorpusCompilation(Scenario scenario, int files, bool sequential = false)
        {
            Scenario = scenario;
            Files = files;
            Sequential = sequential;
            Trees = Corpus.Generate(scenario, files)
                .Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path))
                .ToImmutableArray();
        }

        public Scenario Scenario { get; }

        /// <summary>
        /// Whether the compiler binds on one thread and the driver runs the analyzers' actions one at a time. On two cores
        /// a concurrent compile preempts the analyzers' callbacks, and the driver's telemetry times a callback with a
        /// stopwatch, so a longer callback is charged for more of other threads' time than a floor's short ones. A
        /// build compiles concurrently; this mode trades that likeness for figures that move less from run to run.
        /// </summary>
        public bool Sequential { get; }

        public int Files { get; }

        public ImmutableArray<SyntaxTree> Trees { get; }

        private Findings? _findings;

        /// <summary>What SmtpAnalyzers reports on these trees, recorded once (on first use) for the reporting floor.</summary>
        public Findings Findings => _findings ??= RecordFindings();

        private Findings RecordFindings()
        {
            var analyzers = SmtpAnalyzerSet.Create();
            var diagnostics = NewCompilation().WithAnalyzers(analyzers, AnalyzerOptions(logExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var descriptors = analyzers.SelectMany(a => a.SupportedDiagnostics).Distinct().ToImmutableArray();
            return new Findings(diagnostics, descriptors);
        }

        /// <summary>The action shapes of the SmtpAnalyzers analyzers, recorded once per process on a compilation that uses SMTP.</summary>
        public static ImmutableArray<ActionShape> Shapes => LazyShapes.Value;

        /// <summary>
        /// A compilation that has bound every reference and lives as long as the process: Roslyn keeps the symbols of
        /// a metadata reference only while a compilation uses them, so without it a GC between runs makes some runs
        /// reload every reference assembly (tens of MB, and seconds) and others not. Loading references is not what
        /// is measured; with the anchor every run reuses them.
        /// </summary>
        private static readonly Lazy<CSharpCompilation> Anchor = new(() => BindReferences(CorpusReferences.All, Options));

        /// <summary>A compilation of no trees that has bound every one of <paramref name="references"/>: an anchor to keep.</summary>
        internal static CSharpCompilation BindReferences(ImmutableArray<MetadataReference> references, CSharpCompilationOptions options)
        {
            var anchor = CSharpCompilation.Create("Anchor", Array.Empty<SyntaxTree>(), references, options);
            _ = anchor.GetDiagnostics();
            foreach (var reference in anchor.References)
            {
                _ = anchor.GetAssemblyOrModuleSymbol(reference);
            }

            return anchor;
        }

        public CSharpCompilation NewCompilation()
        {
            _ = Anchor.Value;
            return CSharpCompilation.Create("Corpus", Trees, CorpusReferences.All, Sequential ? Options.WithConcurrentBuild(false) : Options);
        }

        /// <summary>The analyzers a mode runs, freshly created.</summary>
        public ImmutableArray<DiagnosticAnalyzer> AnalyzersFor(Mode mode, FloorCalls? floorCalls = null) => mode switch
        {
            Mode.Compile => ImmutableArray<DiagnosticAnalyzer>.Empty,
            Mode.Floor => Shapes.Select(s => (DiagnosticAnalyzer)new FloorAnalyzer(s, floorCalls)).ToImmutableArray(),
            Mode.ReportingFloor => Shapes.Select(s => (DiagnosticAnalyzer)new FloorAnalyzer(s, floorCalls, Findings)).ToImmutableArray(),
            Mode.Smtp => SmtpAnalyzerSet.Create(),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };

        /// <summary>
        /// Runs <paramref name="mode"/> on a fresh compilation as a build does: the compiler compiles every method once
        /// and the analyzers, if any, consume its events concurrently (<c>GetAllDiagnosticsAsync</c>). Returns the wall
        /// time, the bytes allocated by every thread of the process (analysis runs concurrently) and the diagnostics.
        /// </summary>
        public RunResult Run(Mode mode, FloorCalls? floorCalls = null, bool collectFirst = true)
        {
            var analyzers = AnalyzersFor(mode, floorCalls);
            Collect(collectFirst);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var compilation = NewCompilation();
            var diagnostics = analyzers.IsEmpty
                ? compilation.GetDiagnostics()
                : compilation.WithAnalyzers(analyzers, AnalyzerOptions(logExecutionTime: false, Sequential)).GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            stopwatch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            return new RunResult(mode, Files, stopwatch.Elapsed, allocated, diagnostics, new Dictionary<string, AnalyzerTelemetryInfo>());
        }

        /// <summary>
        /// Runs the analyzers of <paramref name="mode"/> through <c>GetAnalysisResultAsync</c> with execution times
        /// logged, for the driver's telemetry: each analyzer's registered actions and its own time in callbacks (summed
        /// over threads). The diagnostics are the analyzers' only. Its wall time is not comparable with
        /// <see cref="Run"/>: the driver skips compiling when no analyzer registered anything that needs it.
        /// </summary>
        public RunResult RunWithTelemetry(Mode mode, FloorCalls? floorCalls = null, bool collectFirst = true)
            => RunWithTelemetry(mode, AnalyzersFor(mode, floorCalls), collectFirst);

        /// <summary>
        /// The telemetry run of the one-rule engines (<see cref="OneRuleEngine"/>), all in one compilation: the driver
        /// times each analyzer on its own, so each engine's callback time is its rule's, and together they report what
        /// the package reports. Listed under <see cref="Mode.Smtp"/>.
        /// </summary>
        public RunResult RunOneRuleEngines(bool collectFirst = true)
            => RunWithTelemetry(Mode.Smtp, OneRuleEngine.CreateAll().CastArray<DiagnosticAnalyzer>(), collectFirst);

        private RunResult RunWithTelemetry(Mode mode, ImmutableArray<DiagnosticAnalyzer> analyzers, bool collectFirst)
        {
            if (analyzers.IsEmpty)
            {
                throw new ArgumentException("telemetry needs analyzers", nameof(mode));
            }

            Collect(collectFirst);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var result = NewCompilation().WithAnalyzers(analyzers, AnalyzerOptions(logExecutionTime: true, Sequential))
                .GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            stopwatch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var telemetry = result.AnalyzerTelemetryInfo.ToDictionary(
                p => p.Key switch
                {
                    FloorAnalyzer floor => floor.Name,
                    OneRuleEngine engine => engine.Name,
                    _ => p.Key.GetType().Name,
                },
                p => p.Value);
            return new RunResult(mode, Files, stopwatch.Elapsed, allocated, result.GetAllDiagnostics(), telemetry);
        }

        private static CompilationWithAnalyzersOptions AnalyzerOptions(bool logExecutionTime, bool sequential = false)
            => new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: !sequential,
                logAnalyzerExecutionTime: logExecutionTime,
                reportSuppressedDiagnostics: false);

        internal static void Collect(bool collect)
        {
            if (collect)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
            }
        }
    }

    public sealed class RunResult
    {
        public RunResult(Mode mode, int files, TimeSpan wall, long allocated, ImmutableArray<Diagnostic> diagnostics, IReadOnlyDictionary<string, AnalyzerTelemetryInfo> telemetry)
        {
            Mode = mode;
            Files = files;
            Wall = wall;
            Allocated = allocated;
            Diagnostics = diagnostics;
            Telemetry = telemetry;
        }

        public Mode Mode { get; }

        public int Files { get; }

        public TimeSpan Wall { get; }

        public long Allocated { get; }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        /// <summary>Per analyzer (floor analyzers as "Floor(Name)"), as the driver measured it.</summary>
        public IReadOnlyDictionary<string, AnalyzerTelemetryInfo> Telemetry { get; }

        /// <summary>The analyzers' own time in their callbacks, summed over analyzers and threads.</summary>
        public TimeSpan CallbackTime => TimeSpan.FromTicks(Telemetry.Values.Sum(t => t.ExecutionTime.Ticks));

        public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

        /// <summary>Diagnostics of the rules, counted per rule ID (AD0001, an analyzer that threw, counts too).</summary>
        public ImmutableDictionary<string, int> RuleCounts => Diagnostics
            .Where(d => d.Id.StartsWith("SMTP", StringComparison.Ordinal) || d.Id.StartsWith("FLOOR", StringComparison.Ordinal) || d.Id == "AD0001")
            .GroupBy(d => d.Id)
            .ToImmutableDictionary(g => g.Key, g => g.Count());
    }
}
