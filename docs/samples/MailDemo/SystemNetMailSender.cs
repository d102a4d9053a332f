using System;
using System.Net.Mail;

namespace MailDemo
{
    /// <summary>Sends with System.Net.Mail and classifies failures with bare numbers.</summary>
    public sealed class SystemNetMailSender
    {
        private readonly SmtpClient _client = new SmtpClient("localhost", 25);

        public string Send(MailMessage message)
        {
            try
            {
                _client.Send(message);
                return "sent";
            }
            catch (SmtpException ex)
            {
                // SMTP1001: 550 is SmtpStatusCode.MailboxUnavailable.
                if ((int)ex.StatusCode == 550)
                {
                    return "unknown mailbox";
                }

                // SMTP1001: 421 is SmtpStatusCode.ServiceNotAvailable.
                var code = (int)ex.StatusCode;
                if (code == 421)
                {
                    return "server closing, try later";
                }

                return "failed: " + ex.Message;
            }
        }
    }
}
