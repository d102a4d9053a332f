using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using SmtpAnalyzers.Benchmarks.Harness;

namespace SmtpAnalyzers.Benchmarks
{
    /// <summary>
    /// The quick measurement: a plain Stopwatch loop, modes interleaved within each iteration so that load from
    /// elsewhere on the machine falls on all modes alike, medians over the iterations, and the table of
    /// docs/performance.md. Every run of SmtpAnalyzers checks the exact diagnostic counts.
    /// </summary>
    internal static class QuickMode
    {
        private static readonly Mode[] Modes = { Mode.Compile, Mode.Floor, Mode.ReportingFloor, Mode.Smtp };

        /// <summary>
        /// The budgets of issue 9, each a ratio against the compiler alone measured in the same run. Where the gate is
        /// closed (NoSmtp) the engine registers nothing while both floors register everything, so subtracting a floor
        /// flatters it; there the stricter reading (nothing subtracted) is listed as well.
        /// </summary>
        private static readonly (string What, Scenario Scenario, double Limit, Func<Row, double> Measure)[] Budgets =
        {
            ("Callbacks beyond the reporting floor", Scenario.MailIn4Percent, 0.005, CallbacksBeyondReporting),
            ("Callbacks beyond the reporting floor", Scenario.Violations, 0.03, CallbacksBeyondReporting),
            ("Callbacks beyond the reporting floor", Scenario.NoSmtp, 0.001, CallbacksBeyondReporting),
            ("Callbacks, nothing subtracted (stricter)", Scenario.NoSmtp, 0.001, r => r.Callbacks[Mode.Smtp] / r.Wall[Mode.Compile]),
            ("Allocations beyond the no-op floor", Scenario.MailIn4Percent, 0.01, AllocBeyondFloor),
            ("Allocations beyond the no-op floor", Scenario.Violations, 0.01, AllocBeyondFloor),
            ("Allocations beyond the no-op floor", Scenario.CleanMail, 0.01, AllocBeyondFloor),
            ("Allocations beyond the no-op floor", Scenario.NoSmtp, 0.01, AllocBeyondFloor),
            ("Allocations beyond the compiler alone (stricter)", Scenario.NoSmtp, 0.01, r => (r.Alloc[Mode.Smtp] - r.Alloc[Mode.Compile]) / (double)r.Alloc[Mode.Compile]),
        };

        public static int Run(Options options)
        {
            var started = DateTime.Now;
            Console.WriteLine($"SmtpAnalyzers quick benchmark, {options.Files} files per scenario, {options.Iterations} timed iterations (median, modes interleaved), {options.TelemetryIterations} telemetry iteration(s)");
            Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}; load average at start: {LoadAverage()}");
            Console.WriteLine("registrations (both floors mirror each; the reporting floor reports from its operation callbacks and adds one semantic-model action for the rest):");
            foreach (var shape in CorpusCompilation.Shapes)
            {
                Console.WriteLine("  " + shape);
            }

            Console.WriteLine("one-rule engines (time per rule): " + string.Join("; ", OneRuleEngine.CreateAll().Select(e => e.Description)));

            // JIT the compiler, the driver and every rule's paths on a small corpus first.
            var warmup = new CorpusCompilation(Scenario.Violations, 20);
            foreach (var mode in Modes)
            {
                warmup.Run(mode);
                if (mode != Mode.Compile)
                {
                    warmup.RunWithTelemetry(mode);
                }
            }

            warmup.RunOneRuleEngines();

            var rows = new List<Row>();
            foreach (var scenario in Enum.GetValues<Scenario>())
            {
                rows.Add(Measure(new CorpusCompilation(scenario, options.Files), options.Iterations, options.TelemetryIterations, Modes, oneRuleEngines: true));
            }

