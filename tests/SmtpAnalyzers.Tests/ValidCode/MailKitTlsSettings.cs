// Valid code: MailKit and System.Net.Mail TLS settings that keep the connection secure (SMTP3003, SMTP3004, SMTP3005).
using System;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ValidCode.MailKitTlsSettings
{
    public sealed class SmtpOptions
    {
        public string Host { get; set; } = "";
        public string PinnedThumbprint { get; set; } = "";
        public bool CheckRevocation { get; set; } = true;
        public SslProtocols Protocols { get; set; } = SslProtocols.None;
    }

    public sealed class PinnedRelaySender
    {
        private readonly SmtpOptions _options;

        public PinnedRelaySender(SmtpOptions options) => _options = options;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            using var client = new SmtpClient
            {
                SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                CheckCertificateRevocation = _options.CheckRevocation,
                ServerCertificateValidationCallback = ValidateRelay,
            };
            client.SslProtocols &= ~SslProtocols.Tls11;
            await client.ConnectAsync(_options.Host, 465, SecureSocketOptions.SslOnConnect, cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }

        // The relay has a private-CA certificate: trust that one certificate, refuse everything else.
        private bool ValidateRelay(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (certificate is null)
            {
                return false;
            }

            return (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
                && string.Equals(certificate.GetCertHashString(), _options.PinnedThumbprint, StringComparison.OrdinalIgnoreCase);
        }
    }

    public sealed class LocalCatcherSender
    {
        // smtp4dev on this machine: its self-signed certificate is accepted, nothing crosses a network.
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            using var client = new SmtpClient();
            client.ServerCertificateValidationCallback = (s, c, h, e) => true;
            client.CheckCertificateRevocation = false;
            await client.ConnectAsync("localhost", 2525, SecureSocketOptions.StartTls, cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
    }

    public sealed class LegacyMailer
    {
        public void Configure(SmtpOptions options)
        {
#pragma warning disable SYSLIB0014
            ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
            ServicePointManager.ServerCertificateValidationCallback = null;
#pragma warning restore SYSLIB0014
        }

        public async Task SendAsync(System.Net.Mail.MailMessage message)
        {
            using var client = new System.Net.Mail.SmtpClient("smtp.example.com", 587) { EnableSsl = true };
            await client.SendMailAsync(message);
        }
    }
}
