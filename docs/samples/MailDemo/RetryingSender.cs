using System;
using System.Net.Mail;
using System.Threading;

namespace MailDemo
{
    /// <summary>Retries and recipient failures handled the way SmtpAnalyzers warns about.</summary>
    public sealed class RetryingSender
    {
        private readonly SmtpClient _client = new SmtpClient("localhost", 25);

        public void SendWithRetries(MailMessage message)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    _client.Send(message);
                    return;
                }
                catch (SmtpException)
                {
                    // SMTP2002: a 550 or 535 is retried exactly like a 421.
                    Thread.Sleep(TimeSpan.FromSeconds(5));
                    continue;
                }
            }
        }

        public void SendToMany(MailMessage message)
        {
            try
            {
                _client.Send(message);
            }
            catch (SmtpFailedRecipientsException ex)
            {
                // SMTP2003: when exactly one recipient fails, the singular SmtpFailedRecipientException
                // is thrown instead, and this handler never sees it.
                foreach (var failed in ex.InnerExceptions)
                {
                    Console.WriteLine($"{failed.FailedRecipient}: {failed.StatusCode}");
                }
            }
        }
    }
}
