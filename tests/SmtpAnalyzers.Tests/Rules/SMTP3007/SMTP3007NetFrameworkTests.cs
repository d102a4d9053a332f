using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.NetFrameworkCodeFixVerifier<SmtpAnalyzers.Rules.Security.ImplicitTlsPortAnalyzer, SmtpAnalyzers.Security.ImplicitTlsPortCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3007
{
    /// <summary>.NET Framework's System.Net.Mail has no implicit TLS either: port 465 is reported on .NET Framework 4.8 too.</summary>
    public class SMTP3007NetFrameworkTests
    {
        [Fact]
        public Task Port465_IsReported_FixedWhereEnableSslIsTrue() => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                void Send(MailMessage message)
                {
                    using (var client = new SmtpClient("smtp.example.com", {|SMTP3007:465|}) { EnableSsl = true })
                    {
                        client.Send(message);
                    }
                }
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                void Send(MailMessage message)
                {
                    using (var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true })
                    {
                        client.Send(message);
                    }
                }
            }
            """);
    }
}
