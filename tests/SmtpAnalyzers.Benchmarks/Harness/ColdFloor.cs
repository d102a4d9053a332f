using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpAnalyzers.Benchmarks.Harness
{
    /// <summary>
    /// The no-op floor as an analyzer assembly of its own, for a fresh <c>csc</c> process (<c>--cold</c>): an analyzer
    /// that makes exactly the registrations of a recorded <see cref="ActionShape"/> with callbacks that do nothing. In a
    /// fresh compiler process an analyzer also pays for loading its assembly and for compiling its code on first use;
    /// this floor pays the first for an assembly that holds nearly nothing, so the package beyond it is what its own code
    /// costs there. It is compiled from generated source, against the Microsoft.CodeAnalysis this process runs on.
    /// </summary>
    public static class ColdFloor
    {
        /// <summary>The floor's assembly name, as the compiler's analyzer report prints it.</summary>
        public const string AssemblyName = "SmtpAnalyzers.ColdFloor";

        /// <summary>The C# source of the floor analyzer for <paramref name="shape"/>.</summary>
        public static string Source(ActionShape shape)
        {
            if (shape.Unsupported.Count > 0 || shape.SymbolStartActions.Count > 0 || shape.CompilationStartActions != 1)
            {
                throw new NotSupportedException("the cold floor mirrors one compilation-start action with operation actions only, not " + shape);
            }

            var text = new StringBuilder();
            text.AppendLine("using System.Collections.Immutable;");
            text.AppendLine("using Microsoft.CodeAnalysis;");
            text.AppendLine("using Microsoft.CodeAnalysis.Diagnostics;");
            text.AppendLine("[DiagnosticAnalyzer(LanguageNames.CSharp)]");
            text.AppendLine("public sealed class ColdFloorAnalyzer : DiagnosticAnalyzer");
            text.AppendLine("{");
            text.AppendLine("    private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(\"FLOOR0001\", \"Floor\", \"Floor\", \"Floor\", DiagnosticSeverity.Warning, true);");
            text.AppendLine("    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);");
            text.AppendLine("    public override void Initialize(AnalysisContext context)");
            text.AppendLine("    {");
            if (shape.ConcurrentExecution)
            {
                text.AppendLine("        context.EnableConcurrentExecution();");
            }

            if (shape.GeneratedCode is { } generated)
            {
                text.AppendLine($"        context.ConfigureGeneratedCodeAnalysis((GeneratedCodeAnalysisFlags){(int)generated});");
            }

            text.AppendLine("        context.RegisterCompilationStartAction(start =>");
            text.AppendLine("        {");
            foreach (var kinds in shape.OperationActions)
            {
                text.AppendLine("            start.RegisterOperationAction(_ => { }, " + string.Join(", ", kinds.Select(k => "OperationKind." + k)) + ");");
            }

            text.AppendLine("        });");
            text.AppendLine("    }");
            text.AppendLine("}");
            return text.ToString();
        }

        /// <summary>Compiles the floor of <paramref name="shape"/> into <paramref name="directory"/> and returns the assembly's path.</summary>
        public static string Emit(ActionShape shape, string directory)
        {
            var compilation = CSharpCompilation.Create(
                AssemblyName,
                new[] { CSharpSyntaxTree.ParseText(Source(shape)) },
                References(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
            var path = Path.Combine(directory, AssemblyName + ".dll");
            using (var stream = File.Create(path))
            {
                var result = compilation.Emit(stream);
                if (!result.Success)
                {
                    throw new InvalidOperationException("the cold floor does not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
                }
            }

            return path;
        }

        /// <summary>
        /// The arguments of a build's <c>csc</c> command line (after csc's own path) with analyzers run: the build that
        /// logged it ran without them (<c>RunAnalyzers=false</c> passes <c>/skipanalyzers+</c>). The analyzers the build
        /// passes (the SDK's) stay: they run beside the measured one, as they do in a build with the package.
        /// </summary>
        public static IEnumerable<string> WithAnalyzersRun(IEnumerable<string> arguments)
            => arguments.Where(a => !IsSkipAnalyzers(a));

        /// <summary>The same arguments with every analyzer skipped: the compiler alone, whichever way the build ran.</summary>
        public static IEnumerable<string> WithAnalyzersSkipped(IEnumerable<string> arguments)
            => WithAnalyzersRun(arguments).Append("/skipanalyzers+");

        /// <summary>
        /// The same arguments compiled on one thread (<c>/parallel-</c>, which wins over an earlier
        /// <c>/parallel+</c>): the analyzers' callbacks then run one at a time, so none of them waits on another thread
        /// that is compiling, on its first use, the same method of the analyzer (<c>--cold --sequential</c>).
        /// </summary>
        public static IEnumerable<string> OnOneThread(IEnumerable<string> arguments)
            => arguments.Append("/parallel-");

        /// <summary>The time <c>/reportanalyzer</c> gives the analyzer assembly <paramref name="assembly"/>, in ms ("&lt;0.001" is 0).</summary>
        public static double ReportedTime(string output, string assembly)
        {
            var match = Regex.Match(output, @"^\s+(<?[0-9.]+)\s+<?[0-9]+\s+" + Regex.Escape(assembly) + @", Version=", RegexOptions.Multiline);
            if (!match.Success)
            {
                throw new InvalidOperationException("no line for " + assembly + " in the analyzer report");
            }

            var seconds = match.Groups[1].Value;
            return seconds.StartsWith('<') ? 0 : 1000 * double.Parse(seconds, CultureInfo.InvariantCulture);
        }

        private static bool IsSkipAnalyzers(string argument)
            => (argument.StartsWith("/", StringComparison.Ordinal) || argument.StartsWith("-", StringComparison.Ordinal))
                && (string.Equals(argument.Substring(1), "skipanalyzers", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(argument.Substring(1), "skipanalyzers+", StringComparison.OrdinalIgnoreCase));

        private static IEnumerable<MetadataReference> References()
        {
            // The runtime's own assemblies and the Microsoft.CodeAnalysis this process runs on.
            var platform = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
            return platform
                .Append(typeof(DiagnosticAnalyzer).Assembly.Location)
                .Distinct(StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        }
    }
}
