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
    /// <summary>Correct code and near misses that must stay free of this rule's diagnostics.</summary>
    public partial class SMTP2004Tests
    {
        [Fact]
        public Task EventBasedSendAsync_SubscribedInAnotherPartOfAPartialType_IsQuiet() => VerifyAnalyzer.VerifyAsync(new[]
        {
            """
            using System.Net.Mail;

            partial class Sender
            {
                void Send(SmtpClient client, MailMessage message) => client.SendAsync(message, null);
            }
            """,
            """
            using System.Net.Mail;

            partial class Sender
            {
                void Wire(SmtpClient client) => client.SendCompleted += (s, e) => System.Console.WriteLine(e.Error);
            }
            """,
        });

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task ObservedSends_AreQuiet(LanguageVersion languageVersion) => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MimeKit;

            class Sender
            {
                Task _pending;

                async Task Awaited(SmtpClient client, MailMessage message, MailKit.Net.Smtp.SmtpClient mailKit, MimeMessage mime)
                {
                    await client.SendMailAsync(message);
                    await client.SendMailAsync(message).ConfigureAwait(false);
                    var reply = await mailKit.SendAsync(mime);
                }

                Task Returned(SmtpClient client, MailMessage message) { return client.SendMailAsync(message); }

                Task ExpressionBodied(SmtpClient client, MailMessage message) => client.SendMailAsync(message);

                Task<string> MailKitReturned(MailKit.Net.Smtp.SmtpClient client, MimeMessage message) => client.SendAsync(message);

                async Task Stored(SmtpClient client, MailMessage message, List<Task> tasks)
                {
                    var task = client.SendMailAsync(message);
                    _pending = client.SendMailAsync(message);
                    tasks.Add(client.SendMailAsync(message));
                    await Task.WhenAll(client.SendMailAsync(message), client.SendMailAsync(message));
                    await task;
                }

                void Continued(SmtpClient client, MailMessage message)
                {
                    client.SendMailAsync(message).ContinueWith(t => Console.WriteLine(t.Exception));
                    client.SendMailAsync(message).Wait();
                    client.SendMailAsync(message).GetAwaiter().GetResult();
                }

                async Task TaskRunObserved(SmtpClient client, MailMessage message)
                {
                    await Task.Run(() => client.SendMailAsync(message));
                    var run = Task.Run(() => client.SendMailAsync(message));
                    await run;
                }

                void Synchronous(SmtpClient client, MailMessage message, MailKit.Net.Smtp.SmtpClient mailKit, MimeMessage mime)
                {
                    client.Send(message);
                    client.Send("a@example.com", "b@example.com", "s", "b");
                    mailKit.Send(mime);
                }
            }
            """,
            languageVersion);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task AsyncVoidThatCatches_IsQuiet(LanguageVersion languageVersion) => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MimeKit;

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

                async void OnOther(MailKit.Net.Smtp.SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        await client.SendAsync(message);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex);
                    }
                }

                async void OnThird(MailKit.Net.Smtp.SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        await client.SendAsync(message);
                    }
                    catch (MailKit.Net.Smtp.SmtpCommandException ex)
                    {
                        Console.WriteLine(ex.StatusCode);
                    }
                }

                void Run(SmtpClient client, MailMessage message)
                {
                    Task.Run(async () =>
                    {
                        try
                        {
                            await client.SendMailAsync(message);
                        }
                        catch (SmtpException ex)
                        {
                            Console.WriteLine(ex);
                        }
                    });
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task SameNamesOnOtherTypes_AreQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Threading.Tasks;

            class SmtpClient
            {
                public Task SendMailAsync(string message) => Task.CompletedTask;
                public Task SendAsync(string message) => Task.CompletedTask;
                public void SendAsync(string message, object token) { }
            }

            class SesClient
            {
                public Task SendMailAsync(object request) => Task.CompletedTask;
            }

            class Sender
            {
                void Send(SmtpClient client, SesClient ses)
                {
                    client.SendMailAsync("m");
                    _ = client.SendAsync("m");
                    client.SendAsync("m", null);
                    ses.SendMailAsync(null);
                    Task.Run(() => client.SendMailAsync("m"));
                }
            }
            """);
    }
}
