using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer, SmtpAnalyzers.Reliability.FailureSwallowedCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>The fix through a send wrapper names the wrapper path in the comments it inserts; a direct send's fix does not change.</summary>
    public partial class SMTP2001Tests
    {
        [Fact]
        public Task FixThroughWrappers_NamesThePath_AndLeavesTheDirectSendAsBefore() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
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

                public async Task NotifyAsync(MailMessage message)
                {
                    try
                    {
                        await SendWelcomeAsync(message);
                    }
                    {|SMTP2001:catch (SmtpException ex)|}
                    {
                        Console.WriteLine(ex.Message);
                    }

                    try
                    {
                        await SendEmailAsync(message);
                    }
                    {|SMTP2001:catch|}
                    {
                    }

                    try
                    {
                        await _client.SendMailAsync(message);
                    }
                    {|SMTP2001:catch (Exception ex)|}
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """,
            """
            using System;
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

                public async Task NotifyAsync(MailMessage message)
                {
                    try
                    {
                        await SendWelcomeAsync(message);
                    }
                    catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        // SendWelcomeAsync sends mail through SendEmailAsync: its SMTP failures arrive in this catch.
                        // Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.
                        Console.WriteLine(ex.Message);
                    }
                    catch (SmtpException ex)
                    {
                        // SendWelcomeAsync sends mail through SendEmailAsync: its SMTP failures arrive in this catch.
                        // Not a 4yz reply: a 5yz reply is permanent (RFC 5321 §4.2.1); do not send the same message again unchanged.
                        Console.WriteLine(ex.Message);
                    }

                    try
                    {
                        await SendEmailAsync(message);
                    }
                    catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        // SendEmailAsync sends mail: its SMTP failures arrive in this catch.
                        // Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.
                    }
                    catch
                    {
                        // SendEmailAsync sends mail: its SMTP failures arrive in this catch.
                        // Permanent SMTP failures (5yz, RFC 5321 §4.2.1) and every other error arrive here: do not send the same message again unchanged.
                    }

                    try
                    {
                        await _client.SendMailAsync(message);
                    }
                    catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        // Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.
                        Console.WriteLine(ex.Message);
                    }
                    catch (Exception ex)
                    {
                        // Permanent SMTP failures (5yz, RFC 5321 §4.2.1) and every other error arrive here: do not send the same message again unchanged.
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """);
    }
}
