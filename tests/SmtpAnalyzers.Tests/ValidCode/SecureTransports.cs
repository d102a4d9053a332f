using System;
using System.Net;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Security;
using MimeKit;

namespace ValidCode.Security
{
    public sealed class SmtpOptions
    {
        public string Host { get; set; } = "";
        public int Port { get; set; } = 587;
        public bool EnableSsl { get; set; } = true;
        public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
        public string User { get; set; } = "";
        public string Password { get; set; } = "";
        public string PickupDirectory { get; set; } = "";
    }

    /// <summary>Transport security taken from configuration, required TLS, and local catchers: nothing to report.</summary>
    public sealed class SecureTransports
    {
        private readonly SmtpOptions _options;

        public SecureTransports(SmtpOptions options) => _options = options;

        public void SendWithSystemNetMail(MailMessage message)
        {
            using (var client = new System.Net.Mail.SmtpClient(_options.Host, _options.Port))
            {
                client.EnableSsl = _options.EnableSsl;
                client.Credentials = new NetworkCredential(_options.User, _options.Password);
                client.Send(message);
            }
        }

        public void SendRequiringStartTls(MailMessage message)
        {
            using (var client = new System.Net.Mail.SmtpClient(_options.Host, 587) { EnableSsl = true })
            {
                client.Credentials = new NetworkCredential(_options.User, _options.Password);
                client.Send(message);
            }
        }

        public void DropInPickupDirectory(MailMessage message)
        {
            using (var client = new System.Net.Mail.SmtpClient("smtp.example.com"))
            {
                client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
                client.PickupDirectoryLocation = _options.PickupDirectory;
                client.Credentials = new NetworkCredential(_options.User, _options.Password);
                client.Send(message);
            }
        }

        public async Task SendWithMailKitAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            using (var client = new MailKit.Net.Smtp.SmtpClient())
            {
                await client.ConnectAsync(_options.Host, _options.Port, _options.Security, cancellationToken).ConfigureAwait(false);
                await client.AuthenticateAsync(_options.User, _options.Password, cancellationToken).ConfigureAwait(false);
                await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task SendOpportunisticButCheckedAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            using (var client = new MailKit.Net.Smtp.SmtpClient())
            {
                await client.ConnectAsync(_options.Host, 587, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!client.IsSecure)
                {
                    throw new InvalidOperationException("The server did not negotiate TLS; not sending credentials.");
                }

                await client.AuthenticateAsync(_options.User, _options.Password, cancellationToken).ConfigureAwait(false);
                await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task SendToLocalCatcherAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            using (var client = new MailKit.Net.Smtp.SmtpClient())
            {
                await client.ConnectAsync("localhost", 2525, SecureSocketOptions.None, cancellationToken).ConfigureAwait(false);
                await client.AuthenticateAsync("dev", "dev", cancellationToken).ConfigureAwait(false);
                await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task RelayAnonymouslyAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            using (var client = new MailKit.Net.Smtp.SmtpClient())
            {
                await client.ConnectAsync(_options.Host, 25, SecureSocketOptions.None, cancellationToken).ConfigureAwait(false);
                await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
