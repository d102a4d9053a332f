using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Rules.Security;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Rules.Security.HardCodedPasswordAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3006
{
    public class SMTP3006Tests
    {
        [Fact]
        public Task SystemNetMail_LiteralConstAndReadonlyFieldPasswords_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Sender
            {
                private const string ConstPassword = "s3cret";
                private static readonly string ReadonlyPassword = "s3cret";
                private readonly SmtpClient _client = new SmtpClient("smtp.example.com", 587);

                void Configure(SmtpClient client, string user)
                {
                    client.Credentials = new NetworkCredential(user, {|SMTP3006:"password"|});
                    client.Credentials = new NetworkCredential("user", {|SMTP3006:ConstPassword|}, "domain");
                    client.Credentials = new NetworkCredential(user, {|SMTP3006:ReadonlyPassword|});
                    const string local = "p@ss";
                    client.Credentials = new NetworkCredential(user, {|SMTP3006:local + "word"|});
                    _client.Credentials = new NetworkCredential(user, {|SMTP3006:$"{ConstPassword}!"|});
                    var other = new SmtpClient("smtp.example.com") { Credentials = new NetworkCredential("u", {|SMTP3006:"*****"|}) };
                }
            }
            """);

        [Fact]
        public Task NetworkCredentialLocalsAndLiteralLocals_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            class Sender
            {
                void SystemNetMail(System.Net.Mail.SmtpClient client)
                {
                    var credentials = new NetworkCredential("user", {|SMTP3006:"<PASSWORD>"|});
                    client.Credentials = credentials;
                }

                async Task MailKit(MailKit.Net.Smtp.SmtpClient client, ISmtpClient smtp, MailKit.IMailTransport transport)
                {
                    var password = "hunter2";
                    await client.AuthenticateAsync("user", {|SMTP3006:password|});
                    smtp.Authenticate(System.Text.Encoding.UTF8, "user", {|SMTP3006:"hunter2"|});
                    var credentials = new NetworkCredential("user", {|SMTP3006:"hunter2"|});
                    transport.Authenticate(credentials);
                    await client.AuthenticateAsync(System.Text.Encoding.UTF8, new NetworkCredential("user", {|SMTP3006:"hunter2"|}));
                }
            }
            """);

        [Fact]
        public Task CredentialsLocalPassedToTwoSinks_IsReportedOnce() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Text;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            static class Sender
            {
                public static void Send(string host)
                {
                    using var client = new SmtpClient();
                    var credentials = new NetworkCredential("user", {|SMTP3006:"s3cret"|});
                    client.Connect(host, 587, SecureSocketOptions.StartTls);
                    if (client.AuthenticationMechanisms.Contains("PLAIN")) client.Authenticate(credentials);
                    else client.Authenticate(Encoding.UTF8, credentials);
                }

                private static bool IsDevelopment() => false;

                // The first sink is development-only, so the second one reports.
                public static void Configure(System.Net.Mail.SmtpClient client)
                {
                    var credentials = new NetworkCredential("user", {|SMTP3006:"s3cret"|});
                    if (IsDevelopment())
                    {
                        client.Credentials = credentials;
                    }

                    client.Credentials = credentials;
                    client.Credentials = credentials;
                }
            }
            """);

        [Fact]
        public Task ConfiguredEmptyDevelopmentLoopbackAndOtherSinks_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net;
            using System.Net.Http;
            using System.Net.Mail;
            using System.Security;
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            interface IHostEnvironment { bool IsDevelopment(); }

            class Settings { public string Password { get; set; } = ""; public string User { get; set; } = ""; }

            class Sender
            {
                private static readonly string Rewritten = "s3cret";
                private readonly string _assignedInConstructor = "s3cret";

                Sender(string configured)
                {
                    _assignedInConstructor = configured;
                }

                void SystemNetMail(System.Net.Mail.SmtpClient client, Settings settings, SecureString secure, IHostEnvironment env)
                {
                    client.Credentials = new NetworkCredential(settings.User, settings.Password);
                    client.Credentials = new NetworkCredential("user", Environment.GetEnvironmentVariable("SMTP_PASSWORD"));
                    client.Credentials = new NetworkCredential("user", "");
                    client.Credentials = new NetworkCredential("user", (string)null!);
                    client.Credentials = new NetworkCredential("user", secure);
                    client.Credentials = new NetworkCredential("user", _assignedInConstructor);
                    var password = "first";
                    password = settings.Password;
                    client.Credentials = new NetworkCredential("user", password);
                    client.Credentials = CredentialCache.DefaultNetworkCredentials;
                    var local = new System.Net.Mail.SmtpClient("localhost", 25) { Credentials = new NetworkCredential("dev", "dev") };
                    var loopback = new System.Net.Mail.SmtpClient();
                    loopback.Host = "127.0.0.1";
                    loopback.Credentials = new NetworkCredential("dev", "dev");
                    if (env.IsDevelopment())
                    {
                        client.Credentials = new NetworkCredential("dev", "dev");
                    }
                    var handler = new HttpClientHandler { Credentials = new NetworkCredential("proxy", "s3cret") };
                    var unused = new NetworkCredential("user", "s3cret");
                }

                void MailKit(MailKit.Net.Smtp.SmtpClient client, ImapClient imap, MailKit.Net.Smtp.SmtpClient catcher)
                {
                    imap.Authenticate("user", "s3cret");
                    catcher.Connect("localhost", 2525, SecureSocketOptions.None);
                    catcher.Authenticate("dev", "dev");
                    client.Authenticate(new SaslMechanismPlain("user", "s3cret"));
                    client.Authenticate("s3cret-user", Environment.GetEnvironmentVariable("SMTP_PASSWORD")!);
                    client.Authenticate("user", Rewritten + Environment.NewLine);
                }

                static Sender()
                {
                    Rewritten = Environment.GetEnvironmentVariable("X") ?? "";
                }
            }
            """);

        [Fact]
        public Task DebugRegion_IsNotReported_AndReleaseBuildIs()
        {
            const string source = """
                using System.Net;
                using System.Net.Mail;

                class Sender
                {
                    void Configure(SmtpClient client)
                    {
                #if DEBUG
                        client.Credentials = new NetworkCredential("dev", "dev");
                #else
                        client.Credentials = new NetworkCredential("user", {|SMTP3006:"prod"|});
                #endif
                    }
                }
                """;

            // Without DEBUG the #else branch is compiled and reported; with DEBUG the then-branch is exempt.
            return Task.WhenAll(VerifyAnalyzer.VerifyAsync(source), VerifyWithDebugAsync(source.Replace("{|SMTP3006:\"prod\"|}", "\"prod\"")));
        }

        private static Task VerifyWithDebugAsync(string source)
        {
            var test = new DebugTest { TestCode = source };
            return test.RunAsync();
        }

        private sealed class DebugTest : CSharpAnalyzerTest<HardCodedPasswordAnalyzer, DefaultVerifier>
        {
            public DebugTest()
            {
                Infrastructure.TestSetup.Configure(this, LanguageVersion.Latest);
                SolutionTransforms.Add((solution, projectId) =>
                {
                    var project = solution.GetProject(projectId)!;
                    var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithPreprocessorSymbols("DEBUG");
                    return solution.WithProjectParseOptions(projectId, parseOptions);
                });
            }
        }
    }
}
