using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace SmtpAnalyzers.Tests
{
    /// <summary>Every rule ships with a help link, a docs page, a README row and a release-tracking entry.</summary>
    public class RuleCatalogTests
    {
        public static IEnumerable<object[]> Rules => AllDescriptors().Select(d => new object[] { d.Id });

        [Fact]
        public void EveryAnalyzerIsSealedPublicAndExported()
        {
            var analyzers = AnalyzerTypes().ToList();
            Assert.NotEmpty(analyzers);
            Assert.All(analyzers, t =>
            {
                Assert.True(t.IsSealed && t.IsPublic, $"{t.Name} should be public and sealed");
                var attribute = t.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
                Assert.NotNull(attribute);
                Assert.Equal(new[] { LanguageNames.CSharp }, attribute!.Languages);
            });
        }

        [Fact]
        public void EveryFixableIdBelongsToAnAnalyzer()
        {
            var ids = AllDescriptors().Select(d => d.Id).ToHashSet();
            var fixers = typeof(SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeCodeFixProvider).Assembly.GetTypes()
                .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToList();
            Assert.NotEmpty(fixers);
            Assert.All(fixers.SelectMany(f => f.FixableDiagnosticIds), id => Assert.Contains(id, ids));
        }

        [Theory]
        [MemberData(nameof(Rules))]
        public void RuleHasHelpLinkDocsPageReadmeRowAndReleaseEntry(string id)
        {
            var descriptor = AllDescriptors().Single(d => d.Id == id);
            var root = RepositoryRoot();

            Assert.Equal($"https://github.com/SmtpAnalyzers/SmtpAnalyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
            var page = Path.Combine(root, "docs", "rules", id + ".md");
            Assert.True(File.Exists(page), $"missing {page}");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
            foreach (var heading in new[] { "## What it reports", "## Why", "## How to fix", "## What it does not report", "## Options", "## How to suppress" })
            {
                Assert.Contains(heading, text, StringComparison.Ordinal);
            }

            Assert.Contains("RFC", text, StringComparison.Ordinal);
            Assert.Contains($"dotnet_diagnostic.{id}.severity", text, StringComparison.Ordinal);

            var readme = File.ReadAllText(Path.Combine(root, "README.md"));
            var row = readme.Split('\n').SingleOrDefault(l => l.StartsWith($"| [{id}](docs/rules/{id}.md) |", StringComparison.Ordinal));
            Assert.NotNull(row);
            Assert.Contains($"| {descriptor.Title} | {descriptor.Category} | {Severity(descriptor)} |", row!, StringComparison.Ordinal);

            var releases = File.ReadAllText(Path.Combine(root, "src", "SmtpAnalyzers", "AnalyzerReleases.Unshipped.md"))
                + File.ReadAllText(Path.Combine(root, "src", "SmtpAnalyzers", "AnalyzerReleases.Shipped.md"));
            Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity}", releases, StringComparison.Ordinal);
        }

        /// <summary>
        /// The rule page lists the shapes that get no code fix, and why, in one place ("Shapes without a fix"): the
        /// diagnostics that <c>dotnet format</c> leaves are exactly those (the package tests check this end to end).
        /// </summary>
        [Theory]
        [MemberData(nameof(Rules))]
        public void RulePageListsTheShapesWithoutAFixInOnePlace(string id)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            const string Heading = "\n## Shapes without a fix\n";
            var start = text.IndexOf(Heading, StringComparison.Ordinal);
            Assert.True(start >= 0, $"{id}.md has no section \"## Shapes without a fix\".");
            Assert.True(text.IndexOf(Heading, start + 1, StringComparison.Ordinal) < 0, $"{id}.md has two sections \"## Shapes without a fix\".");
            Assert.True(start > text.IndexOf("\n## How to fix\n", StringComparison.Ordinal) && start < text.IndexOf("\n## What it does not report\n", StringComparison.Ordinal), $"{id}.md: the section belongs between \"How to fix\" and \"What it does not report\".");

            var end = text.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
            var section = text.Substring(start, end - start);
            Assert.Contains("\n- ", section, StringComparison.Ordinal);

            // Not scattered: the rest of the page does not list shapes without a fix.
            var rest = text.Substring(0, start) + text.Substring(end);
            foreach (var phrase in new[] { "No fix is offered", "no fix is offered", "fix is not offered", "reported without a fix", "have no code fix" })
            {
                Assert.True(!rest.Contains(phrase, StringComparison.Ordinal), $"{id}.md says \"{phrase}\" outside \"Shapes without a fix\".");
            }
        }

        [Fact]
        public void DescriptorsSharingAnIdAgreeOnEverythingButTheMessage()
        {
            var all = AnalyzerTypes()
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .SelectMany(a => a.SupportedDiagnostics);
            Assert.All(all.GroupBy(d => d.Id), group =>
            {
                var first = group.First();
                Assert.All(group, d =>
                {
                    Assert.Equal(first.Title.ToString(), d.Title.ToString());
                    Assert.Equal(first.Category, d.Category);
                    Assert.Equal(first.DefaultSeverity, d.DefaultSeverity);
                    Assert.Equal(first.IsEnabledByDefault, d.IsEnabledByDefault);
                    Assert.Equal(first.HelpLinkUri, d.HelpLinkUri);
                });
            });
        }

        [Fact]
        public void MessagesAreSentencesWithoutATrailingPeriod()
        {
            Assert.All(AnalyzerTypes().Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).SelectMany(a => a.SupportedDiagnostics), d =>
            {
                var message = d.MessageFormat.ToString();
                Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()), d.Id + " has no description");
                Assert.True(char.IsUpper(message[0]) || message.StartsWith("{0} ", StringComparison.Ordinal), d.Id + " message should start with a capital letter or with the name it is about");
                Assert.False(message.EndsWith(".", StringComparison.Ordinal), d.Id + " message is one sentence: no trailing period (RS1032)");
            });
        }

        private static string Severity(DiagnosticDescriptor descriptor)
            => !descriptor.IsEnabledByDefault ? "Disabled" : descriptor.DefaultSeverity.ToString();

        internal static IEnumerable<Type> AnalyzerTypes()
            => typeof(RuleIds).Assembly.GetTypes().Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract);

        internal static IEnumerable<DiagnosticDescriptor> AllDescriptors()
            => AnalyzerTypes()
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .SelectMany(a => a.SupportedDiagnostics)
                .GroupBy(d => d.Id)
                .Select(g => g.First())
                .OrderBy(d => d.Id, StringComparer.Ordinal);

        internal static string RepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmtpAnalyzers.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("SmtpAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
