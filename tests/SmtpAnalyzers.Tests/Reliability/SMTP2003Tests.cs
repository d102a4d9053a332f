using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.PartialRecipientFailureAnalyzer, SmtpAnalyzers.Reliability.PartialRecipientFailureCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.PartialRecipientFailureAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    public class SMTP2003Tests
    {
        // (1) a catch of the plural type with no catch of the singular one

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task SingleFailureEscapes_SyncSend_InsertsRethrowingCatch(LanguageVersion languageVersion) => Verify.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2003:catch (SmtpFailedRecipientsException ex)|}
                    {
                        foreach (var failed in ex.InnerExceptions)
                        {
                            Console.WriteLine(failed.FailedRecipient + " " + failed.StatusCode);
                        }
                    }
                }
            }
            """,
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        foreach (var failed in ex.InnerExceptions)
                        {
                            Console.WriteLine(failed.FailedRecipient + " " + failed.StatusCode);
                        }
                    }
                    catch (SmtpFailedRecipientException)
                    {
                        // Exactly one recipient was rejected; in a message with several recipients the others already received it.
                        // Read FailedRecipient and StatusCode here (4yz: retry that recipient later; 5yz: do not retry it unchanged).
                        // Until then the exception propagates as it did before this catch was added.
                        throw;
                    }
                }
            }
            """,
            languageVersion);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task SingleFailureEscapes_AsyncSendWithFilterAndUnrelatedLaterCatch_InsertsRethrowingCatch(LanguageVersion languageVersion) => Verify.VerifyAsync(
            """
            using System;
            using System.IO;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                async Task SendAsync(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        await client.SendMailAsync(message);
                    }
                    {|SMTP2003:catch (SmtpFailedRecipientsException ex)|} when (ex.InnerExceptions.Length > 1)
                    {
                        Retry(ex.InnerExceptions);
                    }
                    catch (IOException)
                    {
                    }
                }

                void Retry(SmtpFailedRecipientException[] failures) { }
            }
            """,
            """
            using System;
            using System.IO;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                async Task SendAsync(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        await client.SendMailAsync(message);
                    }
                    catch (SmtpFailedRecipientsException ex) when (ex.InnerExceptions.Length > 1)
                    {
                        Retry(ex.InnerExceptions);
                    }
                    catch (SmtpFailedRecipientException)
                    {
                        // Exactly one recipient was rejected; in a message with several recipients the others already received it.
                        // Read FailedRecipient and StatusCode here (4yz: retry that recipient later; 5yz: do not retry it unchanged).
                        // Until then the exception propagates as it did before this catch was added.
                        throw;
                    }
                    catch (IOException)
                    {
                    }
                }

                void Retry(SmtpFailedRecipientException[] failures) { }
            }
            """,
            languageVersion);

        [Fact]
        public Task FixAll_InsertsACatchInEveryTry() => Verify.VerifyAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                void One(SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); }
                    {|SMTP2003:catch (SmtpFailedRecipientsException ex)|} { Handle(ex); }
                }

                async Task Two(SmtpClient client, MailMessage message)
                {
                    try { await client.SendMailAsync(message); }
                    {|SMTP2003:catch (SmtpFailedRecipientsException ex)|} { Handle(ex); }
                }

                void Handle(SmtpFailedRecipientsException ex) { }
            }
            """,
            """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                void One(SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); }
                    catch (SmtpFailedRecipientsException ex) { Handle(ex); }
                    catch (SmtpFailedRecipientException)
                    {
                        // Exactly one recipient was rejected; in a message with several recipients the others already received it.
                        // Read FailedRecipient and StatusCode here (4yz: retry that recipient later; 5yz: do not retry it unchanged).
                        // Until then the exception propagates as it did before this catch was added.
                        throw;
                    }
                }

                async Task Two(SmtpClient client, MailMessage message)
                {
                    try { await client.SendMailAsync(message); }
                    catch (SmtpFailedRecipientsException ex) { Handle(ex); }
                    catch (SmtpFailedRecipientException)
                    {
                        // Exactly one recipient was rejected; in a message with several recipients the others already received it.
                        // Read FailedRecipient and StatusCode here (4yz: retry that recipient later; 5yz: do not retry it unchanged).
                        // Until then the exception propagates as it did before this catch was added.
                        throw;
                    }
                }

                void Handle(SmtpFailedRecipientsException ex) { }
            }
            """);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task SingleFailureGoesToGeneralHandler_IsReportedWithoutFix(LanguageVersion languageVersion) => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2003:catch (SmtpFailedRecipientsException ex)|}
                    {
                        Handle(ex);
                    }
                    catch (SmtpException ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }

                async Task SendAsync(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        await client.SendMailAsync("a@example.com", "b@example.com, c@example.com", "s", "b");
                    }
                    {|SMTP2003:catch (SmtpFailedRecipientsException ex)|}
                    {
                        Handle(ex);
                    }
                    catch (Exception ex) when (ex.Message.Length > 0)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }

                void Untyped(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2003:catch (SmtpFailedRecipientsException ex)|}
                    {
                        Handle(ex);
                    }
                    catch
                    {
                    }
                }

                void Handle(SmtpFailedRecipientsException ex) { }
            }
            """,
            languageVersion);

        // (2) a plural catch that ignores InnerExceptions

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task PluralStatusCode_IsReported(LanguageVersion languageVersion) => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                async Task<bool> SendAsync(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        await client.SendMailAsync(message);
                        return true;
                    }
                    catch (SmtpFailedRecipientsException ex) when ({|SMTP2003:ex.StatusCode|} == SmtpStatusCode.MailboxBusy)
                    {
                        return false;
                    }
                    catch (SmtpFailedRecipientException ex)
                    {
                        Console.WriteLine(ex.FailedRecipient);
                        return false;
                    }
                }

                bool Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        Console.WriteLine("failed: " + {|SMTP2003:ex.StatusCode|});
                        return false;
                    }
                    catch (SmtpFailedRecipientException)
                    {
                        return false;
                    }
                }
            }
            """,
            languageVersion);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task PluralCatchWithoutInnerExceptions_IsReported(LanguageVersion languageVersion) => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                string Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return "sent";
                    }
                    catch ({|SMTP2003:SmtpFailedRecipientsException|} ex)
                    {
                        return "some recipients failed: " + ex.Message;
                    }
                    catch (SmtpFailedRecipientException ex) when (ex.FailedRecipient != null)
                    {
                        return ex.FailedRecipient;
                    }
                    catch (SmtpException)
                    {
                        throw;
                    }
                }

                void Quiet(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch ({|SMTP2003:SmtpFailedRecipientsException|})
                    {
                    }
                    catch (SmtpFailedRecipientException)
                    {
                    }
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task PluralCatchWithBothProblems_ReportsBoth() => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2003:catch ({|SMTP2003:SmtpFailedRecipientsException|} ex)|}
                    {
                        Console.WriteLine(ex.Message);
                    }
                    catch (SmtpException ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """);

        // (3) re-sending the same message after a recipient failure

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task ResendOfTheSameMessage_IsReported(LanguageVersion languageVersion) => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;
            using System.Threading;
            using System.Threading.Tasks;

            class Sender
            {
                private readonly MailMessage _message = new MailMessage();

                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        foreach (var failed in ex.InnerExceptions)
                        {
                            if (failed.StatusCode == SmtpStatusCode.MailboxBusy)
                            {
                                Thread.Sleep(5000);
                                {|SMTP2003:client.Send(message)|};
                            }
                        }
                    }
                    catch (SmtpFailedRecipientException ex) when (ex.StatusCode == SmtpStatusCode.MailboxBusy)
                    {
                        {|SMTP2003:client.Send(message)|};
                    }
                }

                async Task SendAsync(SmtpClient client)
                {
                    try
                    {
                        await client.SendMailAsync(this._message);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        foreach (var failed in ex.InnerExceptions)
                        {
                            await Task.Delay(1000);
                        }

                        await {|SMTP2003:client.SendMailAsync(_message)|};
                    }
                    catch (SmtpFailedRecipientException)
                    {
                        throw;
                    }
                }
            }
            """,
            languageVersion);

        // (4) MailKit: a catch of SmtpCommandException that reads neither ErrorCode nor Mailbox

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task MailKitCommandExceptionWithoutDispatch_IsReported(LanguageVersion languageVersion) => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Sender
            {
                void Send(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch ({|SMTP2003:SmtpCommandException|} ex)
                    {
                        Console.WriteLine("send failed: " + ex.Message);
                    }
                }

                async Task<bool> SendAsync(ISmtpClient client, MimeMessage message)
                {
                    try
                    {
                        await client.SendAsync(message);
                        return true;
                    }
                    catch ({|SMTP2003:SmtpCommandException|} ex) when (ex.StatusCode == SmtpStatusCode.MailboxBusy)
                    {
                        return false;
                    }
                }
            }
            """,
            languageVersion);

        // Quiet code

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task CorrectSystemNetMailHandling_IsQuiet(LanguageVersion languageVersion) => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                private readonly List<string> _retryLater = new List<string>();

                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        foreach (var failed in ex.InnerExceptions)
                        {
                            Record(failed);
                        }
                    }
                    catch (SmtpFailedRecipientException ex)
                    {
                        Record(ex);
                    }
                    catch (SmtpException ex)
                    {
                        Console.WriteLine(ex.StatusCode);
                    }
                }

                async Task LogAndRethrow(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        await client.SendMailAsync(message);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        Console.Error.WriteLine(ex);
                        throw;
                    }
                }

                void Wrap(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        throw new InvalidOperationException("Some recipients failed.", ex);
                    }
                    catch (SmtpFailedRecipientException ex)
                    {
                        throw new InvalidOperationException("One recipient failed.", ex);
                    }
                }

                void GeneralHandlerTestsForTheSingleFailure(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        foreach (var failed in ex.InnerExceptions)
                        {
                            Record(failed);
                        }
                    }
                    catch (SmtpException ex)
                    {
                        if (ex is SmtpFailedRecipientException single)
                        {
                            Record(single);
                        }
                    }
                }

                void ResendToTheFailedOnly(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        message.To.Clear();
                        foreach (var failed in ex.InnerExceptions)
                        {
                            message.To.Add(failed.FailedRecipient.Trim('<', '>'));
                        }

                        client.Send(message);
                    }
                    catch (SmtpFailedRecipientException ex)
                    {
                        Record(ex);
                    }
                }

                void NoSendInTheTry(SmtpClient client, MailMessage message)
                {
                    client.Send(message);
                    try
                    {
                        Console.WriteLine("sent");
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        Console.WriteLine(ex.StatusCode);
                    }
                }

                void SendInALambdaOnly(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        Action later = () => client.Send(message);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        Console.WriteLine(ex.StatusCode);
                    }
                }

                void EventBasedSend(SmtpClient client, MailMessage message)
                {
                    client.SendCompleted += (s, e) => Console.WriteLine(e.Error);
                    try
                    {
                        client.SendAsync(message, null);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        Console.WriteLine(ex.StatusCode);
                    }
                }

                void Record(SmtpFailedRecipientException failure) => _retryLater.Add(failure.FailedRecipient);
            }
            """,
            languageVersion);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task CorrectMailKitHandling_IsQuiet(LanguageVersion languageVersion) => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Sender
            {
                async Task<string> Dispatch(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        return await client.SendAsync(message);
                    }
                    catch (SmtpCommandException ex)
                    {
                        switch (ex.ErrorCode)
                        {
                            case SmtpErrorCode.RecipientNotAccepted:
                                return "recipient";
                            case SmtpErrorCode.SenderNotAccepted:
                                return "sender";
                            default:
                                return "message";
                        }
                    }
                }

                string Filter(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        return client.Send(message);
                    }
                    catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
                    {
                        return "recipient";
                    }
                }

                string Mailbox(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        return client.Send(message);
                    }
                    catch (SmtpCommandException ex)
                    {
                        return ex.Mailbox != null ? "rejected " + ex.Mailbox : "rejected";
                    }
                }

                void Rethrow(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpCommandException ex)
                    {
                        Console.Error.WriteLine(ex.Message);
                        throw;
                    }
                }

                void WrapPermanent(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
                    {
                        throw new InvalidOperationException("permanent", ex);
                    }
                }

                void NoSendInTheTry(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Connect("smtp.example.com", 587);
                    }
                    catch (SmtpCommandException ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task NonSmtpTypesWithTheSameNames_AreQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;

            class SmtpFailedRecipientsException : Exception
            {
                public int StatusCode => 0;
            }

            class SmtpCommandException : Exception { }

            class SmtpClient
            {
                public void Send(object message) { }
            }

            class Sender
            {
                void Send(SmtpClient client)
                {
                    try
                    {
                        client.Send("x");
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        Console.WriteLine(ex.StatusCode);
                    }
                    catch (SmtpCommandException)
                    {
                    }
                }
            }
            """);

        [Fact]
        public Task MailKit_LaterClausesAfterAnErrorCodeDispatch_AreQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Outbox
            {
                public string Status = "";

                public async Task SendAsync(ISmtpClient client, MimeMessage message)
                {
                    try
                    {
                        await client.SendAsync(message);
                    }
                    catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
                    {
                        message.To.Remove(ex.Mailbox);
                        Status = "pending";
                    }
                    catch (SmtpCommandException ex) when (ex.StatusCode == SmtpStatusCode.MailboxBusy)
                    {
                        Status = "pending";
                    }
                    catch (SmtpCommandException)
                    {
                        Status = "failed";
                    }
                }
            }
            """);
    }
}
