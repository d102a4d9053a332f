using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.NetFrameworkCodeFixVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer, SmtpAnalyzers.Security.RevocationCheckDisabledCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3004
{
    /// <summary>
    /// SMTP3004 on .NET Framework 4.8: MailKit's net48 build is reported as its .NET build;
    /// ServicePointManager.CheckCertificateRevocationList = false is not reported there either (false is the default
    /// of .NET Framework's ServicePointManager too: writing it changes nothing).
    /// </summary>
    public class SMTP3004NetFrameworkTests
    {
        [Fact]
        public Task MailKitNet48_IsReportedAndFixed_ServicePointManagerIsNot() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;
            using MailKit.Security;

            class Mailer
            {
                void Configure(MailKit.Net.Smtp.SmtpClient client, SmtpClient legacy)
                {
                    ServicePointManager.CheckCertificateRevocationList = false;
                    {|SMTP3004:client.CheckCertificateRevocation = false|};
                    client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                }
            }
            """,
            """
            using System.Net;
            using System.Net.Mail;
            using MailKit.Security;

            class Mailer
            {
                void Configure(MailKit.Net.Smtp.SmtpClient client, SmtpClient legacy)
                {
                    ServicePointManager.CheckCertificateRevocationList = false;
                    client.CheckCertificateRevocation = true;
                    client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                }
            }
            """);
    }
}
