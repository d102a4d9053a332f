using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.NetFrameworkCodeFixVerifier<SmtpAnalyzers.Rules.Security.CredentialsTransportAnalyzer, SmtpAnalyzers.Security.OpportunisticStartTlsCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3002
{
    /// <summary>SMTP3002 on .NET Framework 4.8 with MailKit's net48 build: the same Connect overloads, the same answers.</summary>
    public class SMTP3002NetFrameworkTests
    {
        [Fact]
        public Task MailKitNet48_OpportunisticConnects_AreReportedAndFixed() => Verify.VerifyAsync(
            """
            using System.Net;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Sender
            {
                void Send(SmtpClient client, NetworkCredential credentials, string host)
                {
                    {|SMTP3002:client.Connect(host, 587, SecureSocketOptions.Auto)|};
                    client.Authenticate(credentials);
                }

                void Legacy(SmtpClient client, NetworkCredential credentials, string host)
                {
                    {|SMTP3002:client.Connect(host, 587, false)|};
                    client.Authenticate(credentials);
                }
            }
            """,
            """
            using System.Net;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Sender
            {
                void Send(SmtpClient client, NetworkCredential credentials, string host)
                {
                    client.Connect(host, 587, SecureSocketOptions.StartTls);
                    client.Authenticate(credentials);
                }

                void Legacy(SmtpClient client, NetworkCredential credentials, string host)
                {
                    client.Connect(host, 587, SecureSocketOptions.StartTls);
                    client.Authenticate(credentials);
                }
            }
            """);
    }
}
