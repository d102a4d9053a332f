using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;
using SmtpAnalyzers.Benchmarks.Harness;

namespace SmtpAnalyzers.Benchmarks
{
    /// <summary>
    /// The full run: per scenario, the compiler alone (baseline), with the no-op floor, with the reporting floor and with SmtpAnalyzers, each
    /// on a fresh compilation per invocation. One invocation compiles the whole corpus, so the Monitoring strategy
    /// (no pilot, no unrolling) fits. Callback times come from the quick mode, which reads the driver's telemetry.
    /// </summary>
    [MemoryDiagnoser]
    [SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 10)]
    public class AnalyzerBenchmarks
    {
        private CorpusCompilation _corpus = null!;

        [Params(Scenario.NoSmtp, Scenario.CleanMail, Scenario.Violations, Scenario.MailIn4Percent)]
        public Scenario Scenario { get; set; }

        [Params(1000)]
        public int Files { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _corpus = new CorpusCompilation(Scenario, Files);
            _ = CorpusCompilation.Shapes;
            _ = _corpus.Findings;
            var check = _corpus.Run(Mode.Smtp);
            var expected = Corpus.ExpectedDiagnostics(Scenario, Files);
            foreach (var (id, count) in expected)
            {
                if (!check.RuleCounts.TryGetValue(id, out var actual) || actual != count)
                {
                    throw new System.InvalidOperationException($"{Scenario}: expected {count} {id}, got {actual}");
                }
            }

            if (check.RuleCounts.Count != expected.Count)
            {
                throw new System.InvalidOperationException($"{Scenario}: unexpected diagnostics");
            }
        }

        [Benchmark(Baseline = true)]
        public ImmutableArray<Diagnostic> Compile() => _corpus.Run(Mode.Compile, collectFirst: false).Diagnostics;

        [Benchmark]
        public ImmutableArray<Diagnostic> CompileWithFloor() => _corpus.Run(Mode.Floor, collectFirst: false).Diagnostics;

        [Benchmark]
        public ImmutableArray<Diagnostic> CompileWithReportingFloor() => _corpus.Run(Mode.ReportingFloor, collectFirst: false).Diagnostics;

        [Benchmark]
        public ImmutableArray<Diagnostic> CompileWithSmtpAnalyzers() => _corpus.Run(Mode.Smtp, collectFirst: false).Diagnostics;
    }
}
