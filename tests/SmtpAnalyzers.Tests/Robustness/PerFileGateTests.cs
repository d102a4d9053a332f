using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Semantics;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SmtpAnalyzers.Tests.Robustness
{
    /// <summary>
    /// The per-file gate (<see cref="MailFiles"/>) changes no finding. Every test input and generated program is
    /// split into one file per member (each type into partial parts), with its usings global in the first file, so
    /// that values of library types cross files through fields, properties, methods and base types; the package's
    /// engine must then report exactly what an engine that analyzes every file reports.
    /// </summary>
    public class PerFileGateTests
    {
        private readonly ITestOutputHelper _output;

        public PerFileGateTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task SplitIntoOneFilePerMember_TheGateChangesNoFinding()
        {
            var inputs = StressInputs.TestSources().Select(s => (s.Origin, s.Text))
                .Concat(MailProgramGenerator.All().Select(p => (p.Origin, p.Text)))
                .ToList();
            var split = 0;
            var findings = 0;
            var leftOut = 0;
            var byName = 0;
            foreach (var (origin, text) in inputs)
            {
                var files = Split(text);
                if (files.Count < 2)
                {
                    continue;
                }

                split++;
                var trees = files.Select((f, i) => CSharpSyntaxTree.ParseText(f, new CSharpParseOptions(LanguageVersion.Latest), path: $"/{i}/File{i}.cs")).ToArray();
                var compilation = CSharpCompilation.Create("Split", trees, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                var expected = await FindingsAsync(compilation, new EveryFileEngine());
                var actual = await FindingsAsync(compilation, new SmtpRulesAnalyzer());
                Assert.True(expected.SequenceEqual(actual), $"{origin}: every file {string.Join("; ", expected)}\ngated {string.Join("; ", actual)}");
                findings += actual.Length;
                var model = SmtpModel.Create(compilation);
                var taken = MailFiles.Build(compilation, model.Wrappers.SendAndWrapperNames(CancellationToken.None), CancellationToken.None).Files;
                if (taken is not null && taken.Count < trees.Length)
                {
                    leftOut++;
                }

                // Findings in files that name neither library: found only through the names the gate follows.
                byName += actual.Count(a => !Mentions(files[int.Parse(a.Split('/')[1])]));
            }

            _output.WriteLine($"{split} of {inputs.Count} inputs split into files; {findings} findings, the same with and without the gate; "
                + $"the gate left files out in {leftOut} inputs; {byName} findings are in files that name neither library");
            Assert.True(split > 100, $"only {split} inputs split");
            Assert.True(leftOut > 20, $"the gate left files out in only {leftOut} inputs");
            Assert.True(byName > 20, $"only {byName} findings in files that name neither library");
        }

        private static bool Mentions(string file) => file.Contains("Smtp", StringComparison.Ordinal) || file.Contains("MailKit", StringComparison.Ordinal);

        private static async Task<string[]> FindingsAsync(Compilation compilation, DiagnosticAnalyzer analyzer)
        {
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return diagnostics
                .Select(d => $"{d.Location.SourceTree?.FilePath}:{d.Location.SourceSpan}:{d.Id}:{d.GetMessage()}")
                .OrderBy(d => d, StringComparer.Ordinal)
                .ToArray();
        }

        /// <summary>
        /// One file per member of each type (its partial parts), nested in copies of its namespaces. The input's usings
        /// become global usings of the first file, as a project's GlobalUsings.cs, so that the other files name a
        /// library only where their code does; attributes stay in the first file too.
        /// </summary>
        private static List<string> Split(string text)
        {
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
            var types = new List<(MemberDeclarationSyntax Type, List<BaseNamespaceDeclarationSyntax> Namespaces)>();
            Collect(root.Members, new List<BaseNamespaceDeclarationSyntax>(), types);
            if (root.Members.Any(m => m is GlobalStatementSyntax) || root.Externs.Count > 0)
            {
                return new List<string>();
            }

            var first = string.Concat(root.Usings.Select(u => u.GlobalKeyword.IsKind(SyntaxKind.None) ? "global " + u.ToString() + "\n" : u.ToFullString()))
                + string.Concat(root.AttributeLists.Select(a => a.ToFullString()));
            var files = new List<string>();
            foreach (var (type, namespaces) in types)
            {
                foreach (var part in Parts(type))
                {
                    var file = new StringBuilder(files.Count == 0 ? first : string.Empty);
                    foreach (var ns in namespaces)
                    {
                        file.Append("namespace ").Append(ns.Name.ToString()).Append(" {\n")
                            .Append(string.Concat(ns.Usings.Select(u => u.ToFullString())));
                    }

                    file.Append(part);
                    file.Append(new string('}', namespaces.Count)).Append('\n');
                    files.Add(file.ToString());
                }
            }

            return files.Count < 2 ? new List<string>() : files;
        }

        /// <summary>The type whole, or, for a class, struct, record or interface with two or more members, one partial part per member.</summary>
        private static IEnumerable<string> Parts(MemberDeclarationSyntax member)
        {
            if (member is not TypeDeclarationSyntax type || type.Members.Count < 2
                || type.Modifiers.Any(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.FileKeyword)))
            {
                yield return member.ToFullString();
                yield break;
            }

            var partial = type.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword))
                ? type
                : type.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            yield return partial.WithMembers(SyntaxFactory.SingletonList(type.Members[0])).ToFullString();
            var keyword = type is RecordDeclarationSyntax record
                ? record.Keyword.Text + (record.ClassOrStructKeyword.IsKind(SyntaxKind.None) ? string.Empty : " " + record.ClassOrStructKeyword.Text)
                : type.Keyword.Text;
            foreach (var next in type.Members.Skip(1))
            {
                yield return $"partial {keyword} {type.Identifier.Text}{type.TypeParameterList}\n{{\n{next.ToFullString()}}}\n";
            }
        }

        private static void Collect(SyntaxList<MemberDeclarationSyntax> members, List<BaseNamespaceDeclarationSyntax> namespaces, List<(MemberDeclarationSyntax, List<BaseNamespaceDeclarationSyntax>)> types)
        {
            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns)
                {
                    Collect(ns.Members, new List<BaseNamespaceDeclarationSyntax>(namespaces) { ns }, types);
                }
                else
                {
                    types.Add((member, namespaces));
                }
            }
        }

        /// <summary>The package's rules with the per-file gate open for every file.</summary>
#pragma warning disable RS1001 // A test instrument: no host loads it, so it carries no [DiagnosticAnalyzer].
        private sealed class EveryFileEngine : SmtpEngine
        {
            internal override bool GatesFiles => false;
        }
#pragma warning restore RS1001
    }
}
