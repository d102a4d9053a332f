using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace SmtpAnalyzers.Tests.Infrastructure
{
    /// <summary>Every operation of every method of a source that compiles against the core library alone.</summary>
    public static class SourceOperations
    {
        public static List<IOperation> Of(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create(
                "Operations",
                new[] { tree },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var model = compilation.GetSemanticModel(tree);
            var operations = new List<IOperation>();
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                operations.AddRange(model.GetOperation(method)!.DescendantsAndSelf());
            }

            return operations;
        }
    }
}
