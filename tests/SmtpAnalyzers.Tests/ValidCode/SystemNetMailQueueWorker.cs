// Valid code: a queue worker that classifies System.Net.Mail failures with named members only.
using System;
using System.Linq;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;

namespace ValidCode.SystemNetMailWorker
{
    public enum Outcome { Sent, RetryLater, Failed }

    public sealed class QueueWorker
    {
        private static readonly SmtpStatusCode[] TransientCodes =
        {
            SmtpStatusCode.ServiceNotAvailable,
            SmtpStatusCode.MailboxBusy,
            SmtpStatusCode.LocalErrorInProcessing,
            SmtpStatusCode.InsufficientStorage,
            SmtpStatusCode.GeneralFailure,
        };

        private readonly SmtpClient _client;

        public QueueWorker(SmtpClient client) => _client = client;

        public async Task<Outcome> SendAsync(MailMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await _client.SendMailAsync(message, cancellationToken);
                return Outcome.Sent;
            }
            catch (SmtpFailedRecipientsException ex)
            {
                return ex.InnerExceptions.All(inner => IsTransient(inner.StatusCode)) ? Outcome.RetryLater : Outcome.Failed;
            }
            catch (SmtpFailedRecipientException ex)
            {
                Console.WriteLine($"recipient {ex.FailedRecipient} refused: {(int)ex.StatusCode}");
                return IsTransient(ex.StatusCode) ? Outcome.RetryLater : Outcome.Failed;
            }
            catch (SmtpException ex) when (IsTransient(ex.StatusCode))
            {
                return Outcome.RetryLater;
            }
        }

        private static bool IsTransient(SmtpStatusCode code) => TransientCodes.Contains(code);

        public static string Describe(SmtpException ex)
        {
            switch (ex.StatusCode)
            {
                case SmtpStatusCode.MailboxBusy:
                    return "busy";
                case SmtpStatusCode.MailboxUnavailable:
                    return "no such mailbox";
                default:
                    return "smtp_" + (int)ex.StatusCode;
            }
        }

        public static TimeSpan Backoff(int attempt) => TimeSpan.FromMinutes(Math.Min(30 * Math.Pow(2, attempt), 24 * 60));
    }
}
