#pragma warning disable RS1001, RS1012, RS1026, RS2008 // A test instrument: no host loads it, it only records the compilation, and it never reports.

using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Rules.Security;
using SmtpAnalyzers.Semantics;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.Tests.Engine
{
    /// <summary>
    /// Compilation start looks up no type. In a fresh compilation the first type lookup binds the references and builds the
    /// merged namespace of every reference and source file: the compiler's own work, charged to whoever asks first, and at
    /// compilation start that is the package. The symbols are resolved at the first callback that needs them, after the
    /// compiler has bound the declarations, and the rules subscribe without them.
    /// </summary>
    public class CompilationStartTests
    {
        [Fact]
        public async Task CompilationStartResolvesNoSymbolAndStillRegistersEveryKind()
        {
            // Mail text passes the gate; no executable code, so no operation callback runs after compilation start.
            var compilation = Compile("// sends with System.Net.Mail.SmtpClient\npublic class Settings { }");

            var (info, analyzed) = await Analyze(compilation);

            Assert.Equal(1, info.CompilationStartActionsCount);
            Assert.Equal(13, info.OperationActionsCount);
            Assert.True(SmtpModel.IsCached(analyzed));
            Assert.False(SmtpModel.TryCreate(analyzed, CancellationToken.None)!.IsResolved);
            Assert.False(SecuritySymbols.Create(analyzed).IsResolved);
        }

        [Fact]
        public async Task TheFirstCallbackThatNeedsThemResolvesTheSymbols()
        {
            // Guards the test above: the same model and symbols are the ones the callbacks resolve.
            var compilation = Compile("""
                using System.Net.Mail;

                public static class Mailer
                {
                    public static void Send(SmtpClient client, MailMessage message)
                    {
                        client.Credentials = new System.Net.NetworkCredential("user", Password());
                        client.Send(message);
                    }

                    private static string Password() => System.Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? "";
                }
                """);

            var (_, analyzed) = await Analyze(compilation);

            Assert.True(SmtpModel.TryCreate(analyzed, CancellationToken.None)!.IsResolved);
            Assert.True(SecuritySymbols.Create(analyzed).IsResolved);
        }

        [Fact]
        public async Task WithoutMailTextNothingIsRegisteredAndNothingResolved()
        {
            var compilation = Compile("public static class Other { public static int Twice(int value) => value * 2; }");

            var (info, analyzed) = await Analyze(compilation);

            Assert.Equal(0, info.OperationActionsCount);
            Assert.True(SmtpModel.IsCached(analyzed));
            Assert.Null(SmtpModel.TryCreate(analyzed, CancellationToken.None));
            Assert.False(SecuritySymbols.Create(analyzed).IsResolved);
        }

        /// <summary>Runs the package's analyzer; returns its telemetry and the compilation its callbacks saw (the driver's own copy, not <paramref name="compilation"/>).</summary>
        private static async Task<(Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo Info, Compilation Analyzed)> Analyze(Compilation compilation)
        {
            Assert.Empty(compilation.GetParseDiagnostics());
            var analyzer = new SmtpRulesAnalyzer();
            var capture = new CompilationCapture();
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(analyzer, capture),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
            var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
            Assert.DoesNotContain(result.GetAllDiagnostics(), d => d.Id == "AD0001");
            var info = result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var found) ? found : new Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo();
            return (info, capture.Analyzed!);
        }

        private static Compilation Compile(string source)
            => CSharpCompilation.Create(
                "Start",
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        /// <summary>Records the compilation the driver hands the analyzers, which is a copy of the one given to it.</summary>
        private sealed class CompilationCapture : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("CAPTURE1", "Never reported", "Never reported", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

            public Compilation? Analyzed { get; private set; }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(start => Analyzed = start.Compilation);
            }
        }
    }
}
