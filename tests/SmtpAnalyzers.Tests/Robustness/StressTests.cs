using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace SmtpAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Issue 6: analyzers and fixes never throw, every fix compiles, on incomplete and generated code. Every analyzer
    /// and every code fix runs over (a) every test input of the project, whole and cut at token boundaries, (b) a
    /// generated corpus of well-formed mail-sending programs, (c) in C# 7.3 and the latest language version. See
    /// <see cref="StressHarness"/> for what is checked per input. Each test prints how many inputs it checked.
    /// <para>
    /// Sizes: the default run checks over 10,000 inputs (about 6,800 cut test inputs, 2,700 cut generated programs,
    /// 450 generated programs and 290 whole test inputs with every fix applied) in about three minutes on two busy
    /// cores. Set SMTPANALYZERS_STRESS_SCALE (an integer, default 1) to multiply the cut points per input and, from 3,
    /// to run the full checks on every generated program. Filter with Category=Stress to run only this suite, or
    /// Category!=Stress to leave it out.
    /// </para>
    /// </summary>
    [Trait("Category", "Stress")]
    public class StressTests
    {
        /// <summary>Prefix cuts and single-token removals per test input and kind, at scale 1.</summary>
        private const int CutsPerKind = 24;

        /// <summary>Prefix cuts and single-token removals per generated program and kind, at scale 1.</summary>
        private const int GeneratedCutsPerKind = 1;

        /// <summary>
        /// At scale 1 the full checks (every fix applied, fix-all to its fixed point) run on every third generated
        /// program (3 is prime to the 4 containers and 2 language versions, so every combination kind is sampled);
        /// at scale 3 and above on all of them.
        /// </summary>
        private const int GeneratedFullStride = 3;

        private readonly ITestOutputHelper _output;

        public StressTests(ITestOutputHelper output) => _output = output;

        private static int Scale => int.TryParse(Environment.GetEnvironmentVariable("SMTPANALYZERS_STRESS_SCALE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1;

        private static readonly LanguageVersion[] Versions = { LanguageVersion.CSharp7_3, LanguageVersion.Latest };

        [Fact]
        public Task TestInputs_Whole_FullChecks()
            => RunAsync(
                nameof(TestInputs_Whole_FullChecks),
                StressInputs.TestSources().SelectMany(s => Versions.Select(v => new StressInput(s.Origin, s.Text, v))),
                StressLevel.Full);

        [Fact]
        public Task GeneratedPrograms_FullChecks()
            => RunAsync(
                nameof(GeneratedPrograms_FullChecks),
                MailProgramGenerator.All().Where((_, i) => Scale >= GeneratedFullStride || i % GeneratedFullStride == 0),
                StressLevel.Full);

        [Fact]
        public Task TestInputs_Cut_NoExceptionsNoNewErrors()
            => RunAsync(
                nameof(TestInputs_Cut_NoExceptionsNoNewErrors),
                StressInputs.TestSources().SelectMany((s, i) => StressInputs.Cuts(s.Origin, s.Text, CutsPerKind * Scale)
                    .Select((c, j) => new StressInput($"{s.Origin}, {c.What}", c.Text, Versions[(i + j) % Versions.Length]))),
                StressLevel.Fixes);

        [Fact]
        public Task GeneratedPrograms_Cut_NoExceptions()
            => RunAsync(
                nameof(GeneratedPrograms_Cut_NoExceptions),
                MailProgramGenerator.All().SelectMany(p => StressInputs.Cuts(p.Origin + " " + p.LanguageVersion, p.Text, GeneratedCutsPerKind * Scale)
                    .Select(c => new StressInput($"{p.Origin}, {c.What}", c.Text, p.LanguageVersion))),
                StressLevel.NoExceptions);

        private async Task RunAsync(string name, IEnumerable<StressInput> inputs, StressLevel level)
        {
            var report = new StressReport();
            var harness = new StressHarness(report);
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                inputs,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) },
                async (input, _) => await harness.CheckAsync(input, level).ConfigureAwait(false)).ConfigureAwait(false);

            var summary = report.Summary(name) + string.Format(CultureInfo.InvariantCulture, " in {0:F1} s", stopwatch.Elapsed.TotalSeconds);
            _output.WriteLine(summary);
            Console.WriteLine("[stress] " + summary);

            // dotnet test shows no output of passing tests: .ci/run prints these files so CI logs show the counts.
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"stress-{name}.txt"), "[stress] " + summary + Environment.NewLine);
            Assert.True(report.Inputs > 0, name + " checked no input");
            var dump = string.Empty;
            if (report.Failures.Count > 0)
            {
                // Every failure, for reading beyond the first ten in the assertion message.
                dump = Path.Combine(Path.GetTempPath(), $"smtp-stress-{name}.txt");
                File.WriteAllText(dump, string.Join("\n\n", report.Failures));
                dump = "all failures: " + dump + "\n";
            }

            Assert.True(report.Failures.Count == 0, summary + "\n" + report.Kinds + "\n" + dump + "\n" + string.Join("\n\n", report.Failures.Take(10)));
        }
    }
}
