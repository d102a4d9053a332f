// Valid code: retries that repeat only transient SMTP replies, with backoff, and give up on permanent ones.
using System;
using System.IO;
using System.Net.Mail;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MimeKit;
using Polly;

namespace ValidCode.RetryTransientOnly
{
    public sealed class OutboxItem
    {
        public MimeMessage Message { get; set; }
        public int RetryCount { get; set; }
        public string Status { get; set; }
        public DateTimeOffset NotBefore { get; set; }
    }

    public static class Transient
    {
        public static bool Is(MailKit.Net.Smtp.SmtpStatusCode code)
            => code == MailKit.Net.Smtp.SmtpStatusCode.ServiceNotAvailable
                || code == MailKit.Net.Smtp.SmtpStatusCode.MailboxBusy
                || code == MailKit.Net.Smtp.SmtpStatusCode.ErrorInProcessing
                || code == MailKit.Net.Smtp.SmtpStatusCode.InsufficientStorage;

        public static bool Is(System.Net.Mail.SmtpStatusCode code)
            => code == System.Net.Mail.SmtpStatusCode.ServiceNotAvailable
                || code == System.Net.Mail.SmtpStatusCode.MailboxBusy
                || code == System.Net.Mail.SmtpStatusCode.LocalErrorInProcessing
                || code == System.Net.Mail.SmtpStatusCode.InsufficientStorage;
    }

    public sealed class OutboxWorker
    {
        private readonly ISmtpClient _client;

        public OutboxWorker(ISmtpClient client) => _client = client;

        public async Task ProcessAsync(OutboxItem item, CancellationToken cancellationToken)
        {
            try
            {
                await _client.SendAsync(item.Message, cancellationToken);
                item.Status = "sent";
            }
            catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && ex.Mailbox != null)
            {
                // MailKit stops at the first refused recipient and nobody gets the message: drop that one, send to the rest.
                item.Message.To.Remove(ex.Mailbox);
                item.Status = "pending";
            }
            catch (SmtpCommandException ex) when (Transient.Is(ex.StatusCode))
            {
                item.RetryCount++;
                item.Status = "pending";
                item.NotBefore = DateTimeOffset.UtcNow.AddMinutes(30 * Math.Pow(2, item.RetryCount));
            }
            catch (SmtpCommandException)
            {
                item.Status = "failed";
            }
            catch (SmtpProtocolException)
            {
                item.RetryCount++;
                item.Status = "pending";
            }
            catch (IOException)
            {
                item.RetryCount++;
                item.Status = "pending";
            }
        }
    }

    public sealed class InteractiveSender
    {
        private static readonly Policy Retry = Policy
            .Handle<System.Net.Mail.SmtpException>(ex => Transient.Is(ex.StatusCode))
            .Or<SocketException>()
            .WaitAndRetry(3, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));

        public void Send(System.Net.Mail.SmtpClient client, MailMessage message)
            => Retry.Execute(() => client.Send(message));

        public void SendWithLoop(System.Net.Mail.SmtpClient client, MailMessage message)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    client.Send(message);
                    return;
                }
                catch (System.Net.Mail.SmtpException ex) when (attempt < 3 && Transient.Is(ex.StatusCode))
                {
                    Thread.Sleep(TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                }
            }
        }
    }
}
