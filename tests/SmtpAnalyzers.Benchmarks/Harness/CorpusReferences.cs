using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.Benchmarks.Harness
{
    /// <summary>
    /// Metadata references of the corpus: the reference assemblies of the running framework (System.Net.Mail
    /// among them) and the real MailKit, MimeKit and BouncyCastle assemblies that the host project references.
    /// Nothing is downloaded. Loaded once per process: references are not what the benchmark measures.
    /// </summary>
    public static class CorpusReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Load);

        public static ImmutableArray<MetadataReference> All => LazyAll.Value;

        private static ImmutableArray<MetadataReference> Load()
        {
            var framework = FindReferencePack() ?? FromTrustedPlatformAssemblies();
            var libraries = new[]
            {
                typeof(MailKit.Net.Smtp.SmtpClient).Assembly.Location,
                typeof(MimeKit.MimeMessage).Assembly.Location,
                typeof(Org.BouncyCastle.Crypto.IDigest).Assembly.Location,
            };

            return framework.Concat(libraries)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }

        /// <summary>The reference pack of the running framework, from the SDK the process runs on.</summary>
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
