using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer, SmtpAnalyzers.Reliability.FailureSwallowedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Correct code and near misses that must stay free of this rule's diagnostics.</summary>
    public partial class SMTP2001Tests
    {
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
        public Task SendWhoseTaskIsNotObservedInTheTry_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MimeKit;

            sealed class QueuedSender
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                private bool _isBusy;

                // The failure goes to the continuation, which hands it to the caller's Task.
                public Task Enqueue(MailMessage message)
                {
                    var tcs = new TaskCompletionSource<bool>();
                    _isBusy = true;
                    try
                    {
                        _client.SendMailAsync(message).ContinueWith(t =>
                        {
                            if (t.IsFaulted) tcs.SetException(t.Exception!.InnerExceptions);
                            else tcs.SetResult(true);
                        });
                    }
                    catch (Exception) { _isBusy = false; }
                    return tcs.Task;
                }

                // Returned: the caller's await receives the failure.
                public Task Forward(MailMessage message)
                {
                    try { return _client.SendMailAsync(message); }
                    catch (Exception ex) { Console.WriteLine(ex.Message); return Task.CompletedTask; }
                }

                // Discarded (SMTP2004's finding, not this rule's): the catch never sees the reply.
                public void Discard(MailKit.Net.Smtp.SmtpClient client, MimeMessage message)
                {
                    try { _ = client.SendAsync(message); }
                    catch (Exception ex) { Console.WriteLine(ex.Message); }

                    try { client.SendAsync(message).ConfigureAwait(false); }
                    catch (Exception ex) { Console.WriteLine(ex.Message); }
                }
            }
            """);

        [Fact]
        public Task SendWhoseTaskIsAwaitedOrWaitedInTheTry_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            sealed class Sender
            {
                public async Task Awaited(SmtpClient client, MailMessage message)
                {
                    try { await client.SendMailAsync(message).ConfigureAwait(false); }
                    {|SMTP2001:catch (Exception ex)|} { Console.WriteLine(ex.Message); }
                }

                public void Waited(SmtpClient client, MailMessage message)
                {
                    try { client.SendMailAsync(message).Wait(); }
                    {|SMTP2001:catch (Exception ex)|} { Console.WriteLine(ex.Message); }
                }

                // Task.Run awaits the Task its lambda returns.
                public async Task Run(SmtpClient client, MailMessage message)
                {
                    try { await Task.Run(() => client.SendMailAsync(message)); }
                    {|SMTP2001:catch (Exception ex)|} { Console.WriteLine(ex.Message); }
                }
            }
            """);

        [Fact]
        public Task OuterCatchOfANestedTryThatTakesEveryReply_IsQuiet_WhileAPartialInnerCatchLeavesItReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            public class ReportJob
            {
                private readonly List<string> _log = new List<string>();

                public void Run(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try
                    {
                        try { client.Send(message); }
                        {|SMTP2001:catch (System.Net.Mail.SmtpException ex)|} { _log.Add(ex.Message); }
                    }
                    catch (Exception ex) { _log.Add(ex.Message); }
                }

                public async Task RunMailKit(MailKit.Net.Smtp.SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        try { await client.SendAsync(message); }
                        {|SMTP2001:catch (SmtpCommandException ex)|} { _log.Add(ex.Message); }
                    }
                    catch (Exception ex) { _log.Add(ex.Message); }
                }

                // The inner catch takes only failed recipients, or only some replies: the outer one still gets the rest.
                public void Partial(System.Net.Mail.SmtpClient client, MailMessage message, bool quiet)
                {
                    try
                    {
                        try { client.Send(message); }
                        catch (SmtpFailedRecipientException) { throw; }
                    }
                    {|SMTP2001:catch (Exception ex)|} { _log.Add(ex.Message); }

                    try
                    {
                        try { client.Send(message); }
                        catch (System.Net.Mail.SmtpException ex) when (quiet) { _log.Add(ex.StatusCode.ToString()); }
                    }
                    {|SMTP2001:catch (Exception ex)|} { _log.Add(ex.Message); }
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
