using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SmtpAnalyzers.Tests.Infrastructure
{
    /// <summary>Runs one analyzer with preprocessor symbols defined (<c>DEBUG</c>), as a Debug build compiles.</summary>
    public static class PreprocessorVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static Task VerifyAsync(string source, string[] preprocessorSymbols)
        {
            var test = new Test { TestCode = source };
            test.SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithPreprocessorSymbols(preprocessorSymbols);
                return solution.WithProjectParseOptions(projectId, parseOptions);
            });
            return test.RunAsync(CancellationToken.None);
        }

        private sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public Test()
            {
                TestSetup.Configure(this, LanguageVersion.Latest);
            }
        }
    }
}
