using System.Threading.Tasks;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer, SmtpAnalyzers.Reliability.FailureSwallowedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Sends behind the application's own wrappers: the catch around the wrapper call is where the reply is lost.</summary>
    public partial class SMTP2001Tests
    {
        [Fact]
        public Task WrapperOneCallDeep_CatchAroundTheCall_IsReportedThroughTheWrapper() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Notifications
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");
                private readonly List<string> _errors = new List<string>();

                public async Task SendEmailAsync(MailMessage message)
                {
                    await _client.SendMailAsync(message);
                }

                public async Task NotifyAsync(MailMessage message)
                {
                    try
                    {
                        await SendEmailAsync(message);
                    }
                    {|#0:catch (Exception ex)|}
                    {
                        _errors.Add(ex.Message);
                    }
                }
            }
            """,
            Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2001").WithLocation(0).WithArguments("Exception", " through 'SendEmailAsync'"));

        [Fact]
        public Task WrapperTwoCallsDeep_AcrossFiles_NamesThePath() => VerifyAnalyzer.VerifyFilesAsync(
            new[]
            {
                """
                using System;
                using System.Threading.Tasks;

                class Registration
                {
                    private readonly Mailer _mailer = new Mailer();

                    public async Task<bool> RegisterAsync(string address)
                    {
                        try
                        {
                            await _mailer.SendWelcomeAsync(address);
                            return true;
                        }
                        {|#0:catch|}
                        {
                            return false;
                        }
                    }
                }
                """,
                """
                using System.Net.Mail;
                using System.Threading.Tasks;

                class Mailer
                {
                    private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                    public Task SendWelcomeAsync(string address)
                        => SendEmailAsync(new MailMessage("noreply@example.org", address, "Welcome", "Hello"));

                    private async Task SendEmailAsync(MailMessage message)
                    {
                        using (message)
                        {
                            await _client.SendMailAsync(message);
                        }
                    }
                }
                """,
            },
            VerifyAnalyzer.Diagnostic("SMTP2001").WithLocation(0).WithArguments("every exception", " through 'SendWelcomeAsync' and 'SendEmailAsync'"));

        [Fact]
        public Task WrapperThatCatchesAndReturnsFalse_IsReportedInsideTheWrapperOnly() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                public bool SendEmail(MailMessage message)
                {
                    try
                    {
                        _client.Send(message);
                        return true;
                    }
                    {|#0:catch (Exception ex)|}
                    {
                        Console.WriteLine(ex.Message);
                        return false;
                    }
                }

                public void Notify(MailMessage message)
                {
                    try
                    {
                        if (!SendEmail(message))
                        {
                            Console.WriteLine("not sent");
                        }
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """,
            Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2001").WithLocation(0).WithArguments("Exception", string.Empty));

        [Fact]
        public Task WrapperThatWrapsWithoutTheReply_IsReportedInsideTheWrapperOnly() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using MailKit.Net.Smtp;
            using MimeKit;

            class MailDeliveryException : Exception
            {
                public MailDeliveryException(string message) : base(message) { }
            }

            class Mailer
            {
                public void SendEmail(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch (SmtpCommandException)|}
                    {
                        throw new MailDeliveryException("The mail could not be sent.");
                    }
                }

                public void Notify(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        SendEmail(client, message);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """);

        [Fact]
        public Task WrapperThatRethrows_IsStillAWrapper() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                public void SendEmail(MailMessage message)
                {
                    try
                    {
                        _client.Send(message);
                    }
                    catch (SmtpException ex)
                    {
                        Console.WriteLine("send failed: " + ex.Message);
                        throw;
                    }
                }

                public void Notify(MailMessage message)
                {
                    try
                    {
                        SendEmail(message);
                    }
                    {|#0:catch (SmtpException ex)|}
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """,
            Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2001").WithLocation(0).WithArguments("SmtpException", " through 'SendEmail'"));

        [Fact]
        public Task LocalFunctionWrapper_IsFollowed() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                public async Task NotifyAsync(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        await SendAsync();
                    }
                    {|#0:catch (Exception ex)|}
                    {
                        Console.WriteLine(ex.Message);
                    }

                    async Task SendAsync()
                    {
                        await client.SendAsync(message);
                    }
                }
            }
            """,
            Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2001").WithLocation(0).WithArguments("Exception", " through 'SendAsync'"));

        [Fact]
        public Task AwaitedTaskRunInTry_FailureReachesTheCatch() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                public async Task NotifyAsync(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        await Task.Run(() => client.SendMailAsync(message)).ConfigureAwait(false);
                    }
                    {|#0:catch (Exception ex)|}
                    {
                        Console.WriteLine(ex.Message);
                    }

                    try
                    {
                        _ = Task.Run(() => client.SendMailAsync(message));
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }

                public Task ReturnsAsync(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        // The Task fails after the try has been left: its catch never sees the failure.
                        return Task.Run(() => client.SendMailAsync(message));
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                        return Task.CompletedTask;
                    }
                }
            }
            """,
            Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2001").WithLocation(0).WithArguments("Exception", string.Empty));

        [Fact]
        public Task WrapperFourCallsDeep_IsBeyondTheDepthLimit() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                void Level1(MailMessage m) => Level2(m);
                void Level2(MailMessage m) => Level3(m);
                void Level3(MailMessage m) => _client.Send(m);
                void Level0(MailMessage m) => Level1(m);

                public void ThreeDeep(MailMessage message)
                {
                    try
                    {
                        Level1(message);
                    }
                    {|#0:catch (Exception ex)|}
                    {
                        Console.WriteLine(ex.Message);
                    }
                }

                public void FourDeep(MailMessage message)
                {
                    try
                    {
                        Level0(message);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """,
            Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2001").WithLocation(0).WithArguments("Exception", " through 'Level1' and 'Level2' and 'Level3'"));

        [Fact]
        public Task WrapperCall_GetsTheSameFixAsADirectSend() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private Task SendEmailAsync(MailMessage message) => _client.SendMailAsync(message);

                public async Task NotifyAsync(MailMessage message)
                {
                    try
                    {
                        await SendEmailAsync(message);
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

                public async Task NotifyAsync(MailMessage message)
                {
                    try
                    {
                        await SendEmailAsync(message);
                    }
                    catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        // SendEmailAsync sends mail: its SMTP failures arrive in this catch.
                        // Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.
                        Console.WriteLine(ex.Message);
                    }
                    catch (Exception ex)
                    {
                        // SendEmailAsync sends mail: its SMTP failures arrive in this catch.
                        // Permanent SMTP failures (5yz, RFC 5321 §4.2.1) and every other error arrive here: do not send the same message again unchanged.
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """);
        [Fact]
        public Task CatchOfExceptionWithoutVariable_AroundAWrapper_GetsANamedTransientClause() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private void SendEmail(MailMessage message) => _client.Send(message);

                public bool TryNotify(MailMessage message)
                {
                    try
                    {
                        SendEmail(message);
                        return true;
                    }
                    {|SMTP2001:catch (Exception)|}
                    {
                        return false;
                    }
                }
            }
            """,
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private void SendEmail(MailMessage message) => _client.Send(message);

                public bool TryNotify(MailMessage message)
                {
                    try
                    {
                        SendEmail(message);
                        return true;
                    }
                    catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        // SendEmail sends mail: its SMTP failures arrive in this catch.
                        // Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.
                        return false;
                    }
                    catch (Exception)
                    {
                        // SendEmail sends mail: its SMTP failures arrive in this catch.
                        // Permanent SMTP failures (5yz, RFC 5321 §4.2.1) and every other error arrive here: do not send the same message again unchanged.
                        return false;
                    }
                }
            }
            """);
    }
}
