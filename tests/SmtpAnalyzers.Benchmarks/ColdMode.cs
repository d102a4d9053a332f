using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using SmtpAnalyzers.Benchmarks.Harness;

namespace SmtpAnalyzers.Benchmarks
{
    /// <summary>
    /// --cold CSC_COMMAND_FILE: a real project built by fresh <c>csc</c> processes, as a build without the compiler
    /// server runs it, K rounds of three runs in turn: the build's own command line with every analyzer skipped (the
    /// compiler alone), then with the build's analyzers run and the no-op floor added (<see cref="ColdFloor"/>), then
    /// with the build's analyzers and SmtpAnalyzers. The analyzers' times are the compiler's own report
    /// (<c>/reportanalyzer</c>). Each process compiles every method it runs for the first time, so this measures the
    /// package's first-use costs, which the in-process modes leave out, against a floor that pays the same loading and
    /// registrations. With --server the same compiles run in the compiler server (<c>/shared</c>, what
    /// <c>dotnet build</c> uses by default), after warm-up rounds: the package as a developer's repeated builds see it.
    /// With --sequential each compile runs on one thread (<c>/parallel-</c>): an analyzer's time then holds no wait
    /// for another thread's first compile of the same method, which on two cores can make the parallel figure vary
    /// threefold.
    /// </summary>
    internal static class ColdMode
    {
        /// <summary>
        /// --server: rounds left out while the compiler server loads and compiles both analyzers (the package's figure
        /// fell from 569 to 190 ms over its first four builds on MailKit).
        /// </summary>
        private const int ServerWarmUpRounds = 6;

        public static int Run(string commandFile, Options options)
        {
            var started = DateTime.Now;
            var directory = Path.GetDirectoryName(Path.GetFullPath(commandFile))!;
            var (compiler, arguments) = ProjectCompilation.SplitCommandLine(File.ReadAllText(commandFile));
            if (compiler.Count == 0)
            {
                Console.Error.WriteLine(commandFile + " does not start with the program that runs csc");
                return 1;
            }

            // The program to start, then its own arguments up to csc ("exec .../csc.dll"), before the response file.
            var csc = compiler[0];
            var host = string.Concat(compiler.Skip(1).Select(a => "\"" + a + "\" "));
            var work = Directory.CreateTempSubdirectory("smtp-cold-").FullName;
            try
            {
                var threads = options.Sequential ? ColdFloor.OnOneThread(arguments) : arguments;
                var alone = ResponseFile(work, "alone.rsp", ColdFloor.WithAnalyzersSkipped(threads));
                var analyzed = ResponseFile(work, "analyzed.rsp", ColdFloor.WithAnalyzersRun(threads));
                var floor = ColdFloor.Emit(CorpusCompilation.Shapes.Single(), work);
                var package = typeof(SmtpAnalyzers.Engine.SmtpRulesAnalyzer).Assembly.Location;
                var shared = options.Server ? "/shared /keepalive:60 " : string.Empty;
                var how = (options.Server ? $"in the compiler server, after {ServerWarmUpRounds} warm-up rounds" : "fresh processes")
                    + (options.Sequential ? ", each compile on one thread (/parallel-)" : string.Empty);
                Console.WriteLine($"{csc}: {options.Iterations} rounds of three compiles in turn, {how}; load average {QuickMode.LoadAverage()}");

                var compile = new List<double>();
                var floorTimes = new List<double>();
                var packageTimes = new List<double>();
                for (var round = options.Server ? 1 - ServerWarmUpRounds : 1; round <= options.Iterations; round++)
                {
                    var commands = new[]
                    {
                        $"{host}{shared}\"@{alone}\"",
                        $"{host}{shared}\"@{analyzed}\" \"/analyzer:{floor}\" /reportanalyzer",
                        $"{host}{shared}\"@{analyzed}\" \"/analyzer:{package}\" /reportanalyzer",
                    };
                    // Each round runs the three in the opposite order to the last, so that drift (a compiler server still
                    // warming up, load from elsewhere) does not favour one of them.
                    var results = new (double Wall, string Output)[commands.Length];
                    foreach (var i in round % 2 == 0 ? new[] { 2, 1, 0 } : new[] { 0, 1, 2 })
                    {
                        results[i] = RunCsc(csc, directory, commands[i]);
                    }

                    var (aloneRun, floorRun, packageRun) = (results[0], results[1], results[2]);
                    var floorMs = ColdFloor.ReportedTime(floorRun.Output, ColdFloor.AssemblyName);
                    var packageMs = ColdFloor.ReportedTime(packageRun.Output, "SmtpAnalyzers");
                    Console.WriteLine($"  round {round}: compiler alone {Ms(aloneRun.Wall)}; with analyzers and the floor {Ms(floorRun.Wall)}, floor {Ms(floorMs)}; with analyzers and SmtpAnalyzers {Ms(packageRun.Wall)}, SmtpAnalyzers {Ms(packageMs)}{(round < 1 ? " (warm-up, left out)" : string.Empty)}");
                    if (round >= 1)
                    {
                        compile.Add(aloneRun.Wall);
                        floorTimes.Add(floorMs);
                        packageTimes.Add(packageMs);
                    }
                }

                var beyond = packageTimes.Min() - floorTimes.Min();
                Console.WriteLine($"  best (median): compiler alone {Ms(compile.Min())} ({Ms(QuickMode.Median(compile))}), floor {Ms(floorTimes.Min())} ({Ms(QuickMode.Median(floorTimes))}), SmtpAnalyzers {Ms(packageTimes.Min())} ({Ms(QuickMode.Median(packageTimes))})");
                Console.WriteLine($"  SmtpAnalyzers beyond the no-op floor: {Ms(beyond)} = {(100 * beyond / compile.Min()).ToString("F2", CultureInfo.InvariantCulture)} % of the compiler alone (best of each)");
                Console.WriteLine($"load average at end: {QuickMode.LoadAverage()}; took {(DateTime.Now - started).TotalSeconds:F0} s");
                return 0;
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        private static string ResponseFile(string directory, string name, IEnumerable<string> arguments)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllLines(path, arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? "\"" + a + "\"" : a));
            return path;
        }

        /// <summary>
        /// One compile, a csc process (which hands it to the compiler server with /shared): its wall time and its output.
        /// A failed compile stops the run.
        /// </summary>
        private static (double Wall, string Output) RunCsc(string csc, string directory, string arguments)
        {
            var start = new ProcessStartInfo(csc, arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            stopwatch.Stop();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"csc {arguments} exited with {process.ExitCode}: {output} {errors.Result}");
            }

            return (stopwatch.Elapsed.TotalMilliseconds, output);
        }

        private static string Ms(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture) + " ms";
    }
}
