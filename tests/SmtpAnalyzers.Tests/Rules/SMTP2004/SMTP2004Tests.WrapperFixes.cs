using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.SendOutcomeNotObservedAnalyzer, SmtpAnalyzers.Reliability.SendOutcomeNotObservedCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>The await fix through a send wrapper names the wrapper path in a comment; a direct send's fix does not change.</summary>
    public partial class SMTP2004Tests
    {
        [Fact]
        public Task AwaitFixThroughWrappers_NamesThePath_AndLeavesTheDirectSendAsBefore() => Verify.VerifyAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private Task SendEmailAsync(MailMessage message) => _client.SendMailAsync(message);

                private async Task SendWelcomeAsync(MailMessage message)
                {
                    await SendEmailAsync(message);
                }

                public async Task RegisterAsync(MailMessage message)
                {
                    // welcome first
                    {|SMTP2004:SendWelcomeAsync(message)|}; // then the rest
                    if (message.To.Count > 1) { _ = {|SMTP2004:SendEmailAsync(message)|}; }
                    {|SMTP2004:_client.SendMailAsync(message)|};
                }
            }
            """,
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private Task SendEmailAsync(MailMessage message) => _client.SendMailAsync(message);

                private async Task SendWelcomeAsync(MailMessage message)
                {
                    await SendEmailAsync(message);
                }

                public async Task RegisterAsync(MailMessage message)
                {
                    // welcome first
                    // SendWelcomeAsync sends mail through SendEmailAsync: awaited so that a 4yz or 5yz failure (RFC 5321 §4.2.1) is no longer lost.
                    await SendWelcomeAsync(message); // then the rest
                    if (message.To.Count > 1) { // SendEmailAsync sends mail: awaited so that a 4yz or 5yz failure (RFC 5321 §4.2.1) is no longer lost.
                    await SendEmailAsync(message); }
                    await _client.SendMailAsync(message);
                }
            }
            """);
    }
}
