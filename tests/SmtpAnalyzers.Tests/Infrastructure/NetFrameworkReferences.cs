using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Metadata references for test compilations that target .NET Framework 4.8 (and .NET Standard 2.0): the reference assemblies of the
    /// Microsoft.NETFramework.ReferenceAssemblies.net48 package (System.Net.Mail's SmtpClient and ServicePointManager
    /// live in "System") with their facades, and the net48 builds of MailKit and MimeKit. Every path comes from restore
    /// (the test project's package references); nothing is downloaded at test time.
    /// </summary>
    public static class NetFrameworkReferences
    {
        /// <summary>The assemblies an SDK-style net48 project references by default, plus System.Net.Http.</summary>
        private static readonly string[] FrameworkAssemblies =
        {
            "mscorlib", "System", "System.Core", "System.Data", "System.Net.Http", "System.Numerics",
            "System.Runtime.Serialization", "System.Xml", "System.Xml.Linq",
        };

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFramework = new(LoadFramework);
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyMailKit = new(LoadMailKit);
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyNetStandard =
            new(() => ImmutableArray.Create<MetadataReference>(MetadataReference.CreateFromFile(Metadata("NetStandardReference"))));

        /// <summary>The folder build/.NETFramework/v4.8 of the reference assemblies package.</summary>
        public static string FrameworkFolder => Metadata("NetFramework48Reference");

        /// <summary>.NET Framework 4.8 alone: System.Net.Mail is there (in "System"), MailKit is not.</summary>
        public static ImmutableArray<MetadataReference> Framework => LazyFramework.Value;

        /// <summary>The net48 builds of MailKit and MimeKit, and the net461 build of BouncyCastle.</summary>
        public static ImmutableArray<MetadataReference> MailKit => LazyMailKit.Value;

        /// <summary>Everything a .NET Framework 4.8 test compilation sees.</summary>
        public static ImmutableArray<MetadataReference> All => Framework.AddRange(MailKit);

        /// <summary>
        /// .NET Standard 2.0's netstandard.dll (NETStandard.Library 2.0.3): System.Net.Mail in "netstandard", and a
        /// SecurityProtocolType without SystemDefault and Tls13.
        /// </summary>
        public static ImmutableArray<MetadataReference> NetStandard20 => LazyNetStandard.Value;

        private static ImmutableArray<MetadataReference> LoadFramework()
        {
            var folder = FrameworkFolder;
            var facades = Directory.GetFiles(Path.Combine(folder, "Facades"), "*.dll").OrderBy(p => p, StringComparer.Ordinal);
            return FrameworkAssemblies
                .Select(name => Path.Combine(folder, name + ".dll"))
                .Concat(facades)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }

        private static ImmutableArray<MetadataReference> LoadMailKit()
            => new[] { "MailKitNet48", "MimeKitNet48", "BouncyCastleNet461" }
                .Select(key => (MetadataReference)MetadataReference.CreateFromFile(Metadata(key)))
                .ToImmutableArray();

        /// <summary>A path the test project's build wrote into this assembly (see SmtpAnalyzers.Tests.csproj).</summary>
        private static string Metadata(string key)
        {
            var path = typeof(NetFrameworkReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == key).Value!;
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new InvalidOperationException($"'{key}' points to '{path}', which restore did not create.");
            }

            return path;
        }
    }
}
