using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.NetStandardCodeFixVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer, SmtpAnalyzers.Security.ObsoleteTlsVersionsCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3005
{
    /// <summary>
    /// SMTP3005's fix on .NET Standard 2.0 (and .NET Framework before 4.7), whose SecurityProtocolType has no
    /// SystemDefault: dropping the weak members of a list still works, but a value made only of weak members gets no fix
    /// (the fix used to write SecurityProtocolType.SystemDefault there, which does not compile).
    /// </summary>
    public class SMTP3005NetStandardTests
    {
        [Fact]
        public Task WithoutSystemDefault_AllWeakValueGetsNoFix_MixedListIsFixed() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                static void Configure()
                {
                    {|SMTP3005:ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12|};
                    {|SMTP3005:ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls|};
                    {|SMTP3005:ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11|};
                }

                void Send(SmtpClient client, MailMessage message) => client.Send(message);
            }
            """,
            """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                static void Configure()
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
                    {|SMTP3005:ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls|};
                }

                void Send(SmtpClient client, MailMessage message) => client.Send(message);
            }
            """);
    }
}
