using System.Collections.Generic;
using System.Linq;
using SmtpAnalyzers.Benchmarks.Harness;
using Xunit;

namespace SmtpAnalyzers.Tests.Performance
{
    /// <summary>
    /// Runs the benchmark harness on a handful of files so the benchmark cannot rot into measuring nothing: the
    /// corpus compiles, the rules report exactly what the corpus plants, and the floor really receives callbacks.
    /// No timing is asserted here; see docs/performance.md for the measurements.
    /// </summary>
    public class BenchmarkHarnessSmokeTests
    {
        private const int Files = 5;

        [Fact]
        public void EveryExportedRuleHasAViolationTemplate()
        {
            var planted = ViolationTemplates.All.Select(t => t.RuleId).ToHashSet();
            var missing = SmtpAnalyzerSet.RuleIds().Where(id => !planted.Contains(id)).ToList();
            Assert.True(missing.Count == 0, "add a ViolationTemplate (tests/SmtpAnalyzers.Benchmarks/Harness/Corpus.cs) for " + string.Join(", ", missing));
        }

        [Fact]
        public void FloorMirrorsEveryAnalyzersRegistrations()
        {
            var shapes = CorpusCompilation.Shapes;
            Assert.Equal(SmtpAnalyzerSet.Types.Select(t => t.Name), shapes.Select(s => s.Analyzer));
            Assert.All(shapes, s => Assert.True(s.AllOperationKinds.Any(), s + " registers no operation action on a compilation that uses SMTP"));

            // Throws, naming the registration, when an analyzer registers something the floor cannot mirror yet.
            Assert.All(shapes, s => new FloorAnalyzer(s));
        }

        [Theory]
        [InlineData(Scenario.NoSmtp)]
        [InlineData(Scenario.CleanMail)]
        [InlineData(Scenario.Violations)]
        public void RulesReportExactlyWhatTheCorpusPlants(Scenario scenario)
        {
            var corpus = new CorpusCompilation(scenario, Files);
            var build = corpus.Run(Mode.Smtp, collectFirst: false);
            var result = corpus.RunWithTelemetry(Mode.Smtp, collectFirst: false);

            // The measured run (compiler and analyzers together) and the telemetry run see the same diagnostics.
            Assert.Empty(build.Errors);
            Assert.Equal(
                Corpus.ExpectedDiagnostics(scenario, Files).OrderBy(p => p.Key),
                build.RuleCounts.OrderBy(p => p.Key));
            Assert.Equal(build.RuleCounts.OrderBy(p => p.Key), result.RuleCounts.OrderBy(p => p.Key));

            var registered = result.Telemetry.Values.Sum(t => t.OperationActionsCount + t.SymbolStartActionsCount + t.SymbolEndActionsCount);
            if (scenario == Scenario.NoSmtp)
            {
                // The gate at compilation start says no: nothing else is registered, so nothing else runs.
                Assert.Equal(0, registered);
                Assert.All(result.Telemetry.Values, t => Assert.Equal(1, t.CompilationStartActionsCount));
            }
            else
            {
                Assert.NotEqual(0, registered);
            }
        }

        [Fact]
        public void FloorRegistersWhatTheAnalyzersRegisterAndReportsNothing()
        {
            var corpus = new CorpusCompilation(Scenario.CleanMail, Files);
            var calls = new FloorCalls();
            var floor = corpus.RunWithTelemetry(Mode.Floor, calls, collectFirst: false);
            var smtp = corpus.RunWithTelemetry(Mode.Smtp, collectFirst: false);

            Assert.Empty(floor.Errors);
            Assert.Empty(floor.RuleCounts);
            Assert.True(calls.Operations > 0, "the floor's operation actions never ran");

            // The engine tracks no type of the project: no symbol-start or symbol-end action, whatever the code.
            Assert.Equal(0, calls.SymbolEnds);

            // The driver's own count of registered actions, analyzer by analyzer.
            foreach (var (name, real) in smtp.Telemetry)
            {
                var mirror = floor.Telemetry["Floor(" + name + ")"];
                Assert.Equal(Registrations(real), Registrations(mirror));
            }
        }

        private static (int, int, int, int, int) Registrations(Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo t)
            => (t.CompilationStartActionsCount, t.OperationActionsCount, t.SymbolStartActionsCount, t.SymbolEndActionsCount, t.SymbolActionsCount);
    }
}
