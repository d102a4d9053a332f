using System;
using System.Collections.Immutable;
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
            var paths = SmtpAnalyzers.Benchmarks.Harness.FrameworkReferences.Paths();
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
    }
}
