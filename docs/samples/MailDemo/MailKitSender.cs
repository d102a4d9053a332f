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

                throw;
            }
        }
    }
}
