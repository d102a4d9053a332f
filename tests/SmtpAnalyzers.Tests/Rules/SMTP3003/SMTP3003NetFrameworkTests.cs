using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.NetFrameworkCodeFixVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer, SmtpAnalyzers.Security.CertificateValidationDisabledCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.NetFrameworkVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3003
{
    /// <summary>
    /// SMTP3003 on .NET Framework 4.8: ServicePointManager (in "System", not obsolete there) is where System.Net.Mail
    /// reads its certificate callback, and MailKit's .NET Framework build falls back to it for clients without a
    /// callback of their own. The rule answers as on .NET: reported in mail code of either library, not elsewhere.
    /// </summary>
    public class SMTP3003NetFrameworkTests
    {
        private static DiagnosticResult Warning(int location, bool global)
            => new DiagnosticResult("SMTP3003", DiagnosticSeverity.Warning).WithLocation(location).WithMessage(
                "This certificate validation callback accepts every certificate: anyone on the path can impersonate the mail server and read the credentials and messages"
                + (global ? " (ServicePointManager: for every System.Net.Mail SmtpClient in the process)" : string.Empty));

        [Fact]
        public Task ServicePointManagerInMailCodeOfEitherLibrary_AndMailKitClients_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;
            using System.Net.Security;

            class LegacyMailer
            {
                static LegacyMailer()
                {
                    {|#0:ServicePointManager.ServerCertificateValidationCallback = delegate { return true; }|};
                }

                void Send(MailMessage message)
                {
                    using (var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true })
                    {
                        client.Send(message);
                    }
                }
            }

            class MailKitMailer
            {
                // MailKit's .NET Framework build uses this callback for every client that has none of its own.
                void Configure() => {|#1:ServicePointManager.ServerCertificateValidationCallback += (s, c, h, e) => e == SslPolicyErrors.None || true|};

                void Send(MailKit.Net.Smtp.SmtpClient client)
                {
                    {|#2:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """,
            Warning(0, global: true),
            Warning(1, global: true),
            Warning(2, global: false));

        [Fact]
        public Task ValidatingCallbacksAndTypesWithoutAnSmtpClient_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;
            using System.Net.Security;

            class HttpOnly
            {
                static HttpOnly() => ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true;
            }

            class Mailer
            {
                static Mailer() => ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => e == SslPolicyErrors.None;

                void Send(MailMessage message, MailKit.Net.Smtp.SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = (s, c, h, e) => e == SslPolicyErrors.None;
                    new SmtpClient("smtp.example.com", 587) { EnableSsl = true }.Send(message);
                }
            }
            """);

        [Fact]
        public Task Overrides_AreRemoved_FixAll() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Configure(MailKit.Net.Smtp.SmtpClient client)
                {
                    {|SMTP3003:ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    {|SMTP3003:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }

                void Send(SmtpClient legacy, MailMessage message) => legacy.Send(message);
            }
            """,
            """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Configure(MailKit.Net.Smtp.SmtpClient client)
                {
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }

                void Send(SmtpClient legacy, MailMessage message) => legacy.Send(message);
            }
            """);
    }
}
