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
    public class SMTP2004Tests
    {
        // (a) discarded Task, with the await fix

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

        // (b) Task.Run and async void

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task TaskRunWhoseTaskIsDiscarded_IsReported(LanguageVersion languageVersion) => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MimeKit;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message, MailKit.Net.Smtp.SmtpClient mailKit, MimeMessage mime)
                {
                    Task.Run(() => {|SMTP2004:client.SendMailAsync(message)|});
                    _ = Task.Run(() => {|SMTP2004:mailKit.SendAsync(mime)|});
                    Task.Run(async () => await {|SMTP2004:client.SendMailAsync(message)|});
                    Task.Run(async () =>
                    {
                        await {|SMTP2004:client.SendMailAsync(message)|}.ConfigureAwait(false);
                    });
                }
            }
            """,
            languageVersion);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task AwaitedInAsyncVoidWithoutCatch_IsReported(LanguageVersion languageVersion) => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.IO;
            using System.Net.Mail;
            using MimeKit;

            class Sender
            {
                public event EventHandler Clicked;

                async void OnClick(object sender, EventArgs e)
                {
                    var client = new SmtpClient();
                    await {|SMTP2004:client.SendMailAsync(new MailMessage())|};
                }

                async void WrongCatch(MailKit.Net.Smtp.SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        await {|SMTP2004:client.SendAsync(message)|};
                    }
                    catch (ArgumentException)
                    {
                    }
                }

                void Wire(SmtpClient client, MailMessage message)
                {
                    Clicked += async (s, e) => await {|SMTP2004:client.SendMailAsync(message)|};
                }
            }
            """,
            languageVersion);

        // (c) event-based SendAsync

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

        [Fact]
        public Task EventBasedSendAsync_InATypeThatSubscribes_IsQuiet_OtherTypeStillReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.ComponentModel;
            using System.Net.Mail;

            class Subscribed
            {
                readonly SmtpClient _client = new SmtpClient();

                Subscribed() => _client.SendCompleted += OnCompleted;

                void Send(MailMessage message) => _client.SendAsync(message, message);

                void OnCompleted(object sender, AsyncCompletedEventArgs e)
                {
                    if (e.Error != null) { }
                }
            }

            class NotSubscribed
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    client.SendCompleted -= (s, e) => { };
                    {|SMTP2004:client.SendAsync(message, null)|};
                }
            }
            """);

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

        [Fact]
        public Task EventBasedSendAsync_WithAHandlerThatNeverReadsError_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.ComponentModel;
            using System.Net.Mail;

            class LambdaHandler
            {
                readonly SmtpClient _client = new SmtpClient();

                LambdaHandler() => _client.SendCompleted += (s, e) => Console.WriteLine(e.Cancelled ? "cancelled" : "done");

                void Send(MailMessage message) => {|#0:_client.SendAsync(message, null)|};
            }

            class MethodHandler
            {
                readonly SmtpClient _client = new SmtpClient();

                MethodHandler() => _client.SendCompleted += OnCompleted;

                void Send(MailMessage message) => {|#1:_client.SendAsync(message, message)|};

                void OnCompleted(object sender, AsyncCompletedEventArgs e) => ((IDisposable)e.UserState).Dispose();
            }

            class HandsArgumentsOn
            {
                readonly SmtpClient _client = new SmtpClient();

                HandsArgumentsOn() => _client.SendCompleted += (s, e) => Completed?.Invoke(e);

                public event Action<AsyncCompletedEventArgs> Completed;

                void Send(MailMessage message) => _client.SendAsync(message, null);
            }
            """,
            LanguageVersion.Latest,
            new DiagnosticResult("SMTP2004", DiagnosticSeverity.Warning).WithLocation(0)
                .WithMessage("The outcome of 'SendAsync' is never observed: the SendCompleted handler attached in this type never reads e.Error, so a 4yz or 5yz reply is lost"),
            new DiagnosticResult("SMTP2004", DiagnosticSeverity.Warning).WithLocation(1)
                .WithMessage("The outcome of 'SendAsync' is never observed: the SendCompleted handler attached in this type never reads e.Error, so a 4yz or 5yz reply is lost"));

        [Fact]
        public Task FireAndForgetHelper_WithoutAnExceptionHandler_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            static class TaskExtensions
            {
                public static void Forget(this Task task) { }

                public static void SafeFireAndForget(this Task task, Action<Exception> onException) => task.ContinueWith(t => onException(t.Exception));
            }

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    {|SMTP2004:client.SendMailAsync(message)|}.Forget();
                    client.SendMailAsync(message).SafeFireAndForget(ex => Console.WriteLine(ex));
                    Track(client.SendMailAsync(message));
                }

                void Track(Task task) { }
            }
            """);

        // Must stay quiet

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
