using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.SendOutcomeNotObservedAnalyzer, SmtpAnalyzers.Reliability.SendOutcomeNotObservedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.SendOutcomeNotObservedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Fire-and-forget one call away: the Task of the application's own send wrapper goes nowhere.</summary>
    public partial class SMTP2004Tests
    {
        [Fact]
        public Task WrapperTaskDiscarded_IsReportedAtTheWrapperCall() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                public async Task SendEmailAsync(MailMessage message)
                {
                    await _client.SendMailAsync(message);
                }

                public Task SendWelcomeAsync(MailMessage message) => SendEmailAsync(message);

                public void Register(MailMessage message)
                {
                    _ = {|#0:SendEmailAsync(message)|};
                    {|#1:SendWelcomeAsync(message)|};
                    Task.Run(() => {|#3:SendEmailAsync(message)|});
                }

                public async void OnClick(MailMessage message)
                {
                    await {|#2:SendEmailAsync(message)|};
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2004").WithLocation(0).WithArguments("SendEmailAsync", "its Task is discarded"),
            VerifyAnalyzer.Diagnostic("SMTP2004").WithLocation(1).WithArguments("SendWelcomeAsync", "its Task is discarded"),
            VerifyAnalyzer.Diagnostic("SMTP2004").WithLocation(2).WithArguments("SendEmailAsync", "it is awaited in an async void method that does not catch its exception"),
            VerifyAnalyzer.Diagnostic("SMTP2004").WithLocation(3).WithArguments("SendEmailAsync", "it runs in a Task.Run whose Task is discarded"));

        [Fact]
        public Task WrapperTaskDiscardedInAsyncMethod_IsAwaited() => Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient();

                private async Task SendEmailAsync(MimeMessage message)
                {
                    await _client.SendAsync(message);
                }

                public async Task RegisterAsync(MimeMessage message)
                {
                    {|SMTP2004:SendEmailAsync(message)|};
                    await Task.Delay(10);
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient();

                private async Task SendEmailAsync(MimeMessage message)
                {
                    await _client.SendAsync(message);
                }

                public async Task RegisterAsync(MimeMessage message)
                {
                    // SendEmailAsync sends mail: awaited so that a 4yz or 5yz failure (RFC 5321 §4.2.1) is no longer lost.
                    await SendEmailAsync(message);
                    await Task.Delay(10);
                }
            }
            """);

        [Fact]
        public Task TasksThatDoNotCarryASendFailure_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Http;
            using System.Net.Mail;
            using System.Threading.Tasks;

            interface IEmailSender
            {
                Task SendEmailAsync(MailMessage message);
            }

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");
                private readonly HttpClient _http = new HttpClient();

                // Catches and logs the exception object itself: the outcome is observed inside.
                private async Task SendAndLogAsync(MailMessage message)
                {
                    try
                    {
                        await _client.SendMailAsync(message);
                    }
                    catch (Exception ex)
                    {
                        Log(ex);
                    }
                }

                // Not async: the send's failure is thrown to the caller before any Task exists.
                private Task SendNow(MailMessage message)
                {
                    _client.Send(message);
                    return Task.CompletedTask;
                }

                // Another library's "send".
                private async Task SendEmailAsync(string body)
                {
                    await _http.PostAsync("https://api.example.org/mail", new StringContent(body));
                }

                private static void Log(Exception exception) => Console.WriteLine(exception);

                public void Register(MailMessage message, IEmailSender sender)
                {
                    _ = SendAndLogAsync(message);
                    _ = SendNow(message);
                    _ = SendEmailAsync("hello");
                    _ = sender.SendEmailAsync(message);
                }
            }
            """);
    }
}
