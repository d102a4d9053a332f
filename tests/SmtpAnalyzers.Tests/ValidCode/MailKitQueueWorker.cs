// Valid code: a MailKit queue worker with an allow-list of transient replies and exponential backoff, dispatch on
// SmtpErrorCode, reconnect on protocol errors, and everything else marked failed with its reply code kept.
using System;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ValidCode.MailKitQueueWorker
{
    public enum State { Sent, Pending, Failed }

    public sealed class OutboxItem
    {
        public OutboxItem(MimeMessage message) => Message = message;

        public MimeMessage Message { get; }

        public State State { get; set; } = State.Pending;

        public int Attempts { get; set; }

        public DateTimeOffset NextAttempt { get; set; }

        public SmtpStatusCode? LastStatusCode { get; set; }

        public string LastError { get; set; } = string.Empty;
    }

    public sealed class Worker
    {
        private static readonly SmtpStatusCode[] Transient =
        {
            SmtpStatusCode.ServiceNotAvailable,
            SmtpStatusCode.MailboxBusy,
            SmtpStatusCode.ErrorInProcessing,
            SmtpStatusCode.InsufficientStorage,
            SmtpStatusCode.TemporaryAuthenticationFailure,
        };

        private readonly Func<SmtpClient> _connect;

        public Worker(Func<SmtpClient> connect) => _connect = connect;

        public async Task ProcessAsync(OutboxItem item, CancellationToken cancellationToken)
        {
            using var client = _connect();
            try
            {
                await client.SendAsync(item.Message, cancellationToken);
                item.State = State.Sent;
            }
            catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
            {
                Fail(item, ex.StatusCode, $"recipient {ex.Mailbox} refused");
            }
            catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.SenderNotAccepted)
            {
                Fail(item, ex.StatusCode, $"sender {ex.Mailbox} refused");
            }
            catch (SmtpCommandException ex) when (Array.IndexOf(Transient, ex.StatusCode) >= 0)
            {
                RetryLater(item, ex.StatusCode, ex.Message);
            }
            catch (SmtpCommandException ex)
            {
                Fail(item, ex.StatusCode, ex.Message);
            }
            catch (SmtpProtocolException ex)
            {
                // The connection is gone; a new one may work.
                RetryLater(item, null, ex.Message);
            }
            catch (AuthenticationException)
            {
                // Wrong credentials are a configuration problem for an operator, not for a retry loop.
                throw;
            }
        }

        private static void RetryLater(OutboxItem item, SmtpStatusCode? code, string error)
        {
            item.Attempts++;
            item.LastStatusCode = code;
            item.LastError = error;
            item.NextAttempt = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(Math.Min(30 * Math.Pow(2, item.Attempts - 1), 24 * 60));
            item.State = item.Attempts >= 8 ? State.Failed : State.Pending;
        }

        private static void Fail(OutboxItem item, SmtpStatusCode code, string error)
        {
            item.LastStatusCode = code;
            item.LastError = error;
            item.State = State.Failed;
        }
    }
}
