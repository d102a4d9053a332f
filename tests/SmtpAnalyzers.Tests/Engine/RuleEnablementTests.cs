#pragma warning disable RS1001 // Engines with a subset of the rules are test instruments: no host loads them.

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Reliability;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.Tests.Engine
{
    /// <summary>
    /// Rules whose diagnostics are all configured off cost nothing: the engine does not subscribe them, so the operation
    /// kinds only they asked for are never registered. Measured through the driver's own telemetry (registered operation
    /// actions of the package's analyzer), with the configuration built the way a build builds it: a workspace project with
    /// <c>.editorconfig</c>/globalconfig documents fills <c>Compilation.Options.SyntaxTreeOptionsProvider</c> and
    /// <c>AnalyzerOptions.AnalyzerConfigOptionsProvider</c>, as the compiler does from its <c>/analyzerconfig</c> files.
    /// </summary>
    public class RuleEnablementTests
    {
        private const string MailCode = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(SmtpClient client, MailMessage message) => client.Send(message);
            }
            """;

        private const string OtherCode = """
            public static class Other
            {
                public static int Twice(int value) => value * 2;
            }
            """;

        private static readonly string[] AllIds = typeof(RuleIds).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToArray();

        [Fact]
        public async Task EveryRuleOnRegistersEveryKindTheRulesAskFor()
        {
            var info = await Telemetry(new SmtpRulesAnalyzer());

            // Literal, Binary, Invocation, Try, RelationalPattern, Switch, SwitchExpression, Conditional, CatchClause,
            // SimpleAssignment, CompoundAssignment, CoalesceAssignment, ObjectCreation: each kind once.
            Assert.Equal(1, info.CompilationStartActionsCount);
            Assert.Equal(13, info.OperationActionsCount);
        }

        [Fact]
        public async Task EveryIdSuppressedInSpecificDiagnosticOptionsRegistersNoOperationAction()
        {
            var info = await Telemetry(new SmtpRulesAnalyzer(), specific: AllIds.ToDictionary(id => id, _ => ReportDiagnostic.Suppress));

            Assert.Equal(0, info.OperationActionsCount);
        }

        [Fact]
        public async Task EveryIdButOneSuppressedInSpecificDiagnosticOptionsRegistersOnlyThatRulesKinds()
        {
            // The driver skips an analyzer only when all its IDs are off; with one on, the engine must drop the others itself.
            var specific = AllIds.Where(id => id != RuleIds.ReplyClassMisclassified).ToDictionary(id => id, _ => ReportDiagnostic.Suppress);
            var info = await Telemetry(new SmtpRulesAnalyzer(), specific: specific);
            var alone = await Telemetry(new ReplyClassMisclassifiedAnalyzer());

            Assert.Equal(1, info.CompilationStartActionsCount);
            Assert.Equal(alone.OperationActionsCount, info.OperationActionsCount);

            // Switch, SwitchExpression, Conditional, CatchClause, and Binary for the predicates that return their list.
            Assert.Equal(5, info.OperationActionsCount);
        }

        [Fact]
        public async Task EveryIdSuppressedInAGlobalConfigRegistersNoOperationAction()
        {
            var globalConfig = "is_global = true\n" + string.Concat(AllIds.Select(id => $"dotnet_diagnostic.{id}.severity = none\n"));
            var info = await Telemetry(new SmtpRulesAnalyzer(), globalConfig: globalConfig);

            Assert.Equal(0, info.OperationActionsCount);
        }

        [Fact]
        public async Task EveryIdButOneSuppressedInAGlobalConfigRegistersOnlyThatRulesKinds()
        {
            var globalConfig = "is_global = true\n" + string.Concat(AllIds.Where(id => id != RuleIds.ReplyClassMisclassified).Select(id => $"dotnet_diagnostic.{id}.severity = none\n"));
            var info = await Telemetry(new SmtpRulesAnalyzer(), globalConfig: globalConfig);
            var alone = await Telemetry(new ReplyClassMisclassifiedAnalyzer());

            Assert.Equal(alone.OperationActionsCount, info.OperationActionsCount);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task CategoryOffTurnsOffTheReplyCodeRules(bool inGlobalConfig)
        {
            const string Key = "dotnet_analyzer_diagnostic.category-SmtpReplyCodes.severity = none\n";
            var info = inGlobalConfig
                ? await Telemetry(new SmtpRulesAnalyzer(), globalConfig: "is_global = true\n" + Key)
                : await Telemetry(new SmtpRulesAnalyzer(), editorConfig: "root = true\n[*.cs]\n" + Key);
            var on = await Telemetry(new SmtpRulesAnalyzer());
            var reliabilityOnly = await Telemetry(new AllButReplyCodeRules());

            // SMTP1001-1004 off: Literal, Binary and RelationalPattern, which only they ask for, are not registered.
            Assert.True(info.OperationActionsCount < on.OperationActionsCount, $"{info.OperationActionsCount} actions with the category off, {on.OperationActionsCount} with it on");
            Assert.Equal(reliabilityOnly.OperationActionsCount, info.OperationActionsCount);
        }

        [Fact]
        public async Task SuppressingOnlySmtp1001RemovesExactlyTheLiteralAction()
        {
            var on = await Telemetry(new SmtpRulesAnalyzer());
            var specific = await Telemetry(new SmtpRulesAnalyzer(), specific: new Dictionary<string, ReportDiagnostic> { [RuleIds.UseNamedStatusCode] = ReportDiagnostic.Suppress });
            var global = await Telemetry(new SmtpRulesAnalyzer(), globalConfig: "is_global = true\ndotnet_diagnostic.SMTP1001.severity = none\n");
            var editorConfig = await Telemetry(new SmtpRulesAnalyzer(), editorConfig: "root = true\n[*.cs]\ndotnet_diagnostic.SMTP1001.severity = none\n");

            Assert.Equal(on.OperationActionsCount - 1, specific.OperationActionsCount);
            Assert.Equal(on.OperationActionsCount - 1, global.OperationActionsCount);
            Assert.Equal(on.OperationActionsCount - 1, editorConfig.OperationActionsCount);
        }

        [Fact]
        public async Task ARuleOffInOneFileAndOnInAnotherStaysOn()
        {
            var on = await Telemetry(new SmtpRulesAnalyzer());
            var offInOne = await Telemetry(new SmtpRulesAnalyzer(), editorConfig: "root = true\n[Mailer.cs]\ndotnet_diagnostic.SMTP1001.severity = none\n");
            var categoryOffInOne = await Telemetry(new SmtpRulesAnalyzer(), editorConfig: "root = true\n[Mailer.cs]\ndotnet_analyzer_diagnostic.category-SmtpReplyCodes.severity = none\n");

            // Off on the command line, back on for one file.
            var onInOne = await Telemetry(
                new SmtpRulesAnalyzer(),
                specific: new Dictionary<string, ReportDiagnostic> { [RuleIds.UseNamedStatusCode] = ReportDiagnostic.Suppress },
                editorConfig: "root = true\n[Other.cs]\ndotnet_diagnostic.SMTP1001.severity = warning\n");

            Assert.Equal(on.OperationActionsCount, offInOne.OperationActionsCount);
            Assert.Equal(on.OperationActionsCount, categoryOffInOne.OperationActionsCount);
            Assert.Equal(on.OperationActionsCount, onInOne.OperationActionsCount);
        }

        [Fact]
        public async Task TheConfigurationReachesTheDriversOptions()
        {
            // Guards the tests above against passing because the configuration never arrived.
            var (compilation, options) = await Build(
                null,
                globalConfig: "is_global = true\ndotnet_diagnostic.SMTP1001.severity = none\ndotnet_analyzer_diagnostic.category-SmtpReliability.severity = none\n",
                editorConfig: "root = true\n[Mailer.cs]\ndotnet_diagnostic.SMTP1002.severity = none\n");
            var provider = compilation.Options.SyntaxTreeOptionsProvider;
            Assert.NotNull(provider);
            Assert.True(provider!.TryGetGlobalDiagnosticValue(RuleIds.UseNamedStatusCode, CancellationToken.None, out var global));
            Assert.Equal(ReportDiagnostic.Suppress, global);
            var mailer = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Mailer.cs", System.StringComparison.Ordinal));
            Assert.True(provider.TryGetDiagnosticValue(mailer, RuleIds.UseReplyClassCheck, CancellationToken.None, out var perTree));
            Assert.Equal(ReportDiagnostic.Suppress, perTree);
            Assert.True(options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("dotnet_analyzer_diagnostic.category-SmtpReliability.severity", out var category));
            Assert.Equal("none", category);
        }

        private static async Task<Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo> Telemetry(
            SmtpEngine analyzer,
            IReadOnlyDictionary<string, ReportDiagnostic>? specific = null,
            string? globalConfig = null,
            string? editorConfig = null)
        {
            var (compilation, options) = await Build(specific, globalConfig, editorConfig);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
                new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
            var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);

            // The driver leaves out an analyzer whose every diagnostic is off: it registered nothing.
            return result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var info) ? info : new Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo();
        }

        private static async Task<(Compilation Compilation, AnalyzerOptions Options)> Build(
            IReadOnlyDictionary<string, ReportDiagnostic>? specific,
            string? globalConfig,
            string? editorConfig)
        {
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithSpecificDiagnosticOptions(specific ?? new Dictionary<string, ReportDiagnostic>());
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Mail",
                "Mail",
                LanguageNames.CSharp,
                filePath: "/src/Mail.csproj",
                compilationOptions: compilationOptions,
                metadataReferences: TestReferences.All));
            solution = solution
                .AddDocument(DocumentId.CreateNewId(projectId), "Mailer.cs", SourceText.From(MailCode), filePath: "/src/Mailer.cs")
                .AddDocument(DocumentId.CreateNewId(projectId), "Other.cs", SourceText.From(OtherCode), filePath: "/src/Other.cs");
            if (globalConfig is not null)
            {
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(globalConfig), filePath: "/src/.globalconfig");
            }

            if (editorConfig is not null)
            {
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/src/.editorconfig");
            }

            var project = solution.GetProject(projectId)!;
            var compilation = await project.GetCompilationAsync();
            return (compilation!, project.AnalyzerOptions);
        }

        /// <summary>The engine without the reply-code rules: what the category key should leave.</summary>
        private sealed class AllButReplyCodeRules : SmtpEngine
        {
            public AllButReplyCodeRules()
                : base(
                    RuleIds.FailureSwallowed,
                    RuleIds.PermanentFailureRetried,
                    RuleIds.PartialRecipientFailure,
                    RuleIds.SendOutcomeNotObserved,
                    RuleIds.ReplyClassMisclassified,
                    RuleIds.CredentialsWithoutTls,
                    RuleIds.CredentialsOverOpportunisticTls,
                    RuleIds.CertificateValidationDisabled,
                    RuleIds.RevocationCheckDisabled,
                    RuleIds.ObsoleteTlsVersions,
                    RuleIds.HardCodedPassword,
                    RuleIds.ImplicitTlsPortWithSystemNetMail)
            {
            }
        }
    }
}
