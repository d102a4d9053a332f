// Valid code: the near misses of the 2026-11-29 failure shapes. Transient allow-lists in filters and Polly predicates,
// a deny-list combined with a class check, a reply read that leaves the catch, OAuth token refresh before a retry,
// SmtpErrorCode decided together with StatusCode, a typed catch before the text of a catch of Exception, protocol
// failures reconnected, ranges on class edges, and test code recognized by word and attribute.
using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Polly;
using Polly.Retry;

namespace ValidCode.FailureShapesNearMisses
{
    public enum DeliveryOutcome
    {
        Sent,
        RetryLater,
        Rejected,
    }

    public interface IMailLog
    {
        void LogWarning(string message, params object[] args);
    }

    public static class TransientPolicies
    {
        public static Policy MailKitRetry() => Policy
            .Handle<SmtpCommandException>(ex => ex.StatusCode == SmtpStatusCode.ServiceNotAvailable
                || ex.StatusCode == SmtpStatusCode.MailboxBusy
                || ex.StatusCode == SmtpStatusCode.ErrorInProcessing)
            .Or<SmtpProtocolException>()
            .Or<SocketException>()
            .WaitAndRetry(3, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));

        public static Policy SystemNetMailRetry() => Policy
            .Handle<System.Net.Mail.SmtpException>(ex => ex.StatusCode != System.Net.Mail.SmtpStatusCode.GeneralFailure
                && IsTransient(ex.StatusCode))
            .Retry(2);

        public static bool IsTransient(System.Net.Mail.SmtpStatusCode code)
            => code == System.Net.Mail.SmtpStatusCode.ServiceNotAvailable
                || code == System.Net.Mail.SmtpStatusCode.MailboxBusy
                || code == System.Net.Mail.SmtpStatusCode.LocalErrorInProcessing
                || code == System.Net.Mail.SmtpStatusCode.InsufficientStorage
                || code == System.Net.Mail.SmtpStatusCode.ClientNotPermitted;

        public static RetryStrategyOptions PipelineRetry() => new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<SmtpCommandException>(ex => ex.StatusCode is SmtpStatusCode.MailboxBusy or SmtpStatusCode.InsufficientStorage),
            MaxRetryAttempts = 3,
        };
    }

    public sealed class OAuthMailer
    {
        private readonly Func<CancellationToken, Task<SaslMechanism>> _freshToken;
        private readonly IMailLog _log;

        public OAuthMailer(Func<CancellationToken, Task<SaslMechanism>> freshToken, IMailLog log)
        {
            _freshToken = freshToken;
            _log = log;
        }

        public async Task<DeliveryOutcome> SendAsync(SmtpClient client, MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await client.SendAsync(message, cancellationToken);
                return DeliveryOutcome.Sent;
            }
            catch (AuthenticationException)
            {
                // The access token expired: authenticate with a fresh one, then the queue tries again.
                await client.AuthenticateAsync(await _freshToken(cancellationToken), cancellationToken);
                return DeliveryOutcome.RetryLater;
            }
            catch (SmtpCommandException ex) when (ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == SmtpStatusCode.ServiceNotAvailable)
            {
                _log.LogWarning("Transient SMTP reply {Code}", ex.StatusCode);
                return DeliveryOutcome.RetryLater;
            }
            catch (SmtpCommandException ex)
            {
                _log.LogWarning("SMTP reply {Code} ({ErrorCode})", ex.StatusCode, ex.ErrorCode);
                return ex.ErrorCode == SmtpErrorCode.MessageNotAccepted && ex.StatusCode == SmtpStatusCode.InsufficientStorage
                    ? DeliveryOutcome.RetryLater
                    : DeliveryOutcome.Rejected;
            }
            catch (SmtpProtocolException)
            {
                await client.DisconnectAsync(false, cancellationToken);
                throw;
            }
        }
    }

    public sealed class SystemNetMailer
    {
        private readonly IMailLog _log;

        public SystemNetMailer(IMailLog log) => _log = log;

        public List<string> Rejected { get; } = new List<string>();

        public bool Send(System.Net.Mail.SmtpClient client, System.Net.Mail.MailMessage message)
        {
            try
            {
                client.Send(message);
                return true;
            }
            catch (System.Net.Mail.SmtpException ex) when (ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxUnavailable)
            {
                _log.LogWarning("Rejected for good: {Code}", ex.StatusCode);
                Rejected.Add(message.To.ToString());
                return false;
            }
            catch (System.Net.Mail.SmtpException)
            {
                throw;
            }
            catch (Exception ex)
            {
                // Only non-SMTP failures reach here; their text is all there is.
                if (ex.Message.Contains("550"))
                {
                    _log.LogWarning("unexpected {Text}", ex.Message);
                }

                throw;
            }
        }
    }

    public sealed class AttestationMailer
    {
        // "Attestation" is not the word "Test": the rule applies here, and this catch keeps the failure.
        public void Send(System.Net.Mail.SmtpClient client, System.Net.Mail.MailMessage message)
        {
            try
            {
                client.Send(message);
            }
            catch (System.Net.Mail.SmtpException ex)
            {
                throw new InvalidOperationException("Attestation mail not sent", ex);
            }
        }
    }

    public sealed class MailerTests
    {
        // Test code: asserting on the text of the failure is what a test does.
        public string SendSwallowingForTheTest(System.Net.Mail.SmtpClient client, System.Net.Mail.MailMessage message)
        {
            try
            {
                client.Send(message);
                return "sent";
            }
            catch (Exception ex)
            {
                return ex.Message;
            }
        }
    }
}
