using System;
using System.IO;
using System.Linq;

namespace SmtpAnalyzers.PackageTests.Infrastructure
{
    /// <summary>
    /// Packs src/SmtpAnalyzers.Package once for a test class, into a fresh folder that then serves as a local
    /// package source, and hands out consumer projects that install the package from it.
    /// </summary>
    public sealed class PackedPackageFixture : IDisposable
    {
        private readonly TempFolder work;
        private int consumerCount;

        public PackedPackageFixture()
        {
            work = TempFolder.Create("package-tests");
            try
            {
                Version = Repository.PackageVersion;
                MailKitVersion = Repository.MailKitVersion;
                FeedFolder = Directory.CreateDirectory(work.Combine("feed")).FullName;
                GlobalPackagesFolder = work.Combine("nuget-packages");
                ConsumersFolder = Directory.CreateDirectory(work.Combine("consumers")).FullName;
                WriteImportStoppers(work.Path);

                // The artifacts path keeps this Release build out of the work tree's bin/ and obj/, where a
                // concurrent build (the rest of the solution, an IDE) may be writing, and makes it a clean build.
                PackResult = DotnetCli.Run(
                    Repository.Root,
                    ["pack", "src/SmtpAnalyzers.Package", "-c", "Release", "-o", FeedFolder, "--artifacts-path", work.Combine("pack-artifacts"), .. DotnetCli.BuildSwitches]);
                if (!PackResult.Succeeded)
                {
                    throw new InvalidOperationException("dotnet pack failed. " + PackResult.Describe());
                }

                PackagePath = Path.Combine(FeedFolder, $"SmtpAnalyzers.{Version}.nupkg");
            }
            catch
            {
                work.Dispose();
                throw;
            }
        }

        /// <summary>The version in Directory.Build.props, which the package must carry.</summary>
        public string Version { get; }

        public string MailKitVersion { get; }

        /// <summary>The folder dotnet pack wrote to; consumers add it as a package source.</summary>
        public string FeedFolder { get; }

        /// <summary>The .nupkg dotnet pack should have written.</summary>
        public string PackagePath { get; }

        /// <summary>
        /// The NuGet global packages folder of every consumer (NUGET_PACKAGES): new with the fixture, so an
        /// SmtpAnalyzers package of the same version cached by an earlier run can never stand in for this one.
        /// </summary>
        public string GlobalPackagesFolder { get; }

        public CommandResult PackResult { get; }

        private string ConsumersFolder { get; }

        /// <summary>A new consumer project, in a folder of its own, not yet restored or built.</summary>
        public ConsumerProject CreateConsumer(string name)
        {
            var number = System.Threading.Interlocked.Increment(ref consumerCount);
            return ConsumerProject.Create(this, Path.Combine(ConsumersFolder, $"{number:00}-{name}"));
        }

        /// <summary>A new consumer project with its own files and extra packages, not yet restored or built.</summary>
        public ConsumerProject CreateConsumer(
            string name,
            System.Collections.Generic.IReadOnlyDictionary<string, string> files,
            System.Collections.Generic.IReadOnlyList<(string Id, string Version)> packages,
            System.Collections.Generic.IReadOnlyList<System.Xml.Linq.XElement>? properties = null)
        {
            var number = System.Threading.Interlocked.Increment(ref consumerCount);
            return ConsumerProject.Create(this, Path.Combine(ConsumersFolder, $"{number:00}-{name}"), files, packages, properties);
        }

        public void Dispose() => work.Dispose();

        /// <summary>
        /// MSBuild imports the nearest Directory.Build.props/.targets and Directory.Packages.props above a project.
        /// The consumers live outside the repository already; these empty files also stop the search from reaching
        /// whatever may sit above the system temp folder.
        /// </summary>
        private static void WriteImportStoppers(string folder)
        {
            foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            {
                File.WriteAllText(Path.Combine(folder, name), "<Project>\n  <!-- Empty on purpose: the test consumers take nothing from folders above them. -->\n</Project>\n");
            }
        }

        /// <summary>The names of the files directly in the feed folder, for assertion messages.</summary>
        public string[] FeedFiles() => Directory.GetFiles(FeedFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
    }
}
