// Valid code: the application's own generic retry helper, used for mail and for HTTP. For mail it is given a
// predicate that retries only transient replies and connection failures; event handlers that send catch the
// failure; a background send through the helper is awaited.
using System;
using System.IO;
using System.Net.Http;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;

namespace ValidCode.RetryHelpersClassify
{
    public static class Retry
    {
        public static async Task ExecuteAsync(Func<Task> action, Func<Exception, bool> isTransient, int maxAttempts = 4, CancellationToken cancellationToken = default)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await action().ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (attempt < maxAttempts && isTransient(ex))
                {
                    await Task.Delay(TimeSpan.FromSeconds(30 * attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        public static bool IsTransientSmtp(Exception exception)
            => exception is IOException
                || (exception is SmtpException smtp
                    && smtp.StatusCode is SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy
                        or SmtpStatusCode.LocalErrorInProcessing or SmtpStatusCode.InsufficientStorage);

        public static bool IsTransientHttp(Exception exception) => exception is HttpRequestException or TimeoutException;
    }

    public sealed class Notifier
    {
        private readonly SmtpClient _client;
        private readonly HttpClient _http;

        public Notifier(SmtpClient client, HttpClient http)
        {
            _client = client;
            _http = http;
        }

        public event EventHandler<string>? Failed;

        private Task SendEmailAsync(MailMessage message) => _client.SendMailAsync(message);

        private void SendEmail(MailMessage message) => _client.Send(message);

        public Task NotifyAsync(MailMessage message, CancellationToken cancellationToken)
            => Retry.ExecuteAsync(() => SendEmailAsync(message), Retry.IsTransientSmtp, cancellationToken: cancellationToken);

        public Task PingAsync(CancellationToken cancellationToken)
            => Retry.ExecuteAsync(() => _http.GetAsync("https://status.example.org", cancellationToken), Retry.IsTransientHttp, cancellationToken: cancellationToken);

        public async void OnOrderShipped(object? sender, MailMessage message)
        {
            try
            {
                await Task.Yield();
                SendEmail(message);
                _client.Send(message);
            }
            catch (SmtpException ex)
            {
                Failed?.Invoke(this, ex.StatusCode.ToString());
            }
        }
    }
}
