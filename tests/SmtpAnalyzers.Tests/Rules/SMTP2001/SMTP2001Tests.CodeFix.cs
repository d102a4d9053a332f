using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer, SmtpAnalyzers.Reliability.FailureSwallowedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>The fixed code, one fix and fix-all, and the shapes that get no fix.</summary>
    public partial class SMTP2001Tests
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
        public Task WalkDownTheInnerExceptions_IsReportedWithoutAFix() => Verify.VerifyNoFixAsync(
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
                    {|SMTP2001:catch (Exception ex)|}
                    {
                        // The split would declare ex as SmtpException, to which an inner exception cannot be assigned.
                        while (ex.InnerException != null)
                        {
                            ex = ex.InnerException;
                        }

                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """);

        [Fact]
        public Task BaseExceptionText_IsSplitInTwo() => Verify.VerifyWithClassChecksAsync(
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
                        Console.WriteLine(ex.GetBaseException().Message);
                    }
                }
            }
            """,
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
                    catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        // Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.
                        Console.WriteLine(ex.GetBaseException().Message);
                    }
                    catch (SmtpException ex)
                    {
                        // Not a 4yz reply: a 5yz reply is permanent (RFC 5321 §4.2.1); do not send the same message again unchanged.
                        Console.WriteLine(ex.GetBaseException().Message);
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
        public Task FilterThatOnlyKeepsCancellationOut_IsReportedWithoutAFix() => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                private readonly List<string> _errors = new List<string>();

                public async Task<bool> SendAsync(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        await client.SendMailAsync(message);
                        return true;
                    }
                    {|SMTP2001:catch (Exception ex) when (ex is not OperationCanceledException)|}
                    {
                        _errors.Add(ex.Message);
                        return false;
                    }
                }

                public bool Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    {|SMTP2001:catch (Exception ex) when (!(ex is TaskCanceledException) && ex is not (ObjectDisposedException or ArgumentException))|}
                    {
                        _errors.Add(ex.Message);
                        return false;
                    }
                }

                // Type tests that select or exclude SMTP failures decide what the clause receives: not reported.
                public bool Selective(SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); return true; }
                    catch (Exception ex) when (ex is not SmtpException) { _errors.Add(ex.Message); return false; }
                    catch (Exception ex) when (ex is IOException) { _errors.Add(ex.Message); return false; }
                }
            }
            """);
    }
}
