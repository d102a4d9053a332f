using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SmtpAnalyzers.Benchmarks.Harness
{
    /// <summary>
    /// A real project compiled in process, from the command line its own build gave <c>csc</c> (the line that
    /// <c>dotnet build -v:d</c> logs): its sources, references, defines and options, parsed once. Each run gets a fresh
    /// compilation of the parsed trees, as <see cref="CorpusCompilation"/> does for the generated corpus. The project's
    /// analyzers, generators and <c>.editorconfig</c> files are not used: the runs compare the compiler alone, the no-op
    /// floor and SmtpAnalyzers.
    /// </summary>
    public sealed class ProjectCompilation
    {
        private readonly ImmutableArray<MetadataReference> _references;
        private readonly CSharpCompilationOptions _options;

        private ProjectCompilation(string name, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, CSharpCompilationOptions options)
        {
            Name = name;
            Trees = trees;
            _references = references;
            _options = options;
        }

        public string Name { get; }

        public ImmutableArray<SyntaxTree> Trees { get; }

        public int References => _references.Length;

        /// <summary>
        /// Parses <paramref name="commandLine"/>: csc's arguments, after the path of csc itself if the line starts with
        /// one. Relative paths are taken from <paramref name="baseDirectory"/>, the project's directory.
        /// </summary>
        public static ProjectCompilation Parse(string commandLine, string baseDirectory, bool sequential = false)
        {
            var (_, arguments) = SplitCommandLine(commandLine);
            var parsed = CSharpCommandLineParser.Default.Parse(arguments, baseDirectory, sdkDirectory: null);
            var errors = parsed.Errors.Where(e => e.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new ArgumentException("the command line does not parse: " + string.Join("; ", errors));
            }

            var trees = parsed.SourceFiles.Select(file =>
            {
                using var stream = File.OpenRead(file.Path);
                return CSharpSyntaxTree.ParseText(SourceText.From(stream), parsed.ParseOptions, file.Path);
            }).ToImmutableArray();
            var references = parsed.MetadataReferences
                .Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference, r.Properties))
                .ToImmutableArray();
            var name = parsed.CompilationName ?? Path.GetFileName(baseDirectory);
            return new ProjectCompilation(name, trees, references, parsed.CompilationOptions.WithConcurrentBuild(!sequential));
        }

        /// <summary>
        /// A logged <c>csc</c> command line split into what starts the compiler ("/usr/share/dotnet/sdk/10.0.401/Roslyn/
        /// bincore/csc", or "dotnet exec .../csc.dll"; empty when the line holds csc's arguments only) and csc's arguments.
        /// </summary>
        internal static (List<string> Compiler, List<string> Arguments) SplitCommandLine(string commandLine)
        {
            var arguments = CommandLineParser.SplitCommandLineIntoArguments(commandLine.Trim(), removeHashComments: false).ToList();
            var csc = arguments.Take(3).ToList().FindIndex(IsCsc);
            return (arguments.GetRange(0, csc + 1), arguments.GetRange(csc + 1, arguments.Count - csc - 1));
        }

        private static bool IsCsc(string argument)
            => argument == "csc"
                || argument.EndsWith("/csc", StringComparison.Ordinal)
                || argument.EndsWith("\\csc", StringComparison.Ordinal)
                || argument.EndsWith("csc.exe", StringComparison.OrdinalIgnoreCase)
                || argument.EndsWith("csc.dll", StringComparison.OrdinalIgnoreCase);

        private CSharpCompilation? _anchor;

        /// <summary>
        /// A fresh compilation. The first call also binds every reference once in a compilation that lives as long as
        /// this object, so that no run pays for loading references (see <see cref="CorpusCompilation"/>'s anchor).
        /// </summary>
        public CSharpCompilation NewCompilation()
        {
            _anchor ??= CorpusCompilation.BindReferences(_references, _options);

            return CSharpCompilation.Create(Name, Trees, _references, _options);
        }

        /// <summary>The compiler alone on a fresh compilation: its wall time and its errors.</summary>
        public (TimeSpan Wall, int Errors) Compile()
        {
            CorpusCompilation.Collect(true);
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = NewCompilation().GetDiagnostics();
            stopwatch.Stop();
            return (stopwatch.Elapsed, diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        }

        /// <summary>
        /// <paramref name="analyzers"/> on a fresh compilation with the driver's telemetry: the wall time of the compile
        /// and the analysis together, the analyzers' callback time (summed over analyzers and threads) and their
        /// diagnostics. The wall time also holds what the callbacks' time does not: work moved between the compiler and
        /// the analyzers (a member bound first by a rule is not bound again by the driver).
        /// </summary>
        public (TimeSpan Wall, TimeSpan Callbacks, ImmutableArray<Diagnostic> Diagnostics) Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            CorpusCompilation.Collect(true);
            var stopwatch = Stopwatch.StartNew();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: _options.ConcurrentBuild,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            var result = NewCompilation().WithAnalyzers(analyzers, options).GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            stopwatch.Stop();
            var callbacks = TimeSpan.FromTicks(result.AnalyzerTelemetryInfo.Values.Sum(t => t.ExecutionTime.Ticks));
            return (stopwatch.Elapsed, callbacks, result.GetAllDiagnostics());
        }

        /// <summary>The no-op floor: the engine's registrations with callbacks that do nothing.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Floor()
            => CorpusCompilation.Shapes.Select(s => (DiagnosticAnalyzer)new FloorAnalyzer(s)).ToImmutableArray();
    }
}
