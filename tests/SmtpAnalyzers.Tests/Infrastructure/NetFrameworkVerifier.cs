using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SmtpAnalyzers.Tests.Infrastructure
{
    /// <summary>Runs one analyzer over markup sources compiled against .NET Framework 4.8 (see <see cref="NetFrameworkReferences"/>).</summary>
    public static class NetFrameworkVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        /// <summary>Checks that <paramref name="source"/> reports exactly the markup's diagnostics.</summary>
        public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        private sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public Test()
            {
                NetFrameworkSetup.Configure(this);
            }
        }
    }

    /// <summary>Runs one analyzer with its code fix against .NET Framework 4.8: one fix at a time and fix-all.</summary>
    public static class NetFrameworkCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        /// <summary>Checks the fixed code, fix-all included; markup in it marks the diagnostics that remain (shapes without a fix).</summary>
        public static Task VerifyAsync(string source, string fixedSource)
            => NetFrameworkSetup.VerifyFixAsync<TAnalyzer, TCodeFix>(source, fixedSource, NetFrameworkReferences.All);

        /// <summary>Checks that the diagnostics are reported but no fix is offered.</summary>
        public static Task VerifyNoFixAsync(string source) => VerifyAsync(source, source);
    }

    /// <summary>Runs one analyzer with its code fix against .NET Standard 2.0's netstandard.dll alone (no MailKit).</summary>
    public static class NetStandardCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        /// <summary>Checks the fixed code, fix-all included; markup in it marks the diagnostics that remain (shapes without a fix).</summary>
        public static Task VerifyAsync(string source, string fixedSource)
            => NetFrameworkSetup.VerifyFixAsync<TAnalyzer, TCodeFix>(source, fixedSource, NetFrameworkReferences.NetStandard20);
    }

    internal static class NetFrameworkSetup
    {
        /// <summary>No reference package is resolved by the testing library: the references come from restore.</summary>
        private static readonly ReferenceAssemblies NoPackages = new ReferenceAssemblies("net48");

        public static void Configure(AnalyzerTest<DefaultVerifier> test) => Configure(test, NetFrameworkReferences.All);

        /// <summary>One fix at a time and fix-all against <paramref name="references"/>, the framework's and nothing else.</summary>
        public static Task VerifyFixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, System.Collections.Immutable.ImmutableArray<MetadataReference> references)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { TestCode = source, FixedCode = fixedSource };
            Configure(test, references);
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync(CancellationToken.None);
        }

        public static void Configure(AnalyzerTest<DefaultVerifier> test, System.Collections.Immutable.ImmutableArray<MetadataReference> references)
        {
            test.ReferenceAssemblies = NoPackages;
            test.MarkupOptions |= MarkupOptions.UseFirstDescriptor;
            test.TestState.AdditionalReferences.AddRange(references);
            test.SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                var compilationOptions = project.CompilationOptions!.WithSpecificDiagnosticOptions(
                    project.CompilationOptions.SpecificDiagnosticOptions.SetItem("CS1998", ReportDiagnostic.Suppress));
                return solution
                    .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest))
                    .WithProjectCompilationOptions(projectId, compilationOptions);
            });
        }
    }
}
