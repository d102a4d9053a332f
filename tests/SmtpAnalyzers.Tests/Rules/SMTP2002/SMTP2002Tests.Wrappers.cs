using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer, SmtpAnalyzers.Reliability.PermanentFailureRetriedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Retries one call away from the send: around the application's own send wrapper.</summary>
    public partial class SMTP2002Tests
    {
        [Fact]
        public Task RetryLoopAroundAWrapper_IsReportedThroughTheWrapper() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private async Task SendEmailAsync(MailMessage message)
                {
                    await _client.SendMailAsync(message);
                }

                public async Task SendWithRetryAsync(MailMessage message)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            await SendEmailAsync(message);
                            return;
                        }
                        catch {|#0:(Exception)|}
                        {
                            await Task.Delay(1000 * attempt);
                        }
                    }
                }

                public async Task SendAgainAsync(MailMessage message)
                {
                    try
                    {
                        await SendEmailAsync(message);
                    }
                    catch {|#1:(SmtpException ex)|}
                    {
                        Console.WriteLine(ex.Message);
                        await SendEmailAsync(message);
                    }
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("catch", "every exception of the send through 'SendEmailAsync'", "the retry loop runs again"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(1).WithArguments("catch", "every SmtpException of the send through 'SendEmailAsync'", "it calls SendEmailAsync again"));

        [Fact]
        public Task RecursiveRetryAroundAWrapperWithoutArguments_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Threading;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Digest
            {
                private readonly SmtpClient _client = new SmtpClient();
                private readonly MimeMessage _message = new MimeMessage();

                private void Deliver()
                {
                    _client.Send(_message);
                }

                public void Run(int attemptsLeft)
                {
                    try
                    {
                        Deliver();
                    }
                    catch {|#0:(SmtpCommandException ex)|}
                    {
                        Console.WriteLine(ex.Message);
                        Thread.Sleep(500);
                        Deliver();
                    }
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("catch", "every SmtpCommandException of the send through 'Deliver'", "it calls Deliver again"));

        [Fact]
        public Task PollyRetryAroundAWrapper_IsReportedAtTheHandleClause() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;
            using Polly;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private Task SendEmailAsync(MailMessage message) => _client.SendMailAsync(message);

                public Task SendWithRetryAsync(MailMessage message)
                    => Policy.{|SMTP2002:Handle<SmtpException>()|}.RetryAsync(3).ExecuteAsync(() => SendEmailAsync(message));
            }
            """);

        [Fact]
        public Task RetryLoopAroundWrappersThatDoNotLetTheFailureOut_IsNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            interface IEmailSender
            {
                Task SendEmailAsync(MailMessage message);
            }

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                // Decides by the reply itself: a transient failure is retried here, a permanent one returns false.
                private async Task<bool> TrySendAsync(MailMessage message)
                {
                    try
                    {
                        await _client.SendMailAsync(message);
                        return true;
                    }
                    catch (SmtpException ex) when ((int)ex.StatusCode >= 400 && (int)ex.StatusCode < 500)
                    {
                        throw new TimeoutException("try later", ex);
                    }
                    catch (SmtpException ex)
                    {
                        Console.WriteLine(ex.StatusCode);
                        return false;
                    }
                }

                public async Task RunAsync(MailMessage message, IEmailSender sender)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            await TrySendAsync(message);
                            await sender.SendEmailAsync(message);
                            return;
                        }
                        catch (Exception)
                        {
                            await Task.Delay(1000 * attempt);
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task RetryLoopAroundAWrapper_GetsTheFilter() => Verify.VerifyWithClassChecksAsync(
            """
            using System.Net.Mail;
            using System.Threading;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private void SendEmail(MailMessage message) => _client.Send(message);

                public void SendWithRetry(MailMessage message)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            SendEmail(message);
                            return;
                        }
                        catch {|SMTP2002:(SmtpException)|}
                        {
                            Thread.Sleep(1000 * attempt);
                        }
                    }
                }
            }
            """,
            """
            using System.Net.Mail;
            using System.Threading;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private void SendEmail(MailMessage message) => _client.Send(message);

                public void SendWithRetry(MailMessage message)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            SendEmail(message);
                            return;
                        }
                        catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                        {
                            // SendEmail sends mail: only its transient (4yz) failures are retried here; a permanent (5yz) one now reaches the caller (RFC 5321 §4.2.1).
                            Thread.Sleep(1000 * attempt);
                        }
                    }
                }
            }
            """);
    }
}
