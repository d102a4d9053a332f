using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer, SmtpAnalyzers.Reliability.PermanentFailureRetriedCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>The filter fix through a send wrapper names the wrapper path in a comment; a direct send's fix does not change.</summary>
    public partial class SMTP2002Tests
    {
        [Fact]
        public Task FilterFixThroughWrappers_NamesThePath_AndLeavesTheDirectSendAsBefore() => Verify.VerifyWithClassChecksAsync(
            """
            using System.Threading;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient();

                private void Deliver(MimeMessage message) => _client.Send(message);

                private void Notify(MimeMessage message)
                {
                    Deliver(message);
                }

                public void SendWithRetry(MimeMessage message)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            Notify(message);
                            return;
                        }
                        catch {|SMTP2002:(SmtpCommandException)|} { }
                    }
                }

                public void SendDirectlyWithRetry(MimeMessage message)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            _client.Send(message);
                            return;
                        }
                        catch {|SMTP2002:(SmtpCommandException)|}
                        {
                            Thread.Sleep(1000 * attempt);
                        }
                    }
                }
            }
            """,
            """
            using System.Threading;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient();

                private void Deliver(MimeMessage message) => _client.Send(message);

                private void Notify(MimeMessage message)
                {
                    Deliver(message);
                }

                public void SendWithRetry(MimeMessage message)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            Notify(message);
                            return;
                        }
                        catch (SmtpCommandException ex) when (ex.StatusCode.IsTransientFailure())
                        {
                            // Notify sends mail through Deliver: only its transient (4yz) failures are retried here; a permanent (5yz) one now reaches the caller (RFC 5321 §4.2.1).
                        }
                    }
                }

                public void SendDirectlyWithRetry(MimeMessage message)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            _client.Send(message);
                            return;
                        }
                        catch (SmtpCommandException ex) when (ex.StatusCode.IsTransientFailure())
                        {
                            Thread.Sleep(1000 * attempt);
                        }
                    }
                }
            }
            """);
    }
}
