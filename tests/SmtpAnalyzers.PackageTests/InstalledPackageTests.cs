using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using SmtpAnalyzers.PackageTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SmtpAnalyzers.PackageTests
{
    /// <summary>
    /// The packed SmtpAnalyzers .nupkg, looked at from outside and installed into a console project that is built
    /// and formatted with the real dotnet CLI. Each consumer test gets a new consumer project, so no test depends on
    /// what another left behind (a build that finds its outputs up to date compiles nothing and reports nothing).
    /// </summary>
    public sealed class InstalledPackageTests : IClassFixture<PackedPackageFixture>
    {
        private const string CorePropertiesFolder = "package/services/metadata/core-properties/";

        private readonly PackedPackageFixture package;
        private readonly ITestOutputHelper output;

        public InstalledPackageTests(PackedPackageFixture package, ITestOutputHelper output)
        {
            this.package = package;
            this.output = output;
        }

        [Fact]
        public void Package_HoldsExactlyTheAnalyzerAssembliesAndPackageMetadata()
        {
            Log(package.PackResult);
            Assert.True(
                package.FeedFiles().SequenceEqual([Path.GetFileName(package.PackagePath)]),
                $"Expected dotnet pack to write exactly {Path.GetFileName(package.PackagePath)}, found: {string.Join(", ", package.FeedFiles())}. {package.PackResult.Describe()}");

            using var archive = ZipFile.OpenRead(package.PackagePath);
            var entries = archive.Entries
                .Select(e => e.FullName)
                .Select(name => IsCorePropertiesEntry(name) ? CorePropertiesFolder + "*.psmdcp" : name)
                .Order(StringComparer.Ordinal)
                .ToArray();

            string[] expected =
            [
                "LICENSE",
                "README.md",
                "SmtpAnalyzers.nuspec",
                "[Content_Types].xml",
                "_rels/.rels",
                "analyzers/dotnet/cs/SmtpAnalyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/SmtpAnalyzers.dll",
                CorePropertiesFolder + "*.psmdcp",
            ];
            Check(
                expected.Order(StringComparer.Ordinal).SequenceEqual(entries),
                $"Expected the entries{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", expected)}{Environment.NewLine}got{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", entries)}",
                package.PackResult);
        }

        [Fact]
        public void Nuspec_IsADevelopmentDependencyWithNoDependenciesAndNoLib()
        {
            Log(package.PackResult);
            using var archive = ZipFile.OpenRead(package.PackagePath);
            var libEntries = archive.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.OrdinalIgnoreCase)).Select(e => e.FullName).ToList();
            Check(libEntries.Count == 0, "Expected no lib/ entry, got " + string.Join(", ", libEntries), package.PackResult);

            var nuspecEntries = archive.Entries.Where(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal)).ToList();
            Check(nuspecEntries.Count == 1, $"Expected one .nuspec at the root, got {nuspecEntries.Count}.", package.PackResult);
            var nuspecEntry = nuspecEntries[0];
            XDocument nuspec;
            using (var stream = nuspecEntry.Open())
            {
                nuspec = XDocument.Load(stream);
            }

            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
            var shown = Environment.NewLine + "The nuspec:" + Environment.NewLine + nuspec + Environment.NewLine;

            Check(Value("id") == "SmtpAnalyzers", "Expected <id>SmtpAnalyzers</id>." + shown, package.PackResult);
            Check(Value("version") == package.Version, $"Expected <version>{package.Version}</version> (Directory.Build.props)." + shown, package.PackResult);
            Check(Value("developmentDependency") == "true", "Expected <developmentDependency>true</developmentDependency>." + shown, package.PackResult);

            var dependencies = metadata.Elements().Where(e => e.Name.LocalName == "dependencies").ToList();
            Check(dependencies.All(d => !d.HasElements), "Expected no <dependencies> or an empty one." + shown, package.PackResult);
        }

        [Fact]
        public void Build_ReportsSmtp1001WarningAtTheLiteral()
        {
            var consumer = package.CreateConsumer("build");

            var build = Log(consumer.Build()).ShouldSucceed();

            Check(build.Output.Contains("warning SMTP1001", StringComparison.Ordinal), "Expected `warning SMTP1001` in the build output.", build);
            var (line, column) = consumer.LiteralPosition;
            var reported = build.Diagnostics.Where(d => d.Id == "SMTP1001").ToList();
            Check(reported.Count == 1, $"Expected SMTP1001 once (the consumer has one magic number), got {reported.Count}.", build);
            var diagnostic = reported[0];
            Check(
                diagnostic.Severity == "warning" && diagnostic.IsAt(consumer.SourceFile, line, column),
                $"Expected SMTP1001 as a warning at {consumer.SourceFile}({line},{column}), got {diagnostic}.",
                build);
            Check(
                diagnostic.Message.StartsWith(ConsumerProject.ExpectedMessage, StringComparison.Ordinal),
                $"Expected the message to start with \"{ConsumerProject.ExpectedMessage}\", got \"{diagnostic.Message}\".",
                build);
        }

        [Fact]
        public void Install_AddsNoCompileOrRuntimeReference()
        {
            var consumer = package.CreateConsumer("assets");

            var build = Log(consumer.Build()).ShouldSucceed();

            // The package that was installed is the one this fixture packed, not one from a cache or a feed.
            var metadataFile = Path.Combine(package.GlobalPackagesFolder, "smtpanalyzers", package.Version.ToLowerInvariant(), ".nupkg.metadata");
            Check(File.Exists(metadataFile), $"SmtpAnalyzers {package.Version} is not in the consumer's global packages folder ({metadataFile} is missing).", build);
            using (var metadata = JsonDocument.Parse(File.ReadAllText(metadataFile)))
            {
                var source = Find(metadata.RootElement, "source")?.GetString() ?? string.Empty;
                Check(
                    Path.TrimEndingDirectorySeparator(package.FeedFolder) == Path.TrimEndingDirectorySeparator(source),
                    $"Expected SmtpAnalyzers to come from {package.FeedFolder}, {metadataFile} says {source}.",
                    build);
            }

            Check(File.Exists(consumer.AssetsFile), $"No {consumer.AssetsFile}.", build);
            using var assets = JsonDocument.Parse(File.ReadAllText(consumer.AssetsFile));
            var key = "SmtpAnalyzers/" + package.Version;
            var targets = Find(assets.RootElement, "targets")?.EnumerateObject().ToList() ?? [];
            Check(targets.Count > 0, $"No targets in {consumer.AssetsFile}.", build);
            foreach (var target in targets)
            {
                Check(target.Value.TryGetProperty(key, out var library), $"{key} is missing from target {target.Name} in {consumer.AssetsFile}.", build);
                foreach (var kind in new[] { "compile", "runtime", "native", "runtimeTargets", "dependencies", "frameworkAssemblies", "frameworkReferences" })
                {
                    // NuGet writes "_._" for a folder that is there but empty on purpose; anything else is a real asset.
                    var hasRealAssets = library.TryGetProperty(kind, out var assetsOfKind)
                        && (assetsOfKind.ValueKind != JsonValueKind.Object
                            || assetsOfKind.EnumerateObject().Any(a => !a.Name.EndsWith("_._", StringComparison.Ordinal)));
                    Check(!hasRealAssets, $"{key} brings {kind} assets to {target.Name}: {library}", build);
                }
            }

            var files = Find(assets.RootElement, "libraries", key, "files")?.EnumerateArray().Select(f => f.GetString()).ToList() ?? [];
            Check(
                files.Contains("analyzers/dotnet/cs/SmtpAnalyzers.dll") && files.Contains("analyzers/dotnet/cs/SmtpAnalyzers.CodeFixes.dll"),
                $"Expected the analyzer assemblies among the installed files of {key}: {string.Join(", ", files)}",
                build);

            var suppressParent = (Find(assets.RootElement, "project", "frameworks")?.EnumerateObject().ToList() ?? [])
                .Select(f => Find(f.Value, "dependencies", "SmtpAnalyzers", "suppressParent")?.GetString() ?? "(none)")
                .ToList();
            Check(
                suppressParent.Count > 0 && suppressParent.All(value => value == "All"),
                "Expected PrivateAssets=\"all\" on SmtpAnalyzers (suppressParent All), got " + string.Join(", ", suppressParent),
                build);

            Check(Directory.Exists(consumer.BuildOutputFolder), $"No build output at {consumer.BuildOutputFolder}.", build);
            var copied = Directory.GetFiles(consumer.BuildOutputFolder, "SmtpAnalyzers*", SearchOption.AllDirectories);
            Check(copied.Length == 0, "Expected no SmtpAnalyzers file in the build output, found " + string.Join(", ", copied), build);
            var depsFile = Path.Combine(consumer.BuildOutputFolder, ConsumerProject.ProjectName + ".deps.json");
            Check(File.Exists(depsFile), $"No {depsFile}.", build);
            var depsJson = File.ReadAllText(depsFile);
            Check(!depsJson.Contains("SmtpAnalyzers", StringComparison.OrdinalIgnoreCase), "Expected no SmtpAnalyzers in the deps.json:" + Environment.NewLine + depsJson, build);
        }

        [Fact]
        public void BuildWithTreatWarningsAsErrors_FailsWithSmtp1001Error()
        {
            var consumer = package.CreateConsumer("warnaserror");

            var build = Log(consumer.Build("-p:TreatWarningsAsErrors=true")).ShouldFail();

            Check(build.Output.Contains("error SMTP1001", StringComparison.Ordinal), "Expected `error SMTP1001` in the build output.", build);
            var (line, column) = consumer.LiteralPosition;
            Check(
                build.Diagnostics.Any(d => d.Id == "SMTP1001" && d.Severity == "error" && d.IsAt(consumer.SourceFile, line, column)),
                $"Expected error SMTP1001 at {consumer.SourceFile}({line},{column}).",
                build);
        }

        [Fact]
        public void EditorConfigSeverityNone_SilencesSmtp1001()
        {
            var consumer = package.CreateConsumer("editorconfig");
            var editorConfig = Path.Combine(consumer.Directory, ".editorconfig");
            File.WriteAllText(editorConfig, "root = true\n\n[*.cs]\ndotnet_diagnostic.SMTP1001.severity = none\n");

            var silenced = Log(consumer.Build()).ShouldSucceed();

            Check(!silenced.Output.Contains("SMTP1001", StringComparison.OrdinalIgnoreCase), "Expected no SMTP1001 with severity = none.", silenced);

            // Control: the same project without the .editorconfig reports it, so the silence above is the setting's doing.
            // --no-incremental because deleting an input file does not make the compile out of date.
            File.Delete(editorConfig);
            var reported = Log(consumer.Build("--no-incremental")).ShouldSucceed();
            Check(reported.Diagnostics.Any(d => d.Id == "SMTP1001"), "Expected SMTP1001 once the .editorconfig is gone.", reported);
        }

        [Fact]
        public void DotnetFormat_FixesSmtp1001()
        {
            var consumer = package.CreateConsumer("format");

            var verify = Log(consumer.Run("format", "analyzers", "--diagnostics", "SMTP1001", "--verify-no-changes")).ShouldFail();
            Check(verify.Diagnostics.Any(d => d.Id == "SMTP1001"), "Expected dotnet format --verify-no-changes to name SMTP1001.", verify);
            CheckText(consumer.OriginalSource, consumer.ReadSource(), "--verify-no-changes must not touch the file.", verify);

            var fix = Log(consumer.Run("format", "analyzers", "--diagnostics", "SMTP1001")).ShouldSucceed();
            var fixedSource = consumer.ReadSource();
            Check(fixedSource.Contains(ConsumerProject.FixedComparison, StringComparison.Ordinal), $"Expected `{ConsumerProject.FixedComparison}` in the fixed file.", fix);
            var expected = consumer.OriginalSource.Replace(ConsumerProject.MagicComparison, ConsumerProject.FixedComparison, StringComparison.Ordinal);
            CheckText(expected, fixedSource, "Expected only the comparison to change.", fix);

            var build = Log(consumer.Build()).ShouldSucceed();
            Check(!build.Output.Contains("SMTP1001", StringComparison.OrdinalIgnoreCase), "Expected no SMTP1001 after the fix.", build);
        }

        /// <summary>Fails with <paramref name="message"/> and the whole output of the command the check is about.</summary>
        private static void Check(bool condition, string message, CommandResult result)
            => Assert.True(condition, message + Environment.NewLine + result.Describe());

        private static void CheckText(string expected, string actual, string message, CommandResult result)
            => Check(
                expected == actual,
                $"{message}{Environment.NewLine}Expected file text:{Environment.NewLine}{expected}{Environment.NewLine}Actual file text:{Environment.NewLine}{actual}",
                result);

        /// <summary>The element at <paramref name="path"/> (property names) under <paramref name="element"/>, or null.</summary>
        private static JsonElement? Find(JsonElement element, params string[] path)
        {
            foreach (var name in path)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return null;
                }
            }

            return element;
        }

        private static bool IsCorePropertiesEntry(string name)
            => name.StartsWith(CorePropertiesFolder, StringComparison.Ordinal)
                && name.EndsWith(".psmdcp", StringComparison.Ordinal)
                && name.IndexOf('/', CorePropertiesFolder.Length) < 0
                && name.Length > CorePropertiesFolder.Length + ".psmdcp".Length;

        private CommandResult Log(CommandResult result)
        {
            var ending = result.TimedOut ? "timed out" : $"exit {result.ExitCode}";
            output.WriteLine($"{result.CommandLine} ({result.WorkingDirectory}): {ending}, {result.Duration.TotalSeconds:0.0}s");
            return result;
        }
    }
}
