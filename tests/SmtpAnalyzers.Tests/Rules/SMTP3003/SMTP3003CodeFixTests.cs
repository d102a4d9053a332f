using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer, SmtpAnalyzers.Security.CertificateValidationDisabledCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3003
{
    /// <summary>SMTP3003's fix removes the override; it is not offered where the removal would change more than that.</summary>
    public class SMTP3003CodeFixTests
    {
        [Fact]
        public Task Statements_AreRemoved_FixAll() => Verify.VerifyAsync(
            """
            using System.Net;
            using MailKit.Net.Smtp;

            class Sender
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    // Accept any certificate.
                    {|SMTP3003:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }

                void Global(System.Net.Mail.SmtpClient legacy)
                {
                    {|SMTP3003:ServicePointManager.ServerCertificateValidationCallback += delegate { return true; }|};
                    legacy.Send("a@example.com", "b@example.com", "subject", "body");
                }
            }
            """,
            """
            using System.Net;
            using MailKit.Net.Smtp;

            class Sender
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }

                void Global(System.Net.Mail.SmtpClient legacy)
                {
                    legacy.Send("a@example.com", "b@example.com", "subject", "body");
                }
            }
            """);

        [Fact]
        public Task InitializerMember_IsRemoved() => Verify.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                SmtpClient Create() => new SmtpClient
                {
                    {|SMTP3003:ServerCertificateValidationCallback = (s, c, h, e) => true|},
                    Timeout = 5000,
                };
            }
            """,
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                SmtpClient Create() => new SmtpClient
                {
                    Timeout = 5000,
                };
            }
            """);

        [Fact]
        public Task LastInitializerMember_IsRemoved() => Verify.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                SmtpClient Create() => new SmtpClient
                {
                    Timeout = 5000,
                    {|SMTP3003:ServerCertificateValidationCallback = (s, c, h, e) => true|}
                };
            }
            """,
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                SmtpClient Create() => new SmtpClient
                {
                    Timeout = 5000
                };
            }
            """);

        [Fact]
        public Task OnlyInitializerMember_RemovesTheInitializer() => Verify.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                void Send()
                {
                    using var client = new SmtpClient
                    {
                        {|SMTP3003:ServerCertificateValidationCallback = (s, c, h, e) => true|},
                    };
                    using var other = new SmtpClient() { {|SMTP3003:ServerCertificateValidationCallback = delegate { return true; }|} };
                    SmtpClient target = new() { {|SMTP3003:ServerCertificateValidationCallback = delegate { return true; }|} };
                }
            }
            """,
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    using var other = new SmtpClient();
                    SmtpClient target = new();
                }
            }
            """);

        [Fact]
        public Task ChoicesEmbeddedStatementsAndLargerExpressions_GetNoFix() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Settings { public bool IgnoreCertificateErrors { get; set; } }

            class Sender
            {
                RemoteCertificateValidationCallback Configure(SmtpClient client, Settings settings, RemoteCertificateValidationCallback custom)
                {
                    {|SMTP3003:client.ServerCertificateValidationCallback = settings.IgnoreCertificateErrors ? (s, c, h, e) => true : null|};
                    {|SMTP3003:client.ServerCertificateValidationCallback = custom ?? ((s, c, h, e) => true)|};

                    var chosen = settings.IgnoreCertificateErrors ? new RemoteCertificateValidationCallback((s, c, h, e) => true) : null;
                    {|SMTP3003:client.ServerCertificateValidationCallback = chosen|};

                    if (settings.IgnoreCertificateErrors)
                        {|SMTP3003:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};

                    return {|SMTP3003:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                }
            }
            """);
    }
}
