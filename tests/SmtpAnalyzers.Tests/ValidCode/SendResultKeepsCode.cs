// Valid code: a result type that keeps the reply code for the caller; callers never see exceptions, but the code survives.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Mail;
using System.Threading.Tasks;

namespace ValidCode.SendResultKeepsCode
{
    public sealed class SendResult
    {
        private SendResult(bool succeeded, SmtpStatusCode? statusCode, IReadOnlyList<string> refused, string detail)
        {
            Succeeded = succeeded;
            StatusCode = statusCode;
            Refused = refused;
            Detail = detail;
        }

        public bool Succeeded { get; }

        /// <summary>The server's reply code when the send failed with one.</summary>
        public SmtpStatusCode? StatusCode { get; }

        public IReadOnlyList<string> Refused { get; }

        public string Detail { get; }

        public static SendResult Ok() => new SendResult(true, null, Array.Empty<string>(), "sent");

        public static SendResult Failed(SmtpStatusCode statusCode, IReadOnlyList<string> refused, string detail)
            => new SendResult(false, statusCode, refused, detail);
    }

    public sealed class ResultMailer
    {
        private readonly SmtpClient _client;

        public ResultMailer(SmtpClient client) => _client = client;

        public async Task<SendResult> SendAsync(MailMessage message)
        {
            try
            {
                await _client.SendMailAsync(message);
                return SendResult.Ok();
            }
            catch (SmtpFailedRecipientsException ex)
            {
                // The plural's own StatusCode is GeneralFailure: the codes are on its inner exceptions.
                var worst = ex.InnerExceptions.Select(inner => inner.StatusCode).OrderByDescending(code => (int)code).First();
                return SendResult.Failed(worst, ex.InnerExceptions.Select(inner => inner.FailedRecipient).ToList(), ex.Message);
            }
            catch (SmtpFailedRecipientException ex)
            {
                return SendResult.Failed(ex.StatusCode, new[] { ex.FailedRecipient }, ex.Message);
            }
            catch (SmtpException ex)
            {
                return SendResult.Failed(ex.StatusCode, Array.Empty<string>(), ex.Message);
            }
        }
    }
}
