// Valid code: library transports that let every failure propagate to a caller that owns retries.
using System.Net;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ValidCode.PropagatingTransports
{
    public sealed class SystemNetMailTransport
    {
        private readonly string _host;

        public SystemNetMailTransport(string host) => _host = host;

        public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
        {
            using (var client = new System.Net.Mail.SmtpClient(_host, 587) { EnableSsl = true })
            {
                await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }

        public void Send(MailMessage message)
        {
            using (var client = new System.Net.Mail.SmtpClient(_host, 587) { EnableSsl = true, Credentials = CredentialCache.DefaultNetworkCredentials })
            {
                client.Send(message);
            }
        }
    }

    public sealed class MailKitTransport
    {
        private readonly string _host;
        private readonly NetworkCredential _credential;

        public MailKitTransport(string host, NetworkCredential credential)
        {
            _host = host;
            _credential = credential;
        }

        public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            using var client = new MailKit.Net.Smtp.SmtpClient();
            await client.ConnectAsync(_host, 587, SecureSocketOptions.StartTls, cancellationToken).ConfigureAwait(false);
            try
            {
                await client.AuthenticateAsync(_credential, cancellationToken).ConfigureAwait(false);
                return await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
