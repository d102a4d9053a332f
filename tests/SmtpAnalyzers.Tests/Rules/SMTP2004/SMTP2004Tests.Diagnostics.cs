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
    /// <summary>Where the rule reports, at exact spans.</summary>
    public partial class SMTP2004Tests
    {
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
    }
}
