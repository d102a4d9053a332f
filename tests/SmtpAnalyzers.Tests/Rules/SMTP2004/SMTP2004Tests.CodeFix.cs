using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.SendOutcomeNotObservedAnalyzer, SmtpAnalyzers.Reliability.SendOutcomeNotObservedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.SendOutcomeNotObservedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>The fixed code, one fix and fix-all, and the shapes that get no fix.</summary>
    public partial class SMTP2004Tests
    {
        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task SystemNetMail_DiscardedInAsyncMethod_IsAwaited(LanguageVersion languageVersion) => Verify.VerifyAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                async Task Send(SmtpClient client, MailMessage message)
                {
                    // send it
                    {|SMTP2004:client.SendMailAsync(message)|}; // fire
                    _ = {|SMTP2004:client.SendMailAsync("a@example.com", "b@example.com", "s", "b")|};
                }
            }
            """,
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                async Task Send(SmtpClient client, MailMessage message)
                {
                    // send it
                    await client.SendMailAsync(message); // fire
                    await client.SendMailAsync("a@example.com", "b@example.com", "s", "b");
                }
            }
            """,
            languageVersion);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task MailKit_DiscardedInAsyncMethodAndLocalFunction_IsAwaited(LanguageVersion languageVersion) => Verify.VerifyAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Sender
            {
                async Task<int> Send(SmtpClient client, ISmtpClient smtp, IMailTransport transport, MimeMessage message, CancellationToken ct)
                {
                    {|SMTP2004:client.SendAsync(message, ct)|};
                    _ = {|SMTP2004:smtp.SendAsync(message)|};
                    async Task Local()
                    {
                        {|SMTP2004:transport.SendAsync(message)|};
                    }

                    await Local();
                    return 1;
                }
            }
            """,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Sender
            {
                async Task<int> Send(SmtpClient client, ISmtpClient smtp, IMailTransport transport, MimeMessage message, CancellationToken ct)
                {
                    await client.SendAsync(message, ct);
                    await smtp.SendAsync(message);
                    async Task Local()
                    {
                        await transport.SendAsync(message);
                    }

                    await Local();
                    return 1;
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task DiscardedInAsyncLambda_IsAwaited() => Verify.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                Func<Task> Make(SmtpClient client, MailMessage message) => async () =>
                {
                    {|SMTP2004:client.SendMailAsync(message)|};
                };
            }
            """,
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                Func<Task> Make(SmtpClient client, MailMessage message) => async () =>
                {
                    await client.SendMailAsync(message);
                };
            }
            """);

        [Fact]
        public Task FixAll_AwaitsEverySendInTheDocument() => Verify.VerifyAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                async Task One(SmtpClient client, MailMessage message)
                {
                    {|SMTP2004:client.SendMailAsync(message)|};
                    {|SMTP2004:client.SendMailAsync(message)|};
                }

                async Task Two(SmtpClient client, MailMessage message)
                {
                    _ = {|SMTP2004:client.SendMailAsync(message)|};
                }
            }
            """,
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                async Task One(SmtpClient client, MailMessage message)
                {
                    await client.SendMailAsync(message);
                    await client.SendMailAsync(message);
                }

                async Task Two(SmtpClient client, MailMessage message)
                {
                    await client.SendMailAsync(message);
                }
            }
            """);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task DiscardedInNonAsyncMethod_IsReportedWithoutFix(LanguageVersion languageVersion) => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MimeKit;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    {|SMTP2004:client.SendMailAsync(message)|};
                    _ = {|SMTP2004:client.SendMailAsync(message)|};
                }

                void SendMailKit(MailKit.Net.Smtp.SmtpClient client, MimeMessage message) => {|SMTP2004:client.SendAsync(message)|};

                Action Later(SmtpClient client, MailMessage message) => () => {|SMTP2004:client.SendMailAsync(message)|};

                void Maybe(SmtpClient client, MailMessage message)
                {
                    {|SMTP2004:client?.SendMailAsync(message)|};
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task DiscardedInAsyncVoidWithoutCatch_IsReportedWithoutFix() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                async void OnClick(object sender, System.EventArgs e)
                {
                    var client = new SmtpClient();
                    {|SMTP2004:client.SendMailAsync(new MailMessage())|};
                }
            }
            """);

        [Fact]
        public Task DiscardedInAsyncVoidInsideACatchingTry_IsAwaited() => Verify.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                async void OnClick(object sender, EventArgs e)
                {
                    try
                    {
                        {|SMTP2004:new SmtpClient().SendMailAsync(new MailMessage())|};
                    }
                    catch (SmtpException ex)
                    {
                        Console.WriteLine(ex.StatusCode);
                    }
                }
            }
            """,
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                async void OnClick(object sender, EventArgs e)
                {
                    try
                    {
                        await new SmtpClient().SendMailAsync(new MailMessage());
                    }
                    catch (SmtpException ex)
                    {
                        Console.WriteLine(ex.StatusCode);
                    }
                }
            }
            """);

        [Fact]
        public Task DiscardedInsideLock_IsReportedWithoutFix() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                readonly object _gate = new object();

                async Task Send(SmtpClient client, MailMessage message)
                {
                    lock (_gate)
                    {
                        {|SMTP2004:client.SendMailAsync(message)|};
                    }

                    await Task.Yield();
                }
            }
            """);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task EventBasedSendAsyncWithoutSendCompleted_IsReportedWithoutFix(LanguageVersion languageVersion) => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    {|SMTP2004:client.SendAsync(message, null)|};
                    {|SMTP2004:client.SendAsync("a@example.com", "b@example.com", "s", "b", "token")|};
                }
            }
            """,
            languageVersion);
    }
}
