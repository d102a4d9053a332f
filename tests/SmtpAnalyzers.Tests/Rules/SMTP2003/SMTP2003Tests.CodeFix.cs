using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.PartialRecipientFailureAnalyzer, SmtpAnalyzers.Reliability.PartialRecipientFailureCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.PartialRecipientFailureAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>The fixed code, one fix and fix-all, and the shapes that get no fix.</summary>
    public partial class SMTP2003Tests
    {
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

        [Fact]
        public Task SingleFailureGoesToAHandlerThatDoesSomethingElse_IsReported() => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    // Alike but for the sink: a partial failure is a warning, any other failure an error.
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2003:catch (SmtpFailedRecipientsException ex)|}
                    {
                        WriteWarning(new InvalidOperationException("partial", ex));
                    }
                    catch (SmtpException ex)
                    {
                        WriteError(new InvalidOperationException("failed", ex));
                    }
                }

                bool SendFiltered(SmtpClient client, MailMessage message)
                {
                    // The same handling, but the general clause is filtered: the single failure may escape instead.
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    {|SMTP2003:catch (SmtpFailedRecipientsException ex)|}
                    {
                        WriteError(ex);
                        return false;
                    }
                    catch (SmtpException ex) when (ex.StatusCode != SmtpStatusCode.GeneralFailure)
                    {
                        WriteError(ex);
                        return false;
                    }
                }

                void WriteWarning(Exception exception) { }

                void WriteError(Exception exception) { }
            }
            """);

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
                        Console.WriteLine(ex.StatusCode);
                    }
                }
            }
            """);

        [Fact]
        public Task PluralCatchHandledLikeTheCatchBelow_ReportsOnlyTheLostRecipients() => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    // The single failure meets the same handling below: only the lost InnerExceptions are reported.
                    try
                    {
                        client.Send(message);
                    }
                    catch ({|SMTP2003:SmtpFailedRecipientsException|} ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                    catch (SmtpException ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }

                bool TrySend(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    catch ({|SMTP2003:SmtpFailedRecipientsException|})
                    {
                        return false;
                    }
                    catch (Exception)
                    {
                        return false;
                    }
                }
            }
            """);

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
                    catch ({|SMTP2003:SmtpCommandException|} ex) when (ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == SmtpStatusCode.MailboxUnavailable)
                    {
                        return false;
                    }
                }
            }
            """,
            languageVersion);
    }
}
