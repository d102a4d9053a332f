using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Metadata references for test compilations: the framework's reference assemblies (System.Net.Mail
    /// among them) and the real MailKit, MimeKit and Polly assemblies that this test project references.
    /// Nothing is downloaded at test time.
    /// </summary>
    public static class TestReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFramework = new(LoadFramework);
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyLibraries = new(LoadLibraries);

        /// <summary>The framework alone: System.Net.Mail is there, MailKit is not.</summary>
        public static ImmutableArray<MetadataReference> Framework => LazyFramework.Value;

        /// <summary>MailKit, MimeKit and their dependency, and Polly.</summary>
        public static ImmutableArray<MetadataReference> Libraries => LazyLibraries.Value;

        /// <summary>Everything a test compilation normally sees.</summary>
        public static ImmutableArray<MetadataReference> All => Framework.AddRange(Libraries);

        private static ImmutableArray<MetadataReference> LoadFramework()
        {
            var paths = FindReferencePack() ?? FromTrustedPlatformAssemblies();
            return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        }

        private static ImmutableArray<MetadataReference> LoadLibraries()
        {
            var assemblies = new[]
            {
                typeof(MailKit.Net.Smtp.SmtpClient).Assembly,
                typeof(MimeKit.MimeMessage).Assembly,
                typeof(Org.BouncyCastle.Crypto.IDigest).Assembly,
                typeof(Polly.Policy).Assembly,
                typeof(Polly.ResiliencePipeline).Assembly,
            };

            return assemblies.Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location)).ToImmutableArray();
        }

        /// <summary>The reference pack of the running framework, from the SDK that runs the tests.</summary>
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
            return refDirectory is not null && Directory.Exists(refDirectory)
                ? Directory.GetFiles(refDirectory, "*.dll")
                : null;
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
