using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Rules.Security;
using SmtpAnalyzers.Semantics;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.Tests.Engine
{
    /// <summary>Which files the per-file gate (<see cref="MailFiles"/>) takes, from the text and the declarations alone.</summary>
    public partial class MailFilesTests
    {
        [Fact]
        public void OnlyFilesNamingMailCodeOrItsDeclarations_AreTaken()
        {
            var files = Build(
                ("Mail.cs", """
                    using System.Net.Mail;

                    public class Mail
                    {
                        public SmtpClient Client { get; } = new SmtpClient();

                        public void Welcome(MailMessage message) => Client.Send(message);

                        public int Count() => new SmtpClient().Port;
                    }
                    """),
                ("UsesClient.cs", """
                    class UsesClient
                    {
                        int Port(Mail mail) => mail.Client.Port;
                    }
                    """),
                ("UsesWrapper.cs", """
                    class UsesWrapper
                    {
                        void Run(Mail mail) => mail.Welcome(null);
                    }
                    """),
                ("UsesCount.cs", """
                    // Count's body news a client, but only an int leaves it.
                    class UsesCount
                    {
                        int Total(Mail mail) => mail.Count();
                    }
                    """),
                ("Http.cs", """
                    using System.Net.Http;

                    class Http
                    {
                        public HttpClient Transport { get; } = new HttpClient();

                        bool Failed(HttpResponseMessage response) => (int)response.StatusCode >= 500;
                    }
                    """),
                ("Comment.cs", """
                    // Smtp in a comment takes the file, and names no declaration.
                    class Comment
                    {
                        int Count() => 1;
                    }
                    """));

            Assert.Equal(new[] { "Comment.cs", "Mail.cs", "UsesClient.cs", "UsesWrapper.cs" }, files);
        }

        [Fact]
        public void NamesAreFollowedFromSignatureToSignature()
        {
            var files = Build(
                ("Base.cs", """
                    public abstract class Base
                    {
                        protected MailKit.Net.Smtp.ISmtpClient Transport;
                    }
                    """),
                ("Derived.cs", """
                    // Its members are found by their own names where they are used.
                    public class Derived : Base
                    {
                    }
                    """),
                ("UsesTransport.cs", """
                    class UsesTransport : Base
                    {
                        int Run() => Transport.Capabilities.GetHashCode();
                    }
                    """),
                ("Holder.cs", """
                    public class Holder
                    {
                        public Pool Clients;
                    }

                    public class Pool : System.Collections.Generic.List<MailKit.Net.Smtp.SmtpClient>
                    {
                    }
                    """),
                ("UsesHolder.cs", """
                    class UsesHolder
                    {
                        object Run(Holder holder) => holder.Clients[0];
                    }
                    """),
                ("Delegates.cs", """
                    public delegate void Configure(System.Net.Mail.SmtpClient client);
                    """),
                ("UsesDelegate.cs", """
                    class UsesDelegate
                    {
                        Configure Run() => client => client.Port = 25;
                    }
                    """),
                ("Unrelated.cs", """
                    class Unrelated
                    {
                        object Pass(Derived derived) => derived;
                    }
                    """));

            // Pool names a client in its base list, Clients names Pool, UsesHolder names Clients; Transport and Configure
            // name client types in their signatures, and UsesDelegate's Run returns a Configure. Derived and Unrelated
            // name none of them.
            Assert.Equal(new[] { "Base.cs", "Delegates.cs", "Holder.cs", "UsesDelegate.cs", "UsesHolder.cs", "UsesTransport.cs" }, files);
        }

        [Fact]
        public void AMembersName_TakesTheFilesThatUseIt_ButIsNotFollowedInTheirSignatures()
        {
            var files = Build(
                ("Mailer.cs", """
                    public class Mailer
                    {
                        public System.Net.Mail.SmtpClient Stream { get; } = new System.Net.Mail.SmtpClient();
                    }
                    """),
                ("Pipe.cs", """
                    // "Stream" takes the file, but here it names System.IO's type, not Mailer's property: Open is not followed.
                    public class Pipe
                    {
                        public System.IO.Stream Open() => System.IO.Stream.Null;
                    }
                    """),
                ("UsesPipe.cs", """
                    class UsesPipe
                    {
                        long Length(Pipe pipe) => pipe.Open().Length;
                    }
                    """));

            Assert.Equal(new[] { "Mailer.cs", "Pipe.cs" }, files);
        }

        [Fact]
        public void ANameOfAMemberAndOfAType_IsFollowedAsAType()
        {
            var files = Build(
                ("Mailer.cs", """
                    public class Mailer
                    {
                        public MailKit.Net.Smtp.SmtpClient Client { get; } = new MailKit.Net.Smtp.SmtpClient();
                    }
                    """),
                ("Client.cs", """
                    public class Client : MailKit.Net.Smtp.SmtpClient
                    {
                    }
                    """),
                ("Factory.cs", """
                    public static class Factory
                    {
                        public static Client Make() => new Client();
                    }
                    """),
                ("UsesFactory.cs", """
                    class UsesFactory
                    {
                        void Run() => Factory.Make().Disconnect(true);
                    }
                    """),
                ("Unrelated.cs", """
                    class Unrelated
                    {
                        int Count() => 1;
                    }
                    """));

            // Client is found first as Mailer's property, then as a type: Factory's signature names the type, so Make is
            // followed to UsesFactory.
            Assert.Equal(new[] { "Client.cs", "Factory.cs", "Mailer.cs", "UsesFactory.cs" }, files);
        }

        [Theory]
        [InlineData(2, false)]
        [InlineData(400, true)]
        public void FilesLeftWithLessThanATwentiethOfTheText_AreAnalyzedAnyway(int leftLines, bool gated)
        {
            // A library's own source: every file names it but the generated ones. Following names to skip those costs more
            // than their operations do.
            var padding = string.Concat(Enumerable.Repeat("    // The transport of the outbox.\n", 200));
            var mail = "using MailKit.Net.Smtp;\n\npublic class Outbox\n{\n" + padding + "    public SmtpClient Client { get; } = new SmtpClient();\n}\n";
            var left = "public static class Generated\n{\n" + string.Concat(Enumerable.Repeat("    public const int Value = 1;\n", leftLines)) + "}\n";
            var trees = new[] { ("Outbox.cs", mail), ("Generated.cs", left) }
                .Select(s => CSharpSyntaxTree.ParseText(s.Item2, new CSharpParseOptions(LanguageVersion.Latest), path: s.Item1))
                .ToArray();
            var compilation = CSharpCompilation.Create("Probe", trees, TestReferences.All);
            var model = SmtpModel.Create(compilation);

            var files = MailFiles.Build(compilation, model.Wrappers.SendAndWrapperNames(CancellationToken.None), CancellationToken.None).Files;

            Assert.Equal(gated, (long)left.Length * 20 >= mail.Length + left.Length);
            if (gated)
            {
                Assert.Equal(new[] { "Outbox.cs" }, files!.Select(t => t.FilePath));
            }
            else
            {
                Assert.Null(files);
            }
        }

        [Fact]
        public void LibraryTypesTheRulesBindTo_AreFoundByTheirNames()
        {
            // Every library type the rules resolve is named with "Smtp" or "MailKit", or is a word of its own. MailMessage
            // needs neither: a message matters to a rule only as a send's argument, and the send names the file.
            var compilation = CSharpCompilation.Create("Probe", references: TestReferences.All);
            var model = SmtpModel.Create(compilation);
            var security = SecuritySymbols.Create(compilation);
            var types = new List<INamedTypeSymbol>();
            foreach (var holder in new object[] { model, security })
            {
                foreach (var property in holder.GetType().GetProperties())
                {
                    if (property.PropertyType == typeof(INamedTypeSymbol) && property.GetValue(holder) is INamedTypeSymbol type)
                    {
                        types.Add(type);
                    }
                }
            }

            var library = types
                .Where(t => t.ToDisplayString().StartsWith("MailKit.", StringComparison.Ordinal)
                    || t.ToDisplayString().StartsWith("System.Net.Mail.", StringComparison.Ordinal)
                    || t.Name == "ServicePointManager")
                .Distinct(SymbolEqualityComparer.Default)
                .Cast<INamedTypeSymbol>()
                .ToList();
            Assert.True(library.Count >= 15, "found " + library.Count);
            var missing = library
                .Where(t => !t.Name.Contains("Smtp", StringComparison.Ordinal) && !t.Name.Contains("MailKit", StringComparison.Ordinal))
                .Where(t => !MailFiles.LibraryTypeNames.Contains(t.Name) && t.Name != MailFiles.ServicePointManager && t.Name != "MailMessage")
                .Select(t => t.ToDisplayString())
                .ToList();
            Assert.Empty(missing);
            Assert.Contains(library, t => t.Name == "ServicePointManager");
            Assert.Contains(library, t => t.Name == "SecureSocketOptions");
        }

        private static string[] Build(params (string Name, string Text)[] sources)
        {
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Latest), path: s.Name)).ToArray();
            var compilation = CSharpCompilation.Create("Probe", trees, TestReferences.All);
            var model = SmtpModel.Create(compilation);
            var files = MailFiles.Build(compilation, model.Wrappers.SendAndWrapperNames(CancellationToken.None), CancellationToken.None);
            Assert.NotNull(files.Files);
            return files.Files!.Select(t => t.FilePath).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        }
    }
}
