// Valid code: HTTP and FTP status codes, ports and counts beside SMTP code.
using System.Net;
using System.Net.Http;
using System.Net.Mail;

namespace ValidCode.NotSmtp
{
    public sealed class Mixed
    {
        private readonly SmtpClient _smtp = new SmtpClient("localhost", 587);

        public bool IsServerError(HttpResponseMessage response) => (int)response.StatusCode >= 500 && (int)response.StatusCode < 600;

        public bool IsMissing(FtpWebResponse response, WebException ex)
            => response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailable || ex.Message.Contains("550");

        public bool IsSubmissionPort() => _smtp.Port == 587 || _smtp.Port == 465;

        public bool TooManyRecipients(MailMessage message) => message.To.Count > 500;

        public static SmtpException ForTest() => new SmtpException((SmtpStatusCode)666);
    }
}
