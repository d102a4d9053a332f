using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace SmtpAnalyzers.PackageTests.Infrastructure
{
    /// <summary>Where the repository is, and the versions it declares, read from its own files.</summary>
    public static class Repository
    {
        private static readonly Lazy<string> LazyRoot = new(FindRoot);

        /// <summary>The folder that holds SmtpAnalyzers.sln, found by walking up from the test assembly.</summary>
        public static string Root => LazyRoot.Value;

        /// <summary>The package version, from Directory.Build.props (what dotnet pack stamps on the .nupkg).</summary>
        public static string PackageVersion => ReadElement("Directory.Build.props", "Version");

        /// <summary>The MailKit version the repository builds and tests against, from Directory.Packages.props.</summary>
        public static string MailKitVersion => ReadPackageVersion("MailKit");

        /// <summary>The Polly version the repository tests against (its package has the v7 API and, through Polly.Core, v8's).</summary>
        public static string PollyVersion => ReadPackageVersion("Polly");

        /// <summary>Whether <paramref name="path"/> is the repository folder or inside it.</summary>
        public static bool Contains(string path)
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root));
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            return full.Equals(root, StringComparison.Ordinal)
                || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        }

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SmtpAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No folder holding SmtpAnalyzers.sln above {AppContext.BaseDirectory}.");
        }

        private static string ReadElement(string file, string name)
        {
            var document = XDocument.Load(Path.Combine(Root, file));
            var value = document.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
            return string.IsNullOrEmpty(value) ? throw new InvalidOperationException($"{file} has no <{name}>.") : value;
        }

        private static string ReadPackageVersion(string id)
        {
            var document = XDocument.Load(Path.Combine(Root, "Directory.Packages.props"));
            var value = document.Descendants()
                .Where(e => e.Name.LocalName == "PackageVersion" && (string?)e.Attribute("Include") == id)
                .Select(e => (string?)e.Attribute("Version"))
                .FirstOrDefault();
            return string.IsNullOrEmpty(value) ? throw new InvalidOperationException($"Directory.Packages.props has no PackageVersion for {id}.") : value;
        }
    }
}
