using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.PartialRecipientFailureAnalyzer, SmtpAnalyzers.Reliability.PartialRecipientFailureCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.PartialRecipientFailureAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Correct code and near misses that must stay free of this rule's diagnostics.</summary>
    public partial class SMTP2003Tests
    {
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
        public Task PluralCatchHandledLikeTheCatchThatReceivesTheSingleFailure_IsQuiet(LanguageVersion languageVersion) => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            sealed class ErrorRecord
            {
                public ErrorRecord(Exception exception, string errorId, object target) { }
            }

            class SendMailCommand
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.com");

                // PowerShell's Send-MailMessage: each failure becomes an error record; one failed recipient
                // (SmtpFailedRecipientException) becomes one exactly as several do.
                void Send(MailMessage message)
                {
                    try
                    {
                        _client.Send(message);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        ErrorRecord er = new ErrorRecord(ex, "SmtpFailedRecipientsException", _client);
                        WriteError(er);
                    }
                    catch (SmtpException e)
                    {
                        ErrorRecord er = new ErrorRecord(e, "SmtpException", _client);
                        WriteError(er);
                    }
                }

                void WriteError(ErrorRecord record) { }
            }
            """,
            languageVersion);

        [Fact]
        public Task ExceptionGivenToCodeThatDoesNotBindYet_CountsAsHandedOn() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                // A type whose reference is missing (before a restore, say) and an overload not written yet: the
                // compiler reports them; the exception is still given to them, as to any method.
                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        WriteError(new {|CS0246:ErrorRecord|}(ex, "SmtpFailedRecipientsException", client));
                    }
                    catch (SmtpFailedRecipientException ex)
                    {
                        WriteError(ex);
                    }
                }

                void SendAgain(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpFailedRecipientsException ex)
                    {
                        {|CS1501:Report|}(ex, "SmtpFailedRecipientsException", 1, 2);
                    }
                    catch (SmtpFailedRecipientException ex)
                    {
                        WriteError(ex);
                    }
                }

                void WriteError(object record) { }

                void Report(SmtpException exception) { }
            }
            """);

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

        [Fact]
        public Task MailKit_FilterThatLetsInOnlyTransientReplies_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            public class RegistrationMailer
            {
                // MailKit sent the message to nobody: sending all of it again later is right whoever got the 450, and
                // every other failure leaves the try with its ErrorCode and Mailbox.
                public async Task SendAsync(MimeMessage message, string host, string user, string password, int attempt = 0)
                {
                    using var client = new SmtpClient();
                    try
                    {
                        await client.ConnectAsync(host, 587, SecureSocketOptions.StartTls);
                        await client.AuthenticateAsync(user, password);
                        await client.SendAsync(message);
                    }
                    catch (SmtpCommandException ex) when (ex.StatusCode == SmtpStatusCode.MailboxBusy && attempt < 3)
                    {
                        await Task.Delay(5000);
                        await SendAsync(message, host, user, password, attempt + 1);
                    }
                    finally
                    {
                        await client.DisconnectAsync(true);
                    }
                }

                public bool Send(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    catch (SmtpCommandException ex) when (ex.StatusCode is SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.InsufficientStorage)
                    {
                        return false;
                    }
                }
            }
            """);

        [Fact]
        public Task MailKit_FilterThatLetsInPermanentOrNegatedReplies_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using MailKit.Net.Smtp;
            using MimeKit;

            public class Mailer
            {
                public bool Permanent(SmtpClient client, MimeMessage message)
                {
                    try { client.Send(message); return true; }
                    catch ({|SMTP2003:SmtpCommandException|} ex) when (ex.StatusCode == SmtpStatusCode.MailboxUnavailable) { return false; }
                }

                public bool Negated(SmtpClient client, MimeMessage message)
                {
                    try { client.Send(message); return true; }
                    catch ({|SMTP2003:SmtpCommandException|} ex) when (!(ex.StatusCode == SmtpStatusCode.MailboxBusy)) { return false; }
                }

                public bool Range(SmtpClient client, MimeMessage message)
                {
                    try { client.Send(message); return true; }
                    catch ({|SMTP2003:SmtpCommandException|} ex) when ((int)ex.StatusCode < 500) { return false; }
                }
            }
            """);

        [Fact]
        public Task MailKit_TheTransientFilterThatSmtp2002sFixInserts_IsQuiet()
        {
            const string source = """
                using System;
                using MailKit.Net.Smtp;
                using MimeKit;

                class Sender
                {
                    void Send(SmtpClient client, MimeMessage message)
                    {
                        for (var attempt = 1; attempt <= 3; attempt++)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (SmtpCommandException ex) when (ex.StatusCode.IsTransientFailure())
                            {
                                Console.WriteLine("retrying");
                            }
                        }
                    }
                }
                """;
            var (_, holder) = SmtpAnalyzers.Tests.Infrastructure.Holder.WithClassChecks();
            return VerifyAnalyzer.VerifyAsync(new[] { source, holder.ToString() });
        }
    }
}
