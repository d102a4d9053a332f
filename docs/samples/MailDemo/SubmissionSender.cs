using System.Net;
using System.Net.Mail;

namespace MailDemo
{
    /// <summary>Submits mail to a provider with a password, but never turns TLS on.</summary>
    public sealed class SubmissionSender
    {
        public void Send(MailMessage message, string host, string user, string password)
        {
            using var client = new SmtpClient(host, 587);
            client.EnableSsl = false;

            // SMTP3001: AUTH LOGIN sends this password base64-encoded, in clear text, because EnableSsl is false.
            client.Credentials = new NetworkCredential(user, password);
            client.Send(message);
        }
    }
}
