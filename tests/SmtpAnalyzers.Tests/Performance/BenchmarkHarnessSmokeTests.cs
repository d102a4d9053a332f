using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
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

        [Fact]
        public void AProjectCompilesFromTheCommandLineItsBuildGaveCsc()
        {
            var directory = System.IO.Directory.CreateTempSubdirectory("smtp-project-").FullName;
            try
            {
                // The finding is inside #if RELEASE: it is found only if the command line's defines reach the parse.
                System.IO.File.WriteAllText(System.IO.Path.Combine(directory, "Policy.cs"), """
                    #if RELEASE
                    static class Policy
                    {
                        public static bool IsFull(System.Net.Mail.SmtpException ex) => (int)ex.StatusCode == 552;
                    }
                    #endif
                    """);
                System.IO.File.WriteAllText(System.IO.Path.Combine(directory, "Other.cs"), "class Other { }");
                var references = CorpusReferences.All.OfType<Microsoft.CodeAnalysis.PortableExecutableReference>().Select(r => "/reference:\"" + r.FilePath + "\"");
                var command = "/usr/share/dotnet/sdk/10.0.401/Roslyn/bincore/csc /noconfig /nostdlib+ /target:library /define:TRACE;RELEASE "
                    + string.Join(" ", references) + " /out:obj/Release/Probe.dll Policy.cs Other.cs";

                var project = ProjectCompilation.Parse(command, directory);

                Assert.Equal("Probe", project.Name);
                Assert.Equal(2, project.Trees.Length);
                Assert.Equal(CorpusReferences.All.Length, project.References);
                Assert.Equal(0, project.Compile().Errors);
                Assert.Equal("SMTP1001", Assert.Single(project.Analyze(SmtpAnalyzerSet.Create()).Diagnostics).Id);
                Assert.Empty(project.Analyze(ProjectCompilation.Floor()).Diagnostics);
            }
            finally
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public void TheColdFloorIsAnAnalyzerAssemblyWithTheEnginesRegistrations()
        {
            var engine = CorpusCompilation.Shapes.Single();
            var directory = System.IO.Directory.CreateTempSubdirectory("smtp-cold-floor-").FullName;
            var path = ColdFloor.Emit(engine, directory);

            // Loaded as a compiler loads an analyzer: the exported DiagnosticAnalyzer type, made with its constructor.
            var assembly = System.Reflection.Assembly.Load(System.IO.File.ReadAllBytes(path));
            var type = Assert.Single(assembly.GetExportedTypes(), t => t.GetCustomAttributes(typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerAttribute), false).Length > 0);
            var floor = ActionShape.Record((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)System.Activator.CreateInstance(type)!, new CorpusCompilation(Scenario.Violations, 1).NewCompilation());
            System.IO.Directory.Delete(directory, recursive: true);

            Assert.Equal(ColdFloor.AssemblyName, assembly.GetName().Name);
            Assert.Equal(engine.ToString().Replace(engine.Analyzer, floor.Analyzer, System.StringComparison.Ordinal), floor.ToString());
            Assert.Equal(engine.ConcurrentExecution, floor.ConcurrentExecution);
            Assert.Equal(engine.GeneratedCode, floor.GeneratedCode);
        }

        [Fact]
        public void TheColdModeRunsTheBuildsAnalyzersBesideTheMeasuredOneAndSkipsThemForTheCompilerAlone()
        {
            var arguments = new[] { "/noconfig", "/skipanalyzers+", "-skipanalyzers", "/analyzer:/sdk/NetAnalyzers.dll", "/define:TRACE;RELEASE", "Program.cs" };

            Assert.Equal(new[] { "/noconfig", "/analyzer:/sdk/NetAnalyzers.dll", "/define:TRACE;RELEASE", "Program.cs" }, ColdFloor.WithAnalyzersRun(arguments));
            Assert.Equal(new[] { "/noconfig", "/analyzer:/sdk/NetAnalyzers.dll", "/define:TRACE;RELEASE", "Program.cs", "/skipanalyzers+" }, ColdFloor.WithAnalyzersSkipped(arguments));
        }

        [Fact]
        public void TheSequentialColdModeCompilesOnOneThreadWhateverTheBuildAskedFor()
        {
            var arguments = new[] { "/noconfig", "/parallel+", "Program.cs" };

            Assert.Equal(new[] { "/noconfig", "/parallel+", "Program.cs", "/parallel-" }, ColdFloor.OnOneThread(arguments));
            Assert.True(CSharpCommandLineParser.Default.Parse(arguments, "/src", null).CompilationOptions.ConcurrentBuild);
            Assert.False(CSharpCommandLineParser.Default.Parse(ColdFloor.OnOneThread(arguments), "/src", null).CompilationOptions.ConcurrentBuild);
            Assert.Equal(
                new[] { "/noconfig", "/parallel+", "Program.cs", "/parallel-", "/skipanalyzers+" },
                ColdFloor.WithAnalyzersSkipped(ColdFloor.OnOneThread(arguments)));
        }

        [Fact]
        public void TheColdModeReadsEachAssemblysTimeFromTheCompilersReport()
        {
            const string report = """
                Total analyzer execution time: 13.421 seconds.

                Time (s)    %   Analyzer
                  12.305   85   ILLink.RoslynAnalyzer, Version=10.0.14.42308, Culture=neutral, PublicKeyToken=31bf3856ad364e35
                  11.717   81      ILLink.RoslynAnalyzer.DynamicallyAccessedMembersAnalyzer (IL2026)
                   0.282    1   SmtpAnalyzers, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null
                   0.282    1      SmtpAnalyzers.Engine.SmtpRulesAnalyzer (SMTP1001, SMTP1002)
                  <0.001   <1   SmtpAnalyzers.ColdFloor, Version=0.0.0.0, Culture=neutral, PublicKeyToken=null
                """;

            Assert.Equal(282, ColdFloor.ReportedTime(report, "SmtpAnalyzers"), precision: 6);
            Assert.Equal(0, ColdFloor.ReportedTime(report, ColdFloor.AssemblyName));
            Assert.Throws<System.InvalidOperationException>(() => ColdFloor.ReportedTime(report, "Other"));
        }

        [Theory]
        [InlineData(Scenario.NoSmtp)]
        [InlineData(Scenario.CleanMail)]
        [InlineData(Scenario.Violations)]
        [InlineData(Scenario.MailIn4Percent)]
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
        public void SequentialRunsCompileOnOneThreadAndReportTheSame()
        {
            // --callbacks --sequential: the compile on one thread, the analyzers' actions one at a time.
            var corpus = new CorpusCompilation(Scenario.Violations, Files, sequential: true);
            Assert.False(corpus.NewCompilation().Options.ConcurrentBuild);
            Assert.True(new CorpusCompilation(Scenario.Violations, Files).NewCompilation().Options.ConcurrentBuild);

            var expected = Corpus.ExpectedDiagnostics(Scenario.Violations, Files).OrderBy(p => p.Key);
            Assert.Equal(expected, corpus.RunWithTelemetry(Mode.Smtp, collectFirst: false).RuleCounts.OrderBy(p => p.Key));
            Assert.Equal(expected, corpus.RunWithTelemetry(Mode.ReportingFloor, collectFirst: false).RuleCounts.OrderBy(p => p.Key));
        }

        [Fact]
        public void MailIn4PercentPlantsOneViolationFileInTwentyFive()
        {
            // Files 0, 25, 50, ... hold the violations' mail code; the others only business code that names no mail library.
            Assert.Equal(Corpus.ExpectedDiagnostics(Scenario.Violations, 1), Corpus.ExpectedDiagnostics(Scenario.MailIn4Percent, Files));
            Assert.Equal(Corpus.ExpectedDiagnostics(Scenario.Violations, 40), Corpus.ExpectedDiagnostics(Scenario.MailIn4Percent, 1000));
            Assert.Equal(1, Corpus.ExpectedDiagnostics(Scenario.MailIn4Percent, Files)["SMTP1001"]);
            Assert.Equal(2, Corpus.ExpectedDiagnostics(Scenario.MailIn4Percent, Files)["SMTP2004"]);
            Assert.Contains("MailKit", Corpus.File(Scenario.MailIn4Percent, 25));
            Assert.DoesNotContain("Smtp", Corpus.File(Scenario.MailIn4Percent, 1));
            Assert.DoesNotContain("MailKit", Corpus.File(Scenario.MailIn4Percent, 24));
        }

        [Theory]
        [InlineData(Scenario.Violations)]
        [InlineData(Scenario.MailIn4Percent)]
        public void ReportingFloorReportsExactlySmtpAnalyzersFindingsWithTheFloorsRegistrations(Scenario scenario)
        {
            var corpus = new CorpusCompilation(scenario, Files);
            var calls = new FloorCalls();
            var reporting = corpus.RunWithTelemetry(Mode.ReportingFloor, calls, collectFirst: false);
            var smtp = corpus.RunWithTelemetry(Mode.Smtp, collectFirst: false);
            var build = corpus.Run(Mode.ReportingFloor, collectFirst: false);

            // Same IDs, locations and messages as the package, nothing else; in the telemetry run and in the build-like run.
            Assert.NotEmpty(smtp.Diagnostics);
            Assert.Equal(Describe(smtp.Diagnostics), Describe(reporting.Diagnostics));
            Assert.Empty(build.Errors);
            Assert.Equal(Describe(smtp.Diagnostics), Describe(build.Diagnostics.Where(d => d.Id.StartsWith("SMTP", System.StringComparison.Ordinal))));
            Assert.True(calls.Operations > 0, "the reporting floor's operation actions never ran");

            // Reported from operation callbacks, as the rules report: only a finding that no delivered operation contains
            // (an async void method's name) is left to the tree's semantic-model action.
            Assert.InRange(calls.ReportedFromOperations, smtp.Diagnostics.Length * 9 / 10, smtp.Diagnostics.Length);

            // The no-op floor's registrations, plus one semantic-model action for the rest.
            foreach (var (name, real) in smtp.Telemetry)
            {
                var mirror = reporting.Telemetry["ReportingFloor(" + name + ")"];
                Assert.Equal(Registrations(real), Registrations(mirror));
                Assert.Equal(1, mirror.SemanticModelActionsCount);
            }
        }

        [Fact]
        public void OneRuleEnginesTogetherReportWhatThePackageReports()
        {
            var engines = OneRuleEngine.CreateAll();
            Assert.Equal(SmtpAnalyzerSet.RuleIds(), engines.SelectMany(e => e.RuleIdList).OrderBy(id => id, System.StringComparer.Ordinal));
            Assert.Equal(engines.Length, engines.Select(e => e.Name).Distinct().Count());

            var corpus = new CorpusCompilation(Scenario.Violations, Files);
            var result = corpus.RunOneRuleEngines(collectFirst: false);
            Assert.Equal(
                Corpus.ExpectedDiagnostics(Scenario.Violations, Files).OrderBy(p => p.Key),
                result.RuleCounts.OrderBy(p => p.Key));

            // Each engine is timed on its own, and registers only the kinds its rule asked for: some, never all the package's.
            var packageKinds = CorpusCompilation.Shapes.Single().OperationActions.Count;
            Assert.Equal(engines.Select(e => e.Name).OrderBy(n => n), result.Telemetry.Keys.OrderBy(n => n));
            Assert.All(result.Telemetry.Values, t => Assert.InRange(t.OperationActionsCount, 1, packageKinds - 1));
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
                Assert.Equal(0, mirror.SemanticModelActionsCount);
            }
        }

        private static IEnumerable<string> Describe(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics)
            => diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(x => x, System.StringComparer.Ordinal);

        private static (int, int, int, int, int) Registrations(Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo t)
            => (t.CompilationStartActionsCount, t.OperationActionsCount, t.SymbolStartActionsCount, t.SymbolEndActionsCount, t.SymbolActionsCount);
    }
}
