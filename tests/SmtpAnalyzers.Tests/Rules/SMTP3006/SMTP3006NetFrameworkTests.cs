using System.Threading.Tasks;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.NetFrameworkVerifier<SmtpAnalyzers.Rules.Security.HardCodedPasswordAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3006
{
    /// <summary>
    /// SMTP3006 on .NET Framework 4.8, where NetworkCredential and SmtpClient are in "System" (bound by metadata name,
    /// not by assembly), with MailKit's net48 build.
    /// </summary>
    public class SMTP3006NetFrameworkTests
    {
        [Fact]
        public Task LiteralPasswords_AreReported_ConfiguredOnesAreNot() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, MailKit.Net.Smtp.SmtpClient mailKit, string configured)
                {
                    client.Credentials = new NetworkCredential("user", {|SMTP3006:"Secret123"|});
                    mailKit.Authenticate("user", {|SMTP3006:"Secret123"|});
                    client.Credentials = new NetworkCredential("user", configured);
                    mailKit.Authenticate("user", configured);
                }
            }
            """);
    }
}
