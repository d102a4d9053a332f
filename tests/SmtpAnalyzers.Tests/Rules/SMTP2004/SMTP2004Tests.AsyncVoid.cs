using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.SendOutcomeNotObservedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>
    /// Failures thrown at the call in an async void function: a synchronous send, or a call to a synchronous send wrapper.
    /// The async void function hands them to the synchronization context, as it does an awaited send's failure.
    /// </summary>
    public partial class SMTP2004Tests
    {
        [Fact]
        public Task SyncSendsAndSyncWrappersInAsyncVoid_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MimeKit;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");
                private readonly MailKit.Net.Smtp.SmtpClient _mailKit = new MailKit.Net.Smtp.SmtpClient();

                public event EventHandler Clicked;

                private void SendEmail(MailMessage message) => _client.Send(message);

                private bool Deliver(MimeMessage message)
                {
                    _mailKit.Send(message);
                    return true;
                }

                public async void OnClick(MailMessage message, MimeMessage mime)
                {
                    await Task.Delay(10);
                    {|#0:_client.Send(message)|};
                    {|#1:SendEmail(message)|};
                    if ({|#2:Deliver(mime)|})
                    {
                        Console.WriteLine("sent");
                    }
                }

                public void Wire(MailMessage message)
                {
                    Clicked += async (s, e) =>
                    {
                        await Task.Yield();
                        {|#3:SendEmail(message)|};
                    };

                    async void Local()
                    {
                        await Task.Yield();
                        {|#4:SendEmail(message)|};
                    }

                    Local();
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2004").WithLocation(0).WithArguments("Send", "it is called in an async void method that does not catch its exception"),
            VerifyAnalyzer.Diagnostic("SMTP2004").WithLocation(1).WithArguments("SendEmail", "it is called in an async void method that does not catch its exception"),
            VerifyAnalyzer.Diagnostic("SMTP2004").WithLocation(2).WithArguments("Deliver", "it is called in an async void method that does not catch its exception"),
            VerifyAnalyzer.Diagnostic("SMTP2004").WithLocation(3).WithArguments("SendEmail", "it is called in an async void lambda that does not catch its exception"),
            VerifyAnalyzer.Diagnostic("SMTP2004").WithLocation(4).WithArguments("SendEmail", "it is called in an async void local function that does not catch its exception"));

        [Fact]
        public Task SyncSendsAndWrappersWhoseFailureIsCaughtOrGoesElsewhere_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");
                private readonly HttpClient _http = new HttpClient();

                private void SendEmail(MailMessage message) => _client.Send(message);

                // Hands the failure on: not a wrapper.
                private void SendOrReport(MailMessage message, Action<Exception> onError)
                {
                    try
                    {
                        _client.Send(message);
                    }
                    catch (Exception ex)
                    {
                        onError(ex);
                    }
                }

                // Another library's "send".
                private void SendSms(string text) => _http.PostAsync("https://sms.example.org", new StringContent(text)).GetAwaiter().GetResult();

                // Runs later, when enumerated.
                private IEnumerable<int> SendAll(IEnumerable<MailMessage> messages)
                {
                    foreach (var message in messages)
                    {
                        _client.Send(message);
                        yield return 1;
                    }
                }

                public async void OnClick(MailMessage message, List<MailMessage> messages)
                {
                    await Task.Delay(10);
                    try
                    {
                        _client.Send(message);
                        SendEmail(message);
                    }
                    catch (SmtpException ex)
                    {
                        Console.WriteLine(ex.StatusCode);
                    }

                    try
                    {
                        SendEmail(message);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex);
                    }

                    SendOrReport(message, ex => Console.WriteLine(ex));
                    SendSms("hello");
                    SendAll(messages);
                    messages.ForEach(m => SendEmail(m));
                    await Task.Run(() => SendEmail(message)).ContinueWith(t => Console.WriteLine(t.Exception));
                }

                // Sends synchronously, then returns a finished Task: not a Task that carries the failure.
                private Task SendNow(MailMessage message)
                {
                    _client.Send(message);
                    return Task.CompletedTask;
                }

                public async void OnSubmit(MailMessage message)
                {
                    await SendNow(message);
                }

                // Not async void: the failure reaches the caller.
                public void OnTick(MailMessage message)
                {
                    _client.Send(message);
                    SendEmail(message);
                }

                public async Task OnTickAsync(MailMessage message)
                {
                    await Task.Delay(10);
                    _client.Send(message);
                    SendEmail(message);
                }
            }
            """);
    }
}
