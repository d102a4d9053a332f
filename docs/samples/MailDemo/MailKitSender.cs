using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MimeKit;

namespace MailDemo
{
    /// <summary>Sends with MailKit and compares reply codes as numbers.</summary>
    public sealed class MailKitSender
    {
        public async Task<string> SendAsync(MimeMessage message)
        {
            using var client = new SmtpClient();
            try
            {
                await client.ConnectAsync("localhost", 587, MailKit.Security.SecureSocketOptions.StartTls);
                await client.SendAsync(message);
                return "sent";
            }
            catch (SmtpCommandException ex)
            {
                // SMTP1001: 451 is SmtpStatusCode.ErrorInProcessing in MailKit
                // (System.Net.Mail calls it LocalErrorInProcessing).
                if (ex.StatusCode == (SmtpStatusCode)451)
                {
                    return "server error, try later";
                }

                // SMTP1003: 550 is not where permanent failures start; 500-549 (530 authentication
                // required among them) would be retried.
                if (ex.StatusCode >= SmtpStatusCode.MailboxUnavailable)
                {
                    return "permanent failure";
                }

                // SMTP1002: a reply class written as numbers; ex.StatusCode.IsTransientFailure() says it.
                if ((int)ex.StatusCode >= 400 && (int)ex.StatusCode < 500)
                {
                    return "transient failure, try later";
                }

                throw;
            }
        }
    }
}
