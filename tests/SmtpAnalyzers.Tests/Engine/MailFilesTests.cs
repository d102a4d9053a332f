using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Rules.Security;
using SmtpAnalyzers.Semantics;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Engine.SmtpRulesAnalyzer>;

namespace SmtpAnalyzers.Tests.Engine
{
    /// <summary>
    /// The per-file gate (<see cref="MailFiles"/>): operations are analyzed only in files that name an SMTP type, a send,
    /// a send wrapper, or a declaration of the project whose signature names one. Each finding below is in a file that
    /// names no SMTP type at all, and is still reported; the last tests pin which files the gate takes.
    /// </summary>
    public class MailFilesTests
    {
        [Fact]
        public Task StatusCodeProperty_DeclaredInAnotherFile_IsFollowed() => Verify.VerifyFilesAsync(
            ("Failure.cs", """
                using System.Net.Mail;

                public class Failure
                {
                    public SmtpStatusCode Code { get; set; }
                }
                """),
            ("Policy.cs", """
                static class Policy
                {
                    public static bool IsFull(Failure failure) => (int)failure.Code == {|SMTP1001:552|};
                }
                """));

        [Fact]
        public Task StatusCodeReturnedByAMethodInAnotherFile_HeldInVar_IsFollowed() => Verify.VerifyFilesAsync(
            ("Reader.cs", """
                using MailKit.Net.Smtp;

                public static class Reader
                {
                    public static SmtpStatusCode Last() => SmtpStatusCode.Ok;
                }
                """),
            ("Policy.cs", """
                static class Policy
                {
                    public static bool Refused()
                    {
                        var code = Reader.Last();
                        return (int)code == {|SMTP1001:550|};
                    }
                }
                """));

        [Fact]
        public Task ClientFieldOfAnotherPartialPart_IsFollowed() => Verify.VerifyFilesAsync(
            ("Mailer.cs", """
                using MailKit.Net.Smtp;

                partial class Mailer
                {
                    private readonly SmtpClient _client = new SmtpClient();
                }
                """),
            ("Mailer.Login.cs", """
                partial class Mailer
                {
                    void Login()
                    {
                        {|SMTP3002:_client.Connect("mail.example.com", 25, false)|};
                        _client.Authenticate("mailer", {|SMTP3006:"hunter2"|});
                    }
                }
                """));

        [Fact]
        public Task MembersInheritedFromAClientSubclassInAnotherFile_AreFollowed() => Verify.VerifyFilesAsync(
            ("MyClient.cs", """
                public class MyClient : MailKit.Net.Smtp.SmtpClient
                {
                }
                """),
            ("Special.cs", """
                public class Special : MyClient
                {
                }
                """),
            ("Special.Login.cs", """
                public partial class Login
                {
                    public void Run(Special client) => client.Authenticate("mailer", {|SMTP3006:"hunter2"|});
                }
                """));

        [Fact]
        public Task ServicePointManagerCallback_InAPartialPartWithoutTheClient_IsReported() => Verify.VerifyFilesAsync(
            ("Mailer.cs", """
                partial class Mailer
                {
                    private readonly System.Net.Mail.SmtpClient _client = new System.Net.Mail.SmtpClient("mail.example.com");
                }
                """),
            ("Mailer.Tls.cs", """
                using System.Net;

                partial class Mailer
                {
                    static Mailer()
                    {
                        {|SMTP3003:ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true|};
                    }
                }
                """));

        [Fact]
        public Task GlobalUsingStatic_OfServicePointManager_TakesEveryFile() => Verify.VerifyFilesAsync(
            ("Usings.cs", """
                global using static System.Net.ServicePointManager;
                """),
            ("Mailer.cs", """
                partial class Mailer
                {
                    private readonly System.Net.Mail.SmtpClient _client = new System.Net.Mail.SmtpClient("mail.example.com");
                }
                """),
            ("Mailer.Tls.cs", """
                partial class Mailer
                {
                    static Mailer()
                    {
                        {|SMTP3003:ServerCertificateValidationCallback = delegate { return true; }|};
                    }
                }
                """));

        [Fact]
        public Task GlobalUsingOfMailKit_TakesFilesNamingItsTypesBare() => Verify.VerifyFilesAsync(
            ("Usings.cs", """
                global using MailKit;
                global using MailKit.Security;
                """),
            ("Login.cs", """
                static class Login
                {
                    public static void Run(IMailTransport transport)
                    {
                        {|SMTP3001:transport.Connect("mail.example.com", 25, SecureSocketOptions.None)|};
                        transport.Authenticate("mailer", {|SMTP3006:"hunter2"|});
                    }
                }
                """));

        [Fact]
        public Task SendWrapperInAnotherFile_IsFollowed() => Verify.VerifyFilesAsync(
            ("Mail.cs", """
                using System.Net.Mail;
                using System.Threading.Tasks;

                public static class Mail
                {
                    public static async Task DeliverAsync(MailMessage message)
                    {
                        using var client = new SmtpClient("mail.example.com");
                        await client.SendMailAsync(message);
                    }
                }
                """),
            ("Signup.cs", """
                using System.Threading.Tasks;

                public class Signup
                {
                    public async Task WelcomeAsync(System.Net.Mail.MailMessage message)
                    {
                        try
                        {
                            await Mail.DeliverAsync(message);
                        }
                        {|SMTP2001:catch|}
                        {
                        }
                    }
                }
                """));

        [Fact]
        public Task LambdaParameterTypedByAMethodInAnotherFile_IsFollowed() => Verify.VerifyFilesAsync(
            ("Pool.cs", """
                using System;
                using System.Net.Mail;

                public static class Pool
                {
                    public static void Use(Action<SmtpClient> use) => use(new SmtpClient("mail.example.com"));
                }
                """),
            ("Setup.cs", """
                static class Setup
                {
                    public static void Run() => Pool.Use(client =>
                    {
                        client.EnableSsl = true;
                        {|SMTP3007:client.Port = 465|};
                    });
                }
                """));

        [Fact]
        public Task GlobalAliasOfAClient_IsFollowed() => Verify.VerifyFilesAsync(
            ("Usings.cs", """
                global using Client = System.Net.Mail.SmtpClient;
                """),
            ("Setup.cs", """
                static class Setup
                {
                    public static Client Create() => new Client("mail.example.com", {|SMTP3007:465|}) { EnableSsl = true };
                }
                """));

        [Fact]
        public Task PrimaryConstructorParameterUsedInAnotherPartialPart_IsFollowed() => Verify.VerifyFilesAsync(
            ("Mailer.cs", """
                partial class Mailer(MailKit.Net.Smtp.SmtpClient client)
                {
                }
                """),
            ("Mailer.Login.cs", """
                partial class Mailer
                {
                    void Login() => client.Authenticate("mailer", {|SMTP3006:"hunter2"|});
                }
                """));

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
