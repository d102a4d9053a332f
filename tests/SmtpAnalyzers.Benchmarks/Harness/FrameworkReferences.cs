using System;
using System.IO;
using System.Linq;

namespace SmtpAnalyzers.Benchmarks.Harness
{
    /// <summary>
    /// The framework assemblies that compilations of test and benchmark code reference: the reference pack of the
    /// running framework, from the SDK the process runs on, or failing that the running framework's own
    /// assemblies. Shared by the benchmark corpus and (linked in) the tests; nothing is downloaded.
    /// </summary>
    public static class FrameworkReferences
    {
        /// <summary>The paths of the framework assemblies.</summary>
        public static string[] Paths() => FindReferencePack() ?? FromTrustedPlatformAssemblies();

        private static string[]? FindReferencePack()
        {
            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
            var dotnetRoot = runtimeDirectory is null ? null : Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
            var packs = dotnetRoot is null ? null : Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
            if (packs is null || !Directory.Exists(packs))
            {
                return null;
            }

            var major = Environment.Version.Major;
            var versionDirectory = Directory.GetDirectories(packs)
                .Where(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) && v.Major == major)
                .OrderByDescending(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
                .FirstOrDefault();
            var refDirectory = versionDirectory is null ? null : Path.Combine(versionDirectory, "ref", $"net{major}.0");
            return refDirectory is not null && Directory.Exists(refDirectory) ? Directory.GetFiles(refDirectory, "*.dll") : null;
        }

        private static string[] FromTrustedPlatformAssemblies()
        {
            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            return trusted.Split(Path.PathSeparator)
                .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
                .ToArray();
        }
    }
}