            Console.WriteLine();
            Console.WriteLine("Per scenario: wall time and allocations of a build-like run (compiler and analyzers together, GetAllDiagnosticsAsync), median of iterations;");
            Console.WriteLine("callbacks = the analyzers' own time in their callbacks, from the driver's telemetry (separate GetAnalysisResultAsync runs), summed over threads.");
            Console.WriteLine("Floor = the no-op floor; reporting floor = the same registrations, reporting exactly SmtpAnalyzers' findings.");
            Console.WriteLine();
            Console.WriteLine("| Scenario | Findings | Compile | + floor | + reporting floor | + SmtpAnalyzers | Floor callbacks | Reporting floor callbacks | SmtpAnalyzers callbacks | Alloc compile | Alloc + floor | Alloc + reporting floor | Alloc + SmtpAnalyzers |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows)
            {
                Console.WriteLine($"| {row.Scenario} | {row.Findings} | {Ms(row.Wall[Mode.Compile])} | {Ms(row.Wall[Mode.Floor])} | {Ms(row.Wall[Mode.ReportingFloor])} | {Ms(row.Wall[Mode.Smtp])} | {Ms(row.Callbacks[Mode.Floor])} | {Ms(row.Callbacks[Mode.ReportingFloor])} | {Ms(row.Callbacks[Mode.Smtp])} | {Mb(row.Alloc[Mode.Compile])} | {Mb(row.Alloc[Mode.Floor])} | {Mb(row.Alloc[Mode.ReportingFloor])} | {Mb(row.Alloc[Mode.Smtp])} |");
            }

            Console.WriteLine();
            Console.WriteLine("Ratios against the compiler alone (marginal = with SmtpAnalyzers minus compile alone; beyond X = with SmtpAnalyzers minus with X; noise = (max-min)/median of compile alone)");
            Console.WriteLine();
            Console.WriteLine("| Scenario | Wall marginal | Wall beyond floor | Wall beyond reporting floor | Wall noise | Callbacks | Callbacks beyond reporting floor | Alloc marginal | Alloc beyond floor | Alloc beyond reporting floor |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows)
            {
                var compile = row.Wall[Mode.Compile];
                var allocCompile = (double)row.Alloc[Mode.Compile];
                Console.WriteLine($"| {row.Scenario} | {Pct((row.Wall[Mode.Smtp] - compile) / compile)} | {Pct((row.Wall[Mode.Smtp] - row.Wall[Mode.Floor]) / compile)} | {Pct((row.Wall[Mode.Smtp] - row.Wall[Mode.ReportingFloor]) / compile)} | {Pct(row.CompileNoise)} | {Pct(row.Callbacks[Mode.Smtp] / compile)} | {Pct(CallbacksBeyondReporting(row))} | {Pct((row.Alloc[Mode.Smtp] - allocCompile) / allocCompile)} | {Pct(AllocBeyondFloor(row))} | {Pct((row.Alloc[Mode.Smtp] - row.Alloc[Mode.ReportingFloor]) / allocCompile)} |");
            }

            Console.WriteLine();
            Console.WriteLine("Budgets (issue 9), each as a share of the compiler alone (wall time for callbacks, bytes for allocations) in this run:");
            Console.WriteLine();
            Console.WriteLine("| Budget | Scenario | Measured | Limit | Verdict |");
            Console.WriteLine("|---|---|---:|---:|---|");
            foreach (var (what, scenario, limit, measure) in Budgets)
            {
                var value = measure(rows.Single(r => r.Scenario == scenario));
                var verdict = value <= limit ? "met" : $"NOT met ({value / limit:F1}x the limit)";
                Console.WriteLine($"| {what} | {scenario} | {Pct(value)} | {Pct(limit)} | {verdict} |");
            }

            Console.WriteLine();
            Console.WriteLine("Callback time per rule (one-rule engines, all in one telemetry run per scenario; median ms), and the full engine's:");
            Console.WriteLine();
            Console.WriteLine("| Rule | " + string.Join(" | ", rows.Select(r => r.Scenario.ToString())) + " |");
            Console.WriteLine("|---|" + string.Concat(rows.Select(_ => "---:|")));
            foreach (var engine in OneRuleEngine.CreateAll())
            {
                Console.WriteLine($"| {engine.Description} | " + string.Join(" | ", rows.Select(r => r.PerRule.TryGetValue(engine.Name, out var ms) ? ms.ToString("F1", CultureInfo.InvariantCulture) : "n/a")) + " |");
            }

            Console.WriteLine("| Sum of the one-rule engines | " + string.Join(" | ", rows.Select(r => r.PerRule.Values.Sum().ToString("F1", CultureInfo.InvariantCulture))) + " |");
            Console.WriteLine("| Full engine (SmtpRulesAnalyzer) | " + string.Join(" | ", rows.Select(r => r.Callbacks[Mode.Smtp].ToString("F1", CultureInfo.InvariantCulture))) + " |");
            Console.WriteLine("| Reporting floor | " + string.Join(" | ", rows.Select(r => r.Callbacks[Mode.ReportingFloor].ToString("F1", CultureInfo.InvariantCulture))) + " |");
            Console.WriteLine("| No-op floor | " + string.Join(" | ", rows.Select(r => r.Callbacks[Mode.Floor].ToString("F1", CultureInfo.InvariantCulture))) + " |");
            Console.WriteLine("(Each one-rule engine has its own gate and dispatch, and its time includes reporting its findings; the full engine shares them.)");

            Console.WriteLine();
            Console.WriteLine("The gate (SmtpModel.TryCreate, once per compilation at compilation start: a scan of the source text that binds");
            Console.WriteLine("nothing; median of 3 fresh compilations), and the resolution of the symbols, at the first callback that needs");
            Console.WriteLine("them, after the compiler has bound the declarations (once). A type lookup in a fresh compilation would first");
            Console.WriteLine("build the merged namespace of every reference and source file (listed for comparison; not done by the package).");
            Console.WriteLine();
            Console.WriteLine("| Scenario | Gate, fresh compilation | Symbols, after compile | A type lookup, fresh compilation |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var scenario in Enum.GetValues<Scenario>())
            {
                var (gate, symbols, freshLookup) = GateCost(new CorpusCompilation(scenario, options.Files));
                Console.WriteLine($"| {scenario} | {gate:F1} ms | {symbols:F1} ms | {freshLookup:F1} ms |");
            }

            if (options.Scaling.Length > 0)
            {
                Scaling(options);
            }

            Console.WriteLine();
            Console.WriteLine($"load average at end: {LoadAverage()}; took {(DateTime.Now - started).TotalSeconds:F0} s");
            return 0;
        }

        private static double CallbacksBeyondReporting(Row row)
            => (row.Callbacks[Mode.Smtp] - row.Callbacks[Mode.ReportingFloor]) / row.Wall[Mode.Compile];

        private static double AllocBeyondFloor(Row row)
            => (row.Alloc[Mode.Smtp] - row.Alloc[Mode.Floor]) / (double)row.Alloc[Mode.Compile];

        /// <summary>
        /// Only the driver's telemetry, per scenario, best of the iterations: the full engine against both floors, and
        /// each rule's one-rule engine; for before/after measurements of a change to one rule (--callbacks).
        /// </summary>
        public static int Callbacks(Options options)
        {
            var how = options.Sequential ? "the compile on one thread and the analyzers' actions one at a time" : "the compile and the analyzers concurrent, as in a build";
            Console.WriteLine($"callback time per analyzer, {options.Files} files, best of {options.Iterations}, {how}; load average {LoadAverage()}");
            var warmup = new CorpusCompilation(Scenario.Violations, 20, options.Sequential);
            warmup.RunWithTelemetry(Mode.Smtp);
            warmup.RunWithTelemetry(Mode.ReportingFloor);
            warmup.RunOneRuleEngines();
            foreach (var scenario in Enum.GetValues<Scenario>())
            {
                var corpus = new CorpusCompilation(scenario, options.Files, options.Sequential);
                var best = new Dictionary<string, double>();
                var compile = double.MaxValue;
                for (var i = 0; i < options.Iterations; i++)
                {
                    compile = Math.Min(compile, corpus.Run(Mode.Compile).Wall.TotalMilliseconds);
                    var runs = new[] { corpus.RunWithTelemetry(Mode.Floor), corpus.RunWithTelemetry(Mode.ReportingFloor), corpus.RunWithTelemetry(Mode.Smtp), corpus.RunOneRuleEngines() };
                    foreach (var run in runs)
                    {
                        foreach (var (name, info) in run.Telemetry)
                        {
                            var ms = info.ExecutionTime.TotalMilliseconds;
                            best[name] = best.TryGetValue(name, out var b) ? Math.Min(b, ms) : ms;
                        }
                    }
                }

                Console.WriteLine($"{scenario} ({corpus.Findings.All.Length} findings):");
                foreach (var (name, ms) in best.OrderBy(p => p.Key.Contains('(') ? 0 : 1).ThenByDescending(p => p.Value))
                {
                    Console.WriteLine($"  {name,-48} {ms,8:F1} ms");
                }

                // The budget's figure from the best of each: the engine's callbacks beyond the reporting floor's, against the compiler alone.
                var beyond = best[nameof(SmtpAnalyzers.Engine.SmtpRulesAnalyzer)] - best[$"ReportingFloor({nameof(SmtpAnalyzers.Engine.SmtpRulesAnalyzer)})"];
                var limit = Budgets.Where(b => b.Scenario == scenario && b.What == "Callbacks beyond the reporting floor").Select(b => (double?)b.Limit).FirstOrDefault();
                Console.WriteLine($"  compiler alone {compile:F0} ms; engine beyond the reporting floor {beyond:F1} ms = {Pct(beyond / compile)} of compile" + (limit is { } l ? $" (limit {Pct(l)}: {(beyond / compile <= l ? "met" : "not met")})" : string.Empty));
            }

            return 0;
        }

        private static (double Gate, double Symbols, double FreshLookup) GateCost(CorpusCompilation corpus)
        {
            var gate = new List<double>();
            var freshLookup = new List<double>();
            var stopwatch = new System.Diagnostics.Stopwatch();
            for (var i = 0; i < 3; i++)
            {
                var compilation = corpus.NewCompilation();
                stopwatch.Restart();
                SmtpAnalyzers.Semantics.SmtpModel.TryCreate(compilation, System.Threading.CancellationToken.None);
                gate.Add(stopwatch.Elapsed.TotalMilliseconds);
                stopwatch.Restart();
                compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
                freshLookup.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            // Once: it needs a whole compile first. Every symbol of both sets, as the first callbacks would resolve them.
            var compiled = corpus.NewCompilation();
            compiled.GetDiagnostics();
            stopwatch.Restart();
            _ = SmtpAnalyzers.Semantics.SmtpModel.Create(compiled).SystemNetMailClient;
            _ = SmtpAnalyzers.Rules.Security.SecuritySymbols.Create(compiled).SystemNetMailClient;
            return (Median(gate), stopwatch.Elapsed.TotalMilliseconds, Median(freshLookup));
        }

        private static void Scaling(Options options)
        {
            Console.WriteLine();
            Console.WriteLine($"Scaling, violations scenario ({options.ScalingIterations} iterations each, median)");
            Console.WriteLine();
            Console.WriteLine("| Files | Compile | + SmtpAnalyzers | SmtpAnalyzers callbacks | Alloc compile | Alloc marginal |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
            var points = new List<(double Files, double Compile, double Callbacks, double AllocMarginal, double Wall)>();
            foreach (var files in options.Scaling)
            {
                var row = Measure(new CorpusCompilation(Scenario.Violations, files), options.ScalingIterations, options.ScalingIterations, new[] { Mode.Compile, Mode.Smtp }, oneRuleEngines: false);
                var allocMarginal = row.Alloc[Mode.Smtp] - row.Alloc[Mode.Compile];
                points.Add((files, row.Wall[Mode.Compile], row.Callbacks[Mode.Smtp], allocMarginal, row.Wall[Mode.Smtp]));
                Console.WriteLine($"| {files} | {Ms(row.Wall[Mode.Compile])} | {Ms(row.Wall[Mode.Smtp])} | {Ms(row.Callbacks[Mode.Smtp])} | {Mb(row.Alloc[Mode.Compile])} | {Mb(allocMarginal)} |");
            }

            Console.WriteLine();
            Console.WriteLine("log-log slope (time ~ files^slope; 1 is linear):");
            Console.WriteLine($"  compile alone          {Slope(points.Select(p => (p.Files, p.Compile))):F2}");
            Console.WriteLine($"  compile + SmtpAnalyzers {Slope(points.Select(p => (p.Files, p.Wall))):F2}");
            Console.WriteLine($"  SmtpAnalyzers callbacks {Slope(points.Select(p => (p.Files, p.Callbacks))):F2}");
            Console.WriteLine($"  allocation marginal    {Slope(points.Where(p => p.AllocMarginal > 0).Select(p => (p.Files, p.AllocMarginal))):F2}");
        }

        /// <summary>Runs the modes <paramref name="iterations"/> times, rotating which goes first, and takes medians.</summary>
        private static Row Measure(CorpusCompilation corpus, int iterations, int telemetryIterations, Mode[] modes, bool oneRuleEngines)
        {
            var expected = Corpus.ExpectedDiagnostics(corpus.Scenario, corpus.Files);
            var results = modes.ToDictionary(m => m, _ => new List<RunResult>());
            for (var i = 0; i < iterations; i++)
            {
                for (var j = 0; j < modes.Length; j++)
                {
                    var mode = modes[(i + j) % modes.Length];
                    var result = corpus.Run(mode);
                    Check(corpus, result, expected);
                    results[mode].Add(result);
                }
            }

            // Callback times come from separate telemetry runs (GetAnalysisResultAsync with execution times logged).
            var telemetry = modes.Where(m => m != Mode.Compile).ToDictionary(m => m, _ => new List<RunResult>());
            for (var i = 0; i < telemetryIterations; i++)
            {
                foreach (var mode in telemetry.Keys)
                {
                    var result = corpus.RunWithTelemetry(mode);
                    Check(corpus, result, expected);
                    telemetry[mode].Add(result);
                }
            }

            var perRule = new List<RunResult>();
            for (var i = 0; oneRuleEngines && i < telemetryIterations; i++)
            {
                var result = corpus.RunOneRuleEngines();
                Check(corpus, result, expected);
                perRule.Add(result);
            }

            Console.Error.WriteLine($"  measured {corpus.Scenario} x {corpus.Files} files");
            var compileWalls = results[Mode.Compile].Select(r => r.Wall.TotalMilliseconds).ToList();
            var callbacks = telemetry.ToDictionary(p => p.Key, p => Median(p.Value.Select(r => r.CallbackTime.TotalMilliseconds)));
            callbacks[Mode.Compile] = 0;
            return new Row(
                corpus.Scenario,
                results.ToDictionary(p => p.Key, p => Median(p.Value.Select(r => r.Wall.TotalMilliseconds))),
                results.ToDictionary(p => p.Key, p => (long)Median(p.Value.Select(r => (double)r.Allocated))),
                callbacks,
                (compileWalls.Max() - compileWalls.Min()) / Median(compileWalls),
                perRule.Count > 0
                    ? perRule[0].Telemetry.Keys.ToDictionary(k => k, k => Median(perRule.Select(r => r.Telemetry[k].ExecutionTime.TotalMilliseconds)))
                    : new Dictionary<string, double>(),
                modes.Contains(Mode.ReportingFloor) ? corpus.Findings.All.Length : 0);
        }

        /// <summary>The benchmark measures nothing if the corpus stops compiling or the rules stop reporting: fail loudly.</summary>
        private static void Check(CorpusCompilation corpus, RunResult result, IReadOnlyDictionary<string, int> expected)
        {
            var errors = result.Errors.Take(3).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"the {corpus.Scenario} corpus does not compile: {string.Join("; ", errors)}");
            }

            var counts = result.RuleCounts;
            // The reporting floor reports what SmtpAnalyzers reports; the no-op floor nothing.
            var want = result.Mode is Mode.Smtp or Mode.ReportingFloor ? expected : new Dictionary<string, int>();
            if (counts.Count != want.Count || want.Any(p => !counts.TryGetValue(p.Key, out var n) || n != p.Value))
            {
                throw new InvalidOperationException(
                    $"{corpus.Scenario} x {corpus.Files}, {result.Mode}: expected [{Format(want)}], got [{Format(counts)}]");
            }
        }

        private static string Format(IEnumerable<KeyValuePair<string, int>> counts)
            => string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));

