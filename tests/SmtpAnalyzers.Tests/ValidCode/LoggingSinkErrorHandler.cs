// Valid code: a logging appender that sends log events by mail. It catches every exception and hands the exception
// object to its error handler, which is how such appenders report failures; nothing is swallowed.
using System;
using System.Collections.Generic;
using System.Net.Mail;
using System.Text;

namespace ValidCode.LoggingSinkErrorHandler
{
    public interface IErrorHandler
    {
        void Error(string message, Exception exception);
    }

    public sealed class SmtpAppender
    {
        private readonly SmtpClient _client;
        private readonly List<string> _buffer = new List<string>();

        public SmtpAppender(SmtpClient client, IErrorHandler errorHandler)
        {
            _client = client;
            ErrorHandler = errorHandler;
        }

        public IErrorHandler ErrorHandler { get; }

        public string From { get; set; } = "logs@example.org";

        public string To { get; set; } = "ops@example.org";

        public void Append(string line) => _buffer.Add(line);

        public void Flush()
        {
            if (_buffer.Count == 0)
            {
                return;
            }

            var body = new StringBuilder();
            foreach (var line in _buffer)
            {
                body.AppendLine(line);
            }

            try
            {
                using (var message = new MailMessage(From, To, "Log events", body.ToString()))
                {
                    _client.Send(message);
                }

                _buffer.Clear();
            }
            catch (Exception ex)
            {
                ErrorHandler.Error("Error occurred while sending e-mail notification.", ex);
            }
        }
    }
}
