using System;
using System.Collections.Immutable;
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
            var framework = FrameworkReferences.Paths();
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
    }
}