        /// <summary>Least-squares slope of log(y) over log(x).</summary>
        internal static double Slope(IEnumerable<(double X, double Y)> points)
        {
            var logs = points.Where(p => p.X > 0 && p.Y > 0).Select(p => (X: Math.Log(p.X), Y: Math.Log(p.Y))).ToList();
            if (logs.Count < 2)
            {
                return double.NaN;
            }

            var meanX = logs.Average(p => p.X);
            var meanY = logs.Average(p => p.Y);
            return logs.Sum(p => (p.X - meanX) * (p.Y - meanY)) / logs.Sum(p => (p.X - meanX) * (p.X - meanX));
        }

        internal static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        internal static string LoadAverage()
        {
            try
            {
                return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
            }
            catch (IOException)
            {
                return "n/a";
            }
            catch (UnauthorizedAccessException)
            {
                return "n/a";
            }
        }

        private static string Ms(double ms) => ms.ToString("F0", CultureInfo.InvariantCulture) + " ms";

        private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";

        private static string Pct(double fraction) => (fraction * 100).ToString("+0.00;-0.00", CultureInfo.InvariantCulture) + "%";

        private static string Ratio(double value, double floor) => floor <= 0 ? "n/a" : (value / floor).ToString("F2", CultureInfo.InvariantCulture) + "x";

        private sealed record Row(
            Scenario Scenario,
            Dictionary<Mode, double> Wall,
            Dictionary<Mode, long> Alloc,
            Dictionary<Mode, double> Callbacks,
            double CompileNoise,
            Dictionary<string, double> PerRule,
            int Findings);
    }
}
