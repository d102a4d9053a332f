using System;
using System.Collections.Generic;
using System.Net.Mail;
using System.Threading.Tasks;

namespace MailDemo
{
    /// <summary>A newsletter queue with the failure-path mistakes SmtpAnalyzers reports.</summary>
    public sealed class NewsletterQueue
    {
        private readonly SmtpClient _client = new SmtpClient("localhost", 25);

        public List<string> ErrorMessages { get; } = new List<string>();

        public void Send(MailMessage message)
        {
            try
            {
                _client.Send(message);
            }
            catch (Exception ex)
            {
                // SMTP2001: only the text survives; a 421 (retry later) and a 550 (never retry)
                // look the same to whoever reads ErrorMessages.
                ErrorMessages.Add(ex.Message);
            }
        }

        public void SendInBackground(MailMessage message)
        {
            // SMTP2004: the Task is dropped, and every 4xx/5xx failure with it.
            _ = _client.SendMailAsync(message);
        }

        public async Task<bool> TrySendAsync(MailMessage message)
        {
            try
            {
                await _client.SendMailAsync(message);
                return true;
            }
            catch (SmtpException ex) when (ex.Message.Contains("550"))
            {
                // SMTP1004: the reply code is in ex.StatusCode; the text is for people.
                return false;
            }
        }
    }
}
