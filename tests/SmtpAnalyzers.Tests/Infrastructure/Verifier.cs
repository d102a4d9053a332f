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
    /// <summary>Runs one analyzer over markup sources with the real SMTP libraries referenced.</summary>
    public static class AnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        /// <summary>Checks that <paramref name="source"/> reports exactly the markup's diagnostics.</summary>
        public static Task VerifyAsync(string source, LanguageVersion languageVersion = LanguageVersion.Latest, params DiagnosticResult[] expected)
        {
            var test = new Test(languageVersion) { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Checks several source files at once.</summary>
        public static Task VerifyAsync(string[] sources, LanguageVersion languageVersion = LanguageVersion.Latest)
        {
            var test = new Test(languageVersion);
            foreach (var source in sources)
            {
                test.TestState.Sources.Add(source);
            }

            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Checks several source files at once, with expected diagnostics (messages included) for their markup.</summary>
        public static Task VerifyFilesAsync(string[] sources, params DiagnosticResult[] expected)
        {
            var test = new Test(LanguageVersion.Latest);
            foreach (var source in sources)
            {
                test.TestState.Sources.Add(source);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Checks named source files at once (markup marks the expected diagnostics).</summary>
        public static Task VerifyFilesAsync(params (string Name, string Text)[] sources)
        {
            var test = new Test(LanguageVersion.Latest);
            foreach (var source in sources)
            {
                test.TestState.Sources.Add(source);
            }

            return test.RunAsync(CancellationToken.None);
        }

        private sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public Test(LanguageVersion languageVersion)
            {
                TestSetup.Configure(this, languageVersion);
            }
        }
    }

    /// <summary>Runs one analyzer with its code fix and checks the fixed code, one fix at a time and fix-all.</summary>
    public static class CodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static Task VerifyAsync(string source, string fixedSource, LanguageVersion languageVersion = LanguageVersion.Latest, int? iterations = null)
        {
            var test = Create(source, fixedSource, languageVersion);
            if (iterations is int n)
            {
                test.NumberOfIncrementalIterations = n;
                test.NumberOfFixAllIterations = 1;
            }

            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Checks fixed code for several documents, with fix-all across the project.</summary>
        public static Task VerifyAsync(string[] sources, string[] fixedSources, LanguageVersion languageVersion = LanguageVersion.Latest)
        {
            var test = new Test(languageVersion);
            foreach (var source in sources)
            {
                test.TestState.Sources.Add(source);
            }

            foreach (var fixedSource in fixedSources)
            {
                test.FixedState.Sources.Add(fixedSource);
            }

            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>
        /// Checks named documents and their fixed code, fix-all across the project included; markup in the fixed code
        /// marks the diagnostics that stay (shapes without a fix).
        /// </summary>
        public static Task VerifyFilesAsync((string Name, string Text)[] sources, (string Name, string Text)[] fixedSources)
        {
            var test = new Test(LanguageVersion.Latest);
            foreach (var source in sources)
            {
                test.TestState.Sources.Add(source);
            }

            foreach (var fixedSource in fixedSources)
            {
                test.FixedState.Sources.Add(fixedSource);
            }

            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Checks the fixed code of a fix that adds the generated holder with the reply-class checks.</summary>
        public static Task VerifyWithClassChecksAsync(string source, string fixedSource, LanguageVersion languageVersion = LanguageVersion.Latest)
        {
            var test = Create(source, fixedSource, languageVersion);
            test.FixedState.Sources.Add(Holder.WithClassChecks());
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Checks that the diagnostics are reported but no fix is offered.</summary>
        public static Task VerifyNoFixAsync(string source, LanguageVersion languageVersion = LanguageVersion.Latest)
            => VerifyAsync(source, source, languageVersion);

        public static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> Create(string source, string fixedSource, LanguageVersion languageVersion = LanguageVersion.Latest)
            => new Test(languageVersion) { TestCode = source, FixedCode = fixedSource };

        private sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test(LanguageVersion languageVersion)
            {
                TestSetup.Configure(this, languageVersion);
            }
        }
    }

    internal static class TestSetup
    {
        /// <summary>No reference package is downloaded: the references come from <see cref="TestReferences"/>.</summary>
        private static readonly ReferenceAssemblies NoPackages = new ReferenceAssemblies("net10.0");

        public static void Configure(AnalyzerTest<DefaultVerifier> test, LanguageVersion languageVersion)
        {
            test.ReferenceAssemblies = NoPackages;

            // A rule may have several descriptors that differ only in their message (SMTP1004); they share the
            // ID, severity and category, so markup may take the first.
            test.MarkupOptions |= MarkupOptions.UseFirstDescriptor;
            test.TestState.AdditionalReferences.AddRange(TestReferences.All);
            test.SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(languageVersion);
                var compilationOptions = project.CompilationOptions!.WithSpecificDiagnosticOptions(
                    project.CompilationOptions.SpecificDiagnosticOptions.SetItem("CS1998", ReportDiagnostic.Suppress));
                return solution.WithProjectParseOptions(projectId, parseOptions).WithProjectCompilationOptions(projectId, compilationOptions);
            });
        }
    }
}
