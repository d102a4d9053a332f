using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.Tests
{
    /// <summary>
    /// Realistic, correct mail code that every analyzer must leave alone. Every false positive ever fixed is
    /// added to tests/SmtpAnalyzers.Tests/ValidCode as a file.
    /// </summary>
    public class ValidCodeTests
    {
        public static IEnumerable<object[]> Files
            => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ValidCode"), "*.cs").Select(f => new object[] { Path.GetFileName(f) });

        [Theory]
        [MemberData(nameof(Files))]
        public async Task ValidCodeHasNoDiagnostics(string file)
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ValidCode", file));
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: file);
            var compilation = CSharpCompilation.Create(
                "ValidCode",
                new[] { tree },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "the valid code does not compile:\n" + string.Join("\n", errors));

            var analyzers = RuleCatalogTests.AnalyzerTypes().Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
            var diagnostics = await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
                .GetAllDiagnosticsAsync();
            var reported = diagnostics.Where(d => d.Id.StartsWith("SMTP", StringComparison.Ordinal) || d.Id == "AD0001").ToList();
            Assert.True(reported.Count == 0, string.Join("\n", reported));
        }
    }
}
