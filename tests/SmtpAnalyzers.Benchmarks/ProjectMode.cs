using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SmtpAnalyzers.Benchmarks.Harness;

namespace SmtpAnalyzers.Benchmarks
{
    /// <summary>
    /// --project CSC_COMMAND_FILE: a real project (MailKit's source, say) compiled in process, K times in each of three
    /// modes interleaved: the compiler alone, the no-op floor and SmtpAnalyzers. The file holds the <c>csc</c> command
    /// line its build logged (<c>project-command.sh</c> writes one for MailKit); its directory is the project's. The
    /// first round warms the process up and is left out, as a build with the compiler server would reuse it.
    /// </summary>
    internal static class ProjectMode
    {
        public static int Run(string commandFile, Options options)
        {
            var started = DateTime.Now;
            var project = ProjectCompilation.Parse(File.ReadAllText(commandFile), Path.GetDirectoryName(Path.GetFullPath(commandFile))!, options.Sequential);
            var how = options.Sequential ? "the compile on one thread and the analyzers' actions one at a time" : "the compile and the analyzers concurrent";
            Console.WriteLine($"{project.Name}: {project.Trees.Length} files, {project.References} references; {options.Iterations} rounds after a warm-up round, {how}; load average {QuickMode.LoadAverage()}");

            var compile = new List<double>();
            var floor = new List<double>();
            var engine = new List<double>();
            var floorWall = new List<double>();
            var engineWall = new List<double>();
            var findings = 0;
            for (var round = 0; round <= options.Iterations; round++)
            {
                var (wall, errors) = project.Compile();
                var floorRun = project.Analyze(ProjectCompilation.Floor());
                var engineRun = project.Analyze(SmtpAnalyzerSet.Create());
                findings = engineRun.Diagnostics.Length;
                Console.WriteLine($"  round {round}: compiler alone {Ms(wall.TotalMilliseconds)} ({errors} errors); with the floor {Ms(floorRun.Wall.TotalMilliseconds)}, callbacks {Ms(floorRun.Callbacks.TotalMilliseconds)}; with SmtpAnalyzers {Ms(engineRun.Wall.TotalMilliseconds)}, callbacks {Ms(engineRun.Callbacks.TotalMilliseconds)}{(round == 0 ? " (warm-up, left out)" : string.Empty)}");
                if (round > 0)
                {
                    compile.Add(wall.TotalMilliseconds);
                    floor.Add(floorRun.Callbacks.TotalMilliseconds);
                    engine.Add(engineRun.Callbacks.TotalMilliseconds);
                    floorWall.Add(floorRun.Wall.TotalMilliseconds);
                    engineWall.Add(engineRun.Wall.TotalMilliseconds);
                }
            }

            Console.WriteLine($"  {findings} findings; best (median): compiler alone {Ms(compile.Min())} ({Ms(QuickMode.Median(compile))}), floor {Ms(floor.Min())} ({Ms(QuickMode.Median(floor))}), SmtpAnalyzers {Ms(engine.Min())} ({Ms(QuickMode.Median(engine))})");
            var beyond = engine.Min() - floor.Min();
            Console.WriteLine($"  SmtpAnalyzers beyond the no-op floor: {Ms(beyond)} = {(100 * beyond / compile.Min()).ToString("F2", CultureInfo.InvariantCulture)} % of the compiler alone (best of each)");
            Console.WriteLine($"  wall time, compile and analysis together, best (median): with the floor {Ms(floorWall.Min())} ({Ms(QuickMode.Median(floorWall))}), with SmtpAnalyzers {Ms(engineWall.Min())} ({Ms(QuickMode.Median(engineWall))})");
            Console.WriteLine($"load average at end: {QuickMode.LoadAverage()}; took {(DateTime.Now - started).TotalSeconds:F0} s");
            return 0;
        }

        private static string Ms(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture) + " ms";
    }
}
