// Valid code: Polly retries filtered by reply class (transient members only), for both libraries, v7 policies and v8 pipelines.
using System;
using System.Linq;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MimeKit;
using Polly;
using Polly.Retry;
using MailKitStatus = MailKit.Net.Smtp.SmtpStatusCode;
using SystemStatus = System.Net.Mail.SmtpStatusCode;

namespace ValidCode.PollyRetryPolicies
{
    public static class SmtpRetry
    {
        private static readonly SystemStatus[] TransientSystemCodes =
        {
            SystemStatus.ServiceNotAvailable,
            SystemStatus.MailboxBusy,
            SystemStatus.LocalErrorInProcessing,
            SystemStatus.InsufficientStorage,
        };

        /// <summary>Only transient replies are retried; a permanent reply (5yz) goes to the caller at once.</summary>
        public static bool IsTransient(SmtpCommandException ex)
            => ex.StatusCode == MailKitStatus.ServiceNotAvailable
                || ex.StatusCode == MailKitStatus.MailboxBusy
                || ex.StatusCode == MailKitStatus.ErrorInProcessing
                || ex.StatusCode == MailKitStatus.InsufficientStorage
                || ex.StatusCode == MailKitStatus.TemporaryAuthenticationFailure;

        public static bool IsTransient(SmtpException ex)
            => ex is SmtpFailedRecipientsException many
                ? many.InnerExceptions.All(inner => TransientSystemCodes.Contains(inner.StatusCode))
                : TransientSystemCodes.Contains(ex.StatusCode);

        public static TimeSpan Backoff(int attempt) => TimeSpan.FromMinutes(Math.Min(30 * Math.Pow(2, attempt - 1), 24 * 60));

        public static readonly AsyncPolicy MailKitPolicy = Policy
            .Handle<SmtpCommandException>(IsTransient)
            .Or<SmtpProtocolException>()
            .WaitAndRetryAsync(4, Backoff);

        public static readonly Policy SystemNetMailPolicy = Policy
            .Handle<SmtpException>(ex => IsTransient(ex))
            .WaitAndRetry(4, Backoff);

        public static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<SmtpCommandException>(ex => ex.ErrorCode != SmtpErrorCode.RecipientNotAccepted && IsTransient(ex))
                    .Handle<SmtpProtocolException>(),
                MaxRetryAttempts = 4,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMinutes(30),
            })
            .Build();
    }

    public sealed class PolicySender
    {
        private readonly MailKit.Net.Smtp.SmtpClient _mailKit;
        private readonly System.Net.Mail.SmtpClient _systemNetMail;

        public PolicySender(MailKit.Net.Smtp.SmtpClient mailKit, System.Net.Mail.SmtpClient systemNetMail)
        {
            _mailKit = mailKit;
            _systemNetMail = systemNetMail;
        }

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
            => SmtpRetry.MailKitPolicy.ExecuteAsync(ct => _mailKit.SendAsync(message, ct), cancellationToken);

        public void Send(MailMessage message) => SmtpRetry.SystemNetMailPolicy.Execute(() => _systemNetMail.Send(message));

        public async Task SendWithPipelineAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await SmtpRetry.Pipeline.ExecuteAsync(async ct => { await _mailKit.SendAsync(message, ct); }, cancellationToken);
        }
    }
}
