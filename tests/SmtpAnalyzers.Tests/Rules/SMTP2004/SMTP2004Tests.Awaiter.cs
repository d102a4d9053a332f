using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.SendOutcomeNotObservedAnalyzer, SmtpAnalyzers.Reliability.SendOutcomeNotObservedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.SendOutcomeNotObservedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary><c>send.GetAwaiter();</c> as a statement: the awaiter is dropped and GetResult never runs, like a discarded Task.</summary>
    public partial class SMTP2004Tests
    {
        [Fact]
        public Task AwaiterDroppedInSyncMethod_IsReportedWithoutAFix() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                private readonly System.Net.Mail.SmtpClient _client = new System.Net.Mail.SmtpClient("smtp.example.org");

                private async Task SendEmailAsync(MailMessage message)
                {
                    await _client.SendMailAsync(message);
                }

                public void Register(MailMessage message, MailKit.Net.Smtp.SmtpClient mailKit, MimeMessage mime)
                {
                    {|SMTP2004:_client.SendMailAsync(message)|}.GetAwaiter();
                    _ = {|SMTP2004:mailKit.SendAsync(mime)|}.GetAwaiter();
                    {|SMTP2004:SendEmailAsync(message)|}.GetAwaiter();
                }
            }
            """);

        [Fact]
        public Task AwaiterDropped_MessageSaysSo() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private Task SendEmailAsync(MailMessage message) => _client.SendMailAsync(message);

                public void Register(MailMessage message)
                {
                    {|#0:_client.SendMailAsync(message)|}.GetAwaiter();
                    {|#1:SendEmailAsync(message)|}.GetAwaiter();
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2004").WithLocation(0).WithArguments("SendMailAsync", "its awaiter is dropped without GetResult()"),
            VerifyAnalyzer.Diagnostic("SMTP2004").WithLocation(1).WithArguments("SendEmailAsync", "its awaiter is dropped without GetResult()"));

        [Fact]
        public Task ConfiguredAwaiterDropped_IsReportedWithoutAFix() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private Task SendEmailAsync(MailMessage message) => _client.SendMailAsync(message);

                public async Task RegisterAsync(MailMessage message)
                {
                    {|SMTP2004:_client.SendMailAsync(message)|}.ConfigureAwait(false).GetAwaiter();
                    _ = {|SMTP2004:SendEmailAsync(message)|}.ConfigureAwait(false).GetAwaiter();
                    _client.SendMailAsync(message).ConfigureAwait(false).GetAwaiter().GetResult();
                    var awaiter = _client.SendMailAsync(message).ConfigureAwait(false).GetAwaiter();
                    awaiter.GetResult();
                    await _client.SendMailAsync(message).ConfigureAwait(false);
                }
            }
            """);

        [Fact]
        public Task AwaiterDroppedInAsyncMethod_IsAwaited() => Verify.VerifyAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private Task SendEmailAsync(MailMessage message) => _client.SendMailAsync(message);

                public async Task RegisterAsync(MailMessage message)
                {
                    {|SMTP2004:_client.SendMailAsync(message)|}.GetAwaiter(); // fire
                    _ = {|SMTP2004:SendEmailAsync(message)|}.GetAwaiter();
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

                public async Task RegisterAsync(MailMessage message)
                {
                    await _client.SendMailAsync(message); // fire
                    // SendEmailAsync sends mail: awaited so that a 4yz or 5yz failure (RFC 5321 §4.2.1) is no longer lost.
                    await SendEmailAsync(message);
                }
            }
            """);

        [Fact]
        public Task AwaiterThatIsUsed_IsNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Http;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");
                private readonly HttpClient _http = new HttpClient();

                public void Register(MailMessage message)
                {
                    _client.SendMailAsync(message).GetAwaiter().GetResult();
                    var awaiter = _client.SendMailAsync(message).GetAwaiter();
                    awaiter.GetResult();
                    _client.SendMailAsync(message).GetAwaiter().OnCompleted(() => Console.WriteLine("done"));
                    _client.SendMailAsync(message).ConfigureAwait(false).GetAwaiter().GetResult();
                    _http.GetAsync("https://example.org").GetAwaiter();
                }
            }
            """);

        [Fact]
        public Task PollyExecuteWhoseTaskIsDiscarded_IsNotReportedForSendsOrWrappers() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;
            using Polly;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private Task SendEmailAsync(MailMessage message) => _client.SendMailAsync(message);

                public void Register(MailMessage message)
                {
                    var policy = Policy.Handle<SmtpException>(ex => (int)ex.StatusCode < 500).RetryAsync(3);
                    _ = policy.ExecuteAsync(() => _client.SendMailAsync(message));
                    _ = policy.ExecuteAsync(() => SendEmailAsync(message));
                }
            }
            """);
    }
}
