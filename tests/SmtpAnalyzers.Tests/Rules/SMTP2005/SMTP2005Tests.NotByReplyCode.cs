using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.ReplyClassMisclassifiedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Misclassification by exception type (MailKit's authentication failures) and by SmtpErrorCode.</summary>
    public partial class SMTP2005Tests
    {
        private const string AuthMessage = "{0} is an authentication failure, permanent until the credentials or settings change, but it is handled as '{1}'; a retry with the same credentials fails again (RFC 4954 §6); fix the credentials or settings instead";

        private const string ErrorCodeMessage = "{0} is the refused command, not the reply class (it comes with a 4yz or a 5yz reply), but it is handled as '{1}'; read StatusCode before retrying: a permanent 5yz reply must not be sent again unchanged (RFC 5321 §4.2.1)";

        [Fact]
        public Task AuthenticationFailuresHandledAsTransient_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            enum SendOutcome { Sent, RetryLater, Failed }

            class TransientMailException : Exception { }

            class Mailer
            {
                async Task<SendOutcome> Send(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        await client.AuthenticateAsync("user", "password");
                        await client.SendAsync(message);
                        return SendOutcome.Sent;
                    }
                    catch ({|#0:AuthenticationException|} ex)
                    {
                        Console.WriteLine(ex.Message);
                        return SendOutcome.RetryLater;
                    }
                    catch ({|#1:ServiceNotAuthenticatedException|})
                    {
                        throw new TransientMailException();
                    }
                }

                SendOutcome Classify(Exception ex)
                {
                    if (ex is {|#2:AuthenticationException|})
                    {
                        return SendOutcome.RetryLater;
                    }

                    return ex switch
                    {
                        {|#3:ServiceNotAuthenticatedException|} => SendOutcome.RetryLater,
                        SmtpCommandException => SendOutcome.Failed,
                        _ => SendOutcome.Failed,
                    };
                }
            }
            """,
            LanguageVersion.Latest,
            Info(0, string.Format(AuthMessage, "AuthenticationException", "SendOutcome.RetryLater")),
            Info(1, string.Format(AuthMessage, "ServiceNotAuthenticatedException", "TransientMailException")),
            Info(2, string.Format(AuthMessage, "AuthenticationException", "SendOutcome.RetryLater")),
            Info(3, string.Format(AuthMessage, "ServiceNotAuthenticatedException", "SendOutcome.RetryLater")));

        [Fact]
        public Task ErrorCodeHandledAsTransient_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            enum SendOutcome { Sent, RateLimitedRetry, Failed }

            class Classifier
            {
                SendOutcome Classify(SmtpCommandException ex)
                {
                    switch (ex.ErrorCode)
                    {
                        case {|#0:SmtpErrorCode.MessageNotAccepted|}:
                            return SendOutcome.RateLimitedRetry;
                        case SmtpErrorCode.RecipientNotAccepted:
                            return SendOutcome.Failed;
                        default:
                            return SendOutcome.Failed;
                    }
                }

                string Describe(SmtpCommandException ex)
                {
                    if (ex.ErrorCode == {|#1:SmtpErrorCode.SenderNotAccepted|})
                    {
                        return "temporary problem";
                    }

                    return ex.ErrorCode switch
                    {
                        {|#2:SmtpErrorCode.MessageNotAccepted|} => "try again later",
                        _ => "rejected",
                    };
                }
            }
            """,
            LanguageVersion.Latest,
            Info(0, string.Format(ErrorCodeMessage, "SmtpErrorCode.MessageNotAccepted", "SendOutcome.RateLimitedRetry")),
            Info(1, string.Format(ErrorCodeMessage, "SmtpErrorCode.SenderNotAccepted", "temporary problem")),
            Info(2, string.Format(ErrorCodeMessage, "SmtpErrorCode.MessageNotAccepted", "try again later")));

        [Fact]
        public Task AuthenticationAndErrorCodeNearMisses_AreQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Sockets;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            enum SendOutcome { Sent, RetryLater, Failed }

            class Mailer
            {
                private readonly Func<Task> _refreshToken;

                public Mailer(Func<Task> refreshToken) => _refreshToken = refreshToken;

                async Task<SendOutcome> Send(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        await client.SendAsync(message);
                        return SendOutcome.Sent;
                    }
                    catch (AuthenticationException)
                    {
                        // OAuth: the token expired; refresh it, then try again with new credentials.
                        await _refreshToken();
                        return SendOutcome.RetryLater;
                    }
                    catch (ServiceNotAuthenticatedException)
                    {
                        return SendOutcome.Failed;
                    }
                    catch (SocketException)
                    {
                        return SendOutcome.RetryLater;
                    }
                }

                SendOutcome Classify(Exception ex) => ex switch
                {
                    AuthenticationException => SendOutcome.Failed,
                    SmtpProtocolException => SendOutcome.RetryLater,
                    System.Security.Authentication.AuthenticationException => SendOutcome.RetryLater,
                    _ => SendOutcome.Failed,
                };

                SendOutcome ByErrorCode(SmtpCommandException ex)
                {
                    // The reply class decides; the error code only says which command.
                    if (ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == SmtpStatusCode.InsufficientStorage)
                    {
                        switch (ex.ErrorCode)
                        {
                            case SmtpErrorCode.MessageNotAccepted:
                                return SendOutcome.RetryLater;
                        }
                    }

                    switch (ex.ErrorCode)
                    {
                        case SmtpErrorCode.RecipientNotAccepted:
                            Console.WriteLine(ex.Mailbox);
                            return SendOutcome.Failed;
                        case SmtpErrorCode.MessageNotAccepted when (int)ex.StatusCode < 500:
                            return SendOutcome.RetryLater;
                        default:
                            return SendOutcome.Failed;
                    }
                }
            }
            """);
    }
}
