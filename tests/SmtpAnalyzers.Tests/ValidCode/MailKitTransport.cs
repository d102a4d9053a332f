// Valid code: a MailKit transport that dispatches on SmtpErrorCode and lets protocol errors propagate.
using System;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace ValidCode.MailKitTransport
{
    public sealed class PermanentMailException : Exception
    {
        public PermanentMailException(string message, Exception inner) : base(message, inner) { }
    }

    public sealed class Transport
    {
        public async Task SendAsync(ISmtpClient client, MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
            {
                throw new PermanentMailException($"recipient {ex.Mailbox} refused with {ex.StatusCode}", ex);
            }
            catch (SmtpCommandException ex) when (ex.StatusCode == SmtpStatusCode.ServiceNotAvailable
                || ex.StatusCode == SmtpStatusCode.MailboxBusy
                || ex.StatusCode == SmtpStatusCode.ErrorInProcessing)
            {
                throw;
            }
            catch (SmtpProtocolException)
            {
                // Reconnect and let the caller's backoff retry.
                throw;
            }
        }

        public static string Name(SmtpResponse response) => response.StatusCode switch
        {
            SmtpStatusCode.Ok => "ok",
            SmtpStatusCode.AuthenticationInvalidCredentials => "bad credentials",
            _ => $"smtp_command_{(int)response.StatusCode}",
        };

        public static bool IsAuthProblem(SmtpCommandException ex)
            => ex.StatusCode is SmtpStatusCode.AuthenticationRequired or SmtpStatusCode.AuthenticationInvalidCredentials;
    }
}
