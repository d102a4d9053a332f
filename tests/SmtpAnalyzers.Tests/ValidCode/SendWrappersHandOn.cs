// Valid code: the application sends through its own wrappers, one and two calls away from SmtpClient, and every caller
// keeps the failure: it is handed to the error reporter, retried only when the reply is transient, rethrown after
// logging, or turned into a result that keeps the reply code. Fire-and-forget work observes its Task.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MimeKit;

namespace ValidCode.SendWrappersHandOn
{
    public interface IErrorReporter
    {
        void Report(string message, Exception exception);
    }

    public sealed class DeliveryResult
    {
        private DeliveryResult(bool sent, SmtpStatusCode? code)
        {
            Sent = sent;
            Code = code;
        }

        public bool Sent { get; }

        public SmtpStatusCode? Code { get; }

        public static DeliveryResult Ok() => new DeliveryResult(true, null);

        public static DeliveryResult Failed(SmtpStatusCode code) => new DeliveryResult(false, code);
    }

    public static class ReplyClass
    {
        public static bool IsTransient(SmtpStatusCode code)
            => code == SmtpStatusCode.ServiceNotAvailable
                || code == SmtpStatusCode.MailboxBusy
                || code == SmtpStatusCode.ErrorInProcessing
                || code == SmtpStatusCode.InsufficientStorage;
    }

    /// <summary>The wrappers: they send and let the failure propagate.</summary>
    public sealed class EmailSender
    {
        private readonly SmtpClient _client;

        public EmailSender(SmtpClient client) => _client = client;

        public async Task SendEmailAsync(string to, string subject, string body, CancellationToken cancellationToken)
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse("noreply@example.org"));
            message.To.Add(MailboxAddress.Parse(to));
            message.Subject = subject;
            message.Body = new TextPart("plain") { Text = body };
            await _client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }

        public Task SendPasswordResetAsync(string to, string link, CancellationToken cancellationToken)
            => SendEmailAsync(to, "Reset your password", "Open " + link, cancellationToken);
    }

    public sealed class AccountNotifications
    {
        private readonly EmailSender _sender;
        private readonly IErrorReporter _errors;
        private readonly List<Task> _pending = new List<Task>();

        public AccountNotifications(EmailSender sender, IErrorReporter errors)
        {
            _sender = sender;
            _errors = errors;
        }

        public async Task WelcomeAsync(string to, CancellationToken cancellationToken)
        {
            try
            {
                await _sender.SendEmailAsync(to, "Welcome", "Hello", cancellationToken);
            }
            catch (Exception ex)
            {
                _errors.Report("The welcome mail could not be sent.", ex);
            }
        }

        public async Task ResetPasswordAsync(string to, string link, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await _sender.SendPasswordResetAsync(to, link, cancellationToken);
                    return;
                }
                catch (SmtpCommandException ex) when (attempt < 3 && ReplyClass.IsTransient(ex.StatusCode))
                {
                    await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
                }
            }
        }

        public async Task<DeliveryResult> InvoiceAsync(string to, CancellationToken cancellationToken)
        {
            try
            {
                await _sender.SendEmailAsync(to, "Your invoice", "Attached", cancellationToken);
                return DeliveryResult.Ok();
            }
            catch (SmtpCommandException ex)
            {
                return DeliveryResult.Failed(ex.StatusCode);
            }
        }

        public async Task AuditAsync(string to, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Run(() => _sender.SendEmailAsync(to, "Audit", "Done", cancellationToken), cancellationToken);
            }
            catch (Exception ex)
            {
                Console.WriteLine("audit mail failed: " + ex.Message);
                throw;
            }
        }

        public void QueueReminder(string to)
        {
            _pending.Add(_sender.SendEmailAsync(to, "Reminder", "Don't forget", CancellationToken.None));
        }

        public Task DrainAsync() => Task.WhenAll(_pending);
    }
}
