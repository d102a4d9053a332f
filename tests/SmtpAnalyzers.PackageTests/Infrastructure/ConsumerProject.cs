using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace SmtpAnalyzers.PackageTests.Infrastructure
{
    /// <summary>
    /// A console project such as a user would write: it installs SmtpAnalyzers from the packed .nupkg and MailKit
    /// from the machine's default package source, and compares a MailKit status code with the number 550.
    /// </summary>
    public sealed class ConsumerProject
    {
        /// <summary>The expression SMTP1001 reports, as written in <see cref="SourceFileName"/>.</summary>
        public const string MagicComparison = "(int)ex.StatusCode == 550";

        /// <summary>What the SMTP1001 code fix makes of <see cref="MagicComparison"/>.</summary>
        public const string FixedComparison = "ex.StatusCode == SmtpStatusCode.MailboxUnavailable";

        /// <summary>The diagnostic message for <see cref="MagicComparison"/>.</summary>
        public const string ExpectedMessage = "Use SmtpStatusCode.MailboxUnavailable instead of the number 550";

        public const string ProjectName = "Consumer";

        public const string SourceFileName = "MailFailures.cs";

        /// <summary>The key of the local package source in the consumer's nuget.config.</summary>
        public const string LocalSourceKey = "smtpanalyzers-under-test";

        private static readonly string Source = string.Join(
            "\n",
            "using MailKit.Net.Smtp;",
            "",
            "namespace Consumer",
            "{",
            "    public static class MailFailures",
            "    {",
            "        public static void Main()",
            "        {",
            "        }",
            "",
            "        public static bool IsUnknownMailbox(SmtpCommandException ex)",
            "        {",
            "            return " + MagicComparison + ";",
            "        }",
            "    }",
            "}",
            "");

        private readonly PackedPackageFixture package;

        private ConsumerProject(PackedPackageFixture package, string directory)
        {
            this.package = package;
            Directory = directory;
        }

        public string Directory { get; }

        public string SourceFile => Path.Combine(Directory, SourceFileName);

        public string ProjectFile => Path.Combine(Directory, ProjectName + ".csproj");

        public string OriginalSource => Source;

        public string BuildOutputFolder => Path.Combine(Directory, "bin", "Debug", "net10.0");

        public string AssetsFile => Path.Combine(Directory, "obj", "project.assets.json");

        /// <summary>The 1-based line and column of the literal 550, where SMTP1001 is reported.</summary>
        public (int Line, int Column) LiteralPosition
        {
            get
            {
                var start = Source.IndexOf(MagicComparison, StringComparison.Ordinal);
                var index = start + MagicComparison.Length - "550".Length;
                var line = 1;
                var lineStart = 0;
                for (var i = 0; i < index; i++)
                {
                    if (Source[i] == '\n')
                    {
                        line++;
                        lineStart = i + 1;
                    }
                }

                return (line, index - lineStart + 1);
            }
        }

        internal static ConsumerProject Create(PackedPackageFixture package, string directory)
            => Create(package, directory, new Dictionary<string, string> { [SourceFileName] = Source }, []);

        /// <summary>
        /// A consumer with <paramref name="files"/> (name to text) instead of the one-file default, and
        /// <paramref name="packages"/> installed besides SmtpAnalyzers and MailKit.
        /// </summary>
        internal static ConsumerProject Create(
            PackedPackageFixture package,
            string directory,
            IReadOnlyDictionary<string, string> files,
            IReadOnlyList<(string Id, string Version)> packages,
            IReadOnlyList<XElement>? properties = null)
        {
            System.IO.Directory.CreateDirectory(directory);
            var consumer = new ConsumerProject(package, directory);

            // Adds the pack folder to the sources the machine already has (no <clear/>): MailKit and the SDK's
            // own packages come from the default configuration, SmtpAnalyzers only exists in the pack folder.
            var nugetConfig = new XDocument(
                new XElement(
                    "configuration",
                    new XElement(
                        "packageSources",
                        new XElement("add", new XAttribute("key", LocalSourceKey), new XAttribute("value", package.FeedFolder)))));
            nugetConfig.Save(Path.Combine(directory, "nuget.config"));

            var project = new XDocument(
                new XElement(
                    "Project",
                    new XAttribute("Sdk", "Microsoft.NET.Sdk"),
                    new XElement(
                        "PropertyGroup",
                        new XElement("OutputType", "Exe"),
                        new XElement("TargetFramework", "net10.0"),
                        new XElement("Nullable", "enable"),
                        new XElement("ImplicitUsings", "disable"),
                        new XComment(" The feed serves some transitive versions only approximately (NU1603); that must not fail a build, even with -p:TreatWarningsAsErrors=true. "),
                        new XElement("NoWarn", "$(NoWarn);NU1603"),
                        new XElement("WarningsNotAsErrors", "$(WarningsNotAsErrors);NU1603"),
                        properties ?? []),
                    new XElement(
                        "ItemGroup",
                        new XElement("PackageReference", new XAttribute("Include", "SmtpAnalyzers"), new XAttribute("Version", package.Version), new XAttribute("PrivateAssets", "all")),
                        new XElement("PackageReference", new XAttribute("Include", "MailKit"), new XAttribute("Version", package.MailKitVersion)),
                        packages.Select(p => new XElement("PackageReference", new XAttribute("Include", p.Id), new XAttribute("Version", p.Version))))));
            project.Save(consumer.ProjectFile);

            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(directory, name), text);
            }

            return consumer;
        }

        public string ReadSource() => File.ReadAllText(SourceFile);

        /// <summary>Runs <c>dotnet</c> in the consumer's folder with its private global packages folder.</summary>
        public CommandResult Run(params string[] arguments)
            => DotnetCli.Run(Directory, arguments, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = package.GlobalPackagesFolder });

        /// <summary><c>dotnet build</c> (with its implicit restore) plus <paramref name="arguments"/>.</summary>
        public CommandResult Build(params string[] arguments) => Run(["build", .. DotnetCli.BuildSwitches, .. arguments]);
    }
}
