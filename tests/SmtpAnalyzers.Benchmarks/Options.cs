using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SmtpAnalyzers.Benchmarks
{
    /// <summary>The command-line options of --quick, --callbacks, --project and --cold.</summary>
    internal sealed class Options
    {
        public int Files { get; private set; } = 1000;

        public int Iterations { get; private set; } = 2;

        public int TelemetryIterations { get; private set; } = 1;

        public int[] Scaling { get; private set; } = { 250, 500, 1000, 2000 };

        public int ScalingIterations { get; private set; } = 1;

        /// <summary>
        /// The compile on one thread and the analyzers' actions one at a time:
        /// <see cref="CorpusCompilation.Sequential"/> with --callbacks and --project, csc's <c>/parallel-</c> with
        /// --cold.
        /// </summary>
        public bool Sequential { get; private set; }

        /// <summary>--cold only: the compiles run in the compiler server, warm, instead of fresh processes.</summary>
        public bool Server { get; private set; }

        public static Options Parse(IEnumerable<string> args)
        {
            var options = new Options();
            using var e = args.GetEnumerator();
            while (e.MoveNext())
            {
                switch (e.Current)
                {
                    case "--files":
                        options.Files = int.Parse(Next(e), CultureInfo.InvariantCulture);
                        break;
                    case "--iterations":
                        options.Iterations = int.Parse(Next(e), CultureInfo.InvariantCulture);
                        break;
                    case "--telemetry-iterations":
                        options.TelemetryIterations = int.Parse(Next(e), CultureInfo.InvariantCulture);
                        break;
                    case "--scaling":
                        options.Scaling = Next(e).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                        break;
                    case "--scaling-iterations":
                        options.ScalingIterations = int.Parse(Next(e), CultureInfo.InvariantCulture);
                        break;
                    case "--no-scaling":
                        options.Scaling = Array.Empty<int>();
                        break;
                    case "--sequential":
                        options.Sequential = true;
                        break;
                    case "--server":
                        options.Server = true;
                        break;
                    default:
                        throw new ArgumentException("unknown option " + e.Current);
                }
            }

            return options;
        }

        private static string Next(IEnumerator<string> e)
            => e.MoveNext() ? e.Current : throw new ArgumentException("missing value");
    }
}
