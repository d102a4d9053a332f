using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer, SmtpAnalyzers.Reliability.FailureSwallowedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    public class SMTP2001Tests
    {
        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task ExceptionFlattenedToMessage_SystemNetMail_GetsATransientClause(LanguageVersion languageVersion) => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;

            class Mailer
            {
                public List<string> ErrorMessages { get; } = new List<string>();

                public void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch (Exception ex)|}
                    {
                        ErrorMessages.Add(ex.Message);
                    }
                }
            }
            """,
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;

            class Mailer
            {
                public List<string> ErrorMessages { get; } = new List<string>();

                public void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        // Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.
                        ErrorMessages.Add(ex.Message);
                    }
                    catch (Exception ex)
                    {
                        // Permanent SMTP failures (5yz, RFC 5321 §4.2.1) and every other error arrive here: do not send the same message again unchanged.
                        ErrorMessages.Add(ex.Message);
                    }
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task SmtpCommandExceptionSwallowed_MailKitAsync_IsSplitInTwo() => Verify.VerifyWithClassChecksAsync(
            """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                public async Task<bool> SendAsync(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        await client.SendAsync(message);
                        return true;
                    }
                    {|SMTP2001:catch (SmtpCommandException)|}
                    {
                        return false;
                    }
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                public async Task<bool> SendAsync(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        await client.SendAsync(message);
                        return true;
                    }
                    catch (SmtpCommandException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        // Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.
                        return false;
                    }
                    catch (SmtpCommandException)
                    {
                        // Not a 4yz reply: a 5yz reply is permanent (RFC 5321 §4.2.1); do not send the same message again unchanged.
                        return false;
                    }
                }
            }
            """);

        [Fact]
        public Task EmptyCatchAll_GetsATransientClause() => Verify.VerifyWithClassChecksAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                public async Task SendAsync(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        await client.SendMailAsync(message);
                    }
                    {|SMTP2001:catch|}
                    {
                    }
                }
            }
            """,
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                public async Task SendAsync(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        await client.SendMailAsync(message);
                    }
                    catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        // Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.
                    }
                    catch
                    {
                        // Permanent SMTP failures (5yz, RFC 5321 §4.2.1) and every other error arrive here: do not send the same message again unchanged.
                    }
                }
            }
            """);

        [Fact]
        public Task FlattenedIntoANewException_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch (SmtpException ex)|}
                    {
                        Console.WriteLine(ex);
                        throw new InvalidOperationException("mail failed: " + ex.Message + $" ({ex})");
                    }
                }
            }
            """);

        [Fact]
        public Task FilteredCatch_IsReportedWithoutAFix() => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public bool Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    {|SMTP2001:catch (SmtpException ex) when (ex.Message.Length > 0)|}
                    {
                        return false;
                    }
                }
            }
            """);

        [Fact]
        public Task CorrectHandling_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            interface ILog { void Error(Exception ex, string message); }

            sealed class Result
            {
                public Result(int code) => Code = code;
                public int Code { get; }
            }

            class Mailer
            {
                private readonly ILog _log;
                private Exception _lastError;
                public Mailer(ILog log) => _log = log;

                // Logs with the exception object and rethrows.
                public void A(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); }
                    catch (System.Net.Mail.SmtpException ex) { _log.Error(ex, "send failed"); throw; }
                }

                // Wraps the caught exception.
                public void B(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); }
                    catch (Exception ex) { throw new InvalidOperationException("send failed", ex); }
                }

                // Keeps the reply code for the caller.
                public Result C(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); return new Result(250); }
                    catch (System.Net.Mail.SmtpException ex) { return new Result((int)ex.StatusCode); }
                }

                // Dispatches on MailKit's ErrorCode.
                public async Task D(MailKit.Net.Smtp.SmtpClient client, MimeMessage message)
                {
                    try { await client.SendAsync(message); }
                    catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted) { _log.Error(ex, "recipient"); }
                }

                // Hands the exception object to an error handler.
                public void E(System.Net.Mail.SmtpClient client, MailMessage message, Action<Exception> onError)
                {
                    try { client.Send(message); }
                    catch (Exception ex) { onError(ex); }
                }

                // Keeps it for later.
                public void F(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); }
                    catch (Exception ex) { _lastError = ex; }
                }

                // An interactive test-mail action shows the server's reply to an administrator.
                public string SendTestEmail(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); return "sent"; }
                    catch (Exception ex) { return ex.Message; }
                }

                // No send in the try.
                public void G(MailMessage message)
                {
                    try { message.To.Add("a@example.com"); }
                    catch (Exception ex) { Console.WriteLine(ex.Message); }
                }

                // A send inside a lambda runs elsewhere.
                public void H(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try { Func<Task> later = () => client.SendMailAsync(message); }
                    catch (Exception ex) { Console.WriteLine(ex.Message); }
                }

                // The event-based SendAsync reports its failures to SendCompleted, not to this catch.
                public void J(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try { client.SendAsync(message, null); }
                    catch (Exception ex) { Console.WriteLine(ex.Message); }
                }

                // The earlier clause already takes every SMTP failure.
                public void I(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); }
                    catch (System.Net.Mail.SmtpException) { throw; }
                    catch (Exception ex) { Console.WriteLine(ex.Message); }
                }
            }
            """);

        [Fact]
        public Task NonSmtpClientWithTheSameMethodName_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;

            class SesClient { public void Send(object message) { } }

            class Mailer
            {
                public void Send(SesClient client, object message)
                {
                    try { client.Send(message); }
                    catch (Exception ex) { Console.WriteLine(ex.Message + " (Smtp fallback)"); }
                }
            }
            """);
    }
}
