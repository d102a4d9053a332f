using System.Threading.Tasks;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer>;
using VerifyDebug = SmtpAnalyzers.Tests.Infrastructure.PreprocessorVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3003
{
    /// <summary>SMTP3003: correct callbacks, other clients, values not followed, and the exemptions report nothing.</summary>
    public class SMTP3003ValidCodeTests
    {
        private const string Usings = """
            using System;
            using System.Linq;
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;
            using MailKit.Net.Smtp;

            """;

        [Fact]
        public Task ValidatingCallbacks_NothingReported() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class Sender
            {
                private const string PinnedThumbprint = "0123456789ABCDEF";

                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = null;
                    client.ServerCertificateValidationCallback = (s, c, h, e) => e == SslPolicyErrors.None;
                    client.ServerCertificateValidationCallback = (s, c, h, e) => false;
                    client.ServerCertificateValidationCallback = (s, c, h, e) =>
                        e == SslPolicyErrors.None || c.GetCertHashString() == PinnedThumbprint;
                    client.ServerCertificateValidationCallback = (s, c, h, e) =>
                        (e & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
                        && h.ChainStatus.All(status => status.Status == X509ChainStatusFlags.RevocationStatusUnknown);
                    client.ServerCertificateValidationCallback = ExplainingValidator;
                    client.ServerCertificateValidationCallback = (s, c, h, e) => throw new InvalidOperationException("no custom validation");
                    client.ServerCertificateValidationCallback -= (s, c, h, e) => true;
                }

                // Logs why a certificate was refused, and accepts only a valid one.
                private static bool ExplainingValidator(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
                {
                    if (errors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
                    {
                        Console.WriteLine("{0} sent no certificate", sender);
                        return false;
                    }

                    if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                    {
                        Console.WriteLine("{0} sent a certificate for {1}", sender, certificate.Subject);
                        return false;
                    }

                    foreach (var element in chain.ChainElements)
                    {
                        foreach (var status in element.ChainElementStatus)
                        {
                            Console.WriteLine("{0}: {1}", element.Certificate.Subject, status.StatusInformation);
                        }
                    }

                    return false;
                }
            }

            class LoggingValidator
            {
                public bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
                {
                    var valid = errors == SslPolicyErrors.None;
                    if (!valid)
                    {
                        Console.WriteLine("Certificate refused: " + errors);
                    }

                    return valid;
                }

                void Configure(SmtpClient client) => client.ServerCertificateValidationCallback = Validate;
            }
            """);

        [Fact]
        public Task ValuesNotFollowed_NothingReported() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class Sender
            {
                private RemoteCertificateValidationCallback _mutable = (s, c, h, e) => true;

                void Configure(SmtpClient client, RemoteCertificateValidationCallback fromCaller, Func<RemoteCertificateValidationCallback> factory)
                {
                    client.ServerCertificateValidationCallback = fromCaller;
                    client.ServerCertificateValidationCallback = factory();
                    client.ServerCertificateValidationCallback = CreateValidator();
                    client.ServerCertificateValidationCallback = _mutable;

                    RemoteCertificateValidationCallback twice = (s, c, h, e) => true;
                    twice = (s, c, h, e) => e == SslPolicyErrors.None;
                    client.ServerCertificateValidationCallback = twice;
                }

                private static RemoteCertificateValidationCallback CreateValidator() => (s, c, h, e) => true;
            }
            """);

        [Fact]
        public Task OtherClientsAndSettings_NothingReported() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class Sender
            {
                void Configure(ImapClient imap, Pop3Client pop, IMailService service, MailService baseService, HttpClientHandler handler)
                {
                    imap.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    pop.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    service.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    baseService.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    handler.ServerCertificateCustomValidationCallback = (m, c, h, e) => true;
                }
            }

            // A type without an SMTP client: ServicePointManager is CA5359's and S4830's.
            class HttpStartup
            {
                static HttpStartup()
                {
                    ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true;
                }
            }
            """);

        [Fact]
        public Task LoopbackConnectsOfTheSameClient_AreExempt() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class Catcher
            {
                void Smtp4Dev()
                {
                    using var client = new SmtpClient();
                    client.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    client.Connect("localhost", 25, MailKit.Security.SecureSocketOptions.StartTls);
                }

                async System.Threading.Tasks.Task Papercut()
                {
                    using var client = new SmtpClient { ServerCertificateValidationCallback = (s, c, h, e) => true };
                    await client.ConnectAsync("127.0.0.1", 2525);
                }
            }
            """);

        [Fact]
        public Task DevelopmentOnly_IsExempt() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            interface IHostEnvironment { bool IsDevelopment(); }

            class Sender
            {
                void Configure(SmtpClient client, IHostEnvironment environment)
                {
                    if (environment.IsDevelopment())
                    {
                        client.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    }

                    client.ServerCertificateValidationCallback = environment.IsDevelopment() ? (s, c, h, e) => true : null;
                }
            }

            class Mailer
            {
                private readonly System.Net.Mail.SmtpClient _client = new System.Net.Mail.SmtpClient("smtp.example.com");

                void Configure(IHostEnvironment environment)
                {
                    if (environment.IsDevelopment())
                        ServicePointManager.ServerCertificateValidationCallback = delegate { return true; };
                }
            }
            """);

        [Fact]
        public Task DebugOnly_IsExempt() => VerifyDebug.VerifyAsync(
            Usings + """
            class Sender
            {
                void Configure(SmtpClient client)
                {
            #if DEBUG
                    client.ServerCertificateValidationCallback = (s, c, h, e) => true;
            #endif
                }
            }
            """,
            new[] { "DEBUG" });
    }
}
