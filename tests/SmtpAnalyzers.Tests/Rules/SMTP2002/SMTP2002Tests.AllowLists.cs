using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer, SmtpAnalyzers.Reliability.PermanentFailureRetriedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Allow-lists that name a permanent code, deny-lists in Polly predicates, authentication failures named by type.</summary>
    public partial class SMTP2002Tests
    {
        [Fact]
        public Task AllowListFilterNamingAPermanentCode_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|#0:(SmtpException ex)|} when (ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == SmtpStatusCode.MailboxUnavailable)
                    {
                        client.Send(message);
                    }
                }

                void AuthRetry(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|#1:(SmtpException ex)|} when ((int)ex.StatusCode == 535)
                    {
                        client.Send(message);
                    }
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("catch", "SmtpException with the listed code MailboxUnavailable, a 550", "it sends again"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(1).WithArguments("catch", "SmtpException with the listed code 535", "it sends again"));

        [Fact]
        public Task SwitchCasesListingAPermanentCodeBeforeTheRetry_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|#0:(SmtpException ex)|}
                    {
                        switch (ex.StatusCode)
                        {
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.TransactionFailed:
                                client.Send(message);
                                break;
                            default:
                                Console.WriteLine("given up");
                                break;
                        }
                    }
                }

                void Quiet(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException ex)
                    {
                        switch ((int)ex.StatusCode)
                        {
                            case 450:
                            case 421:
                                client.Send(message);
                                break;
                            case 550:
                                throw;
                            default:
                                Console.WriteLine("given up");
                                break;
                        }
                    }
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("catch", "SmtpException with the listed code TransactionFailed, a 554", "it sends again"));

        [Fact]
        public Task FilterNamingAuthenticationFailures_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Sockets;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            class Sender
            {
                void Send(SmtpClient client, MimeMessage message)
                {
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        try
                        {
                            client.Send(message);
                            break;
                        }
                        catch {|#0:(Exception ex)|} when (ex is SocketException || ex is AuthenticationException)
                        {
                            continue;
                        }
                    }
                }

                void Quiet(SmtpClient client, MimeMessage message)
                {
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        try
                        {
                            client.Send(message);
                            break;
                        }
                        catch (Exception ex) when (ex is SocketException || ex is SmtpProtocolException)
                        {
                            continue;
                        }
                    }
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("catch", "AuthenticationException, an authentication failure that fails again with the same credentials", "it continues the retry loop"));

        /// <summary>
        /// "Not authenticated" is cured by authenticating: a catch that takes only authentication failures and renews the
        /// session before sending again (a reconnect and Authenticate of its own, a method of the project, a token refresh)
        /// does not repeat the same send. Seen in public code: reconnect and re-authenticate, then one more send. A catch
        /// that only waits and logs before the resend still repeats it, and is reported.
        /// </summary>
        [Fact]
        public Task AuthenticationFailuresRetriedAfterRenewingTheSession_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            class Sender
            {
                private readonly ISmtpClient _client = new SmtpClient();

                async Task SendAfterNewSession(MimeMessage message, CancellationToken cancellationToken)
                {
                    try
                    {
                        await _client.SendAsync(message, cancellationToken);
                    }
                    catch (Exception exception) when (exception is ServiceNotConnectedException || exception is ServiceNotAuthenticatedException)
                    {
                        await CreateSessionAsync(cancellationToken);
                        await _client.SendAsync(message, cancellationToken);
                    }
                }

                async Task SendAfterAuthenticating(MimeMessage message, string user, string password)
                {
                    try
                    {
                        await _client.SendAsync(message);
                    }
                    catch (ServiceNotAuthenticatedException)
                    {
                        await _client.AuthenticateAsync(user, password);
                        await _client.SendAsync(message);
                    }
                }

                async Task SendAfterWaiting(MimeMessage message)
                {
                    try
                    {
                        await _client.SendAsync(message);
                    }
                    catch {|#0:(ServiceNotAuthenticatedException)|}
                    {
                        Console.WriteLine("not authenticated, trying again");
                        await Task.Delay(TimeSpan.FromSeconds(1));
                        await _client.SendAsync(message);
                    }
                }

                async Task CreateSessionAsync(CancellationToken cancellationToken)
                {
                    await _client.ConnectAsync("smtp.example.com", 587, SecureSocketOptions.StartTls, cancellationToken);
                    await _client.AuthenticateAsync("user", Environment.GetEnvironmentVariable("SMTP_PASSWORD"), cancellationToken);
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("catch", "every ServiceNotAuthenticatedException", "it sends again"));

        [Fact]
        public Task DocumentationExample_RetryingMailboxBusyOrMailboxUnavailable_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|#0:(SmtpFailedRecipientsException ex)|}
                    {
                        for (int i = 0; i < ex.InnerExceptions.Length; i++)
                        {
                            SmtpStatusCode status = ex.InnerExceptions[i].StatusCode;
                            if (status == SmtpStatusCode.MailboxBusy || status == SmtpStatusCode.MailboxUnavailable)
                            {
                                Console.WriteLine("Delivery failed - retrying in 5 seconds.");
                                System.Threading.Thread.Sleep(5000);
                                client.Send(message);
                            }
                            else
                            {
                                Console.WriteLine("Failed to deliver message to {0}", ex.InnerExceptions[i].FailedRecipient);
                            }
                        }
                    }
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("catch", "SmtpFailedRecipientsException with the listed code MailboxUnavailable, a 550", "it sends again"));

        [Fact]
        public Task PollyPredicates_DenyListsAndPermanentAllowLists_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Polly;
            using Polly.Retry;

            class Policies
            {
                Policy V7Deny() => Policy.{|#0:Handle<SmtpCommandException>(ex => ex.StatusCode != SmtpStatusCode.MailboxUnavailable)|}.Retry(3);

                Policy V7Allow() => Policy.{|#1:Handle<SmtpCommandException>(ex => ex.StatusCode is SmtpStatusCode.MailboxBusy or SmtpStatusCode.TransactionFailed)|}
                    .WaitAndRetry(3, i => TimeSpan.FromSeconds(i));

                Policy V7Auth() => Policy.Handle<SmtpProtocolException>().{|#2:Or<Exception>(ex => ex is AuthenticationException)|}.Retry(2);

                RetryStrategyOptions V8Deny() => new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().{|#3:Handle<SmtpCommandException>(ex => ex.StatusCode != SmtpStatusCode.AuthenticationInvalidCredentials)|},
                };

                RetryStrategyOptions V8Allow() => new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().{|#4:Handle<SmtpCommandException>(ex => ex.StatusCode == SmtpStatusCode.AuthenticationInvalidCredentials)|},
                };
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("retry policy", "every SmtpCommandException except the codes it lists", "Handle with a deny-list predicate"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(1).WithArguments("retry policy", "SmtpCommandException with the listed code TransactionFailed, a 554", "Handle with an allow-list predicate"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(2).WithArguments("retry policy", "AuthenticationException, an authentication failure that fails again with the same credentials", "Or with a predicate that names it"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(3).WithArguments("retry policy", "every SmtpCommandException except the codes it lists", "Handle with a deny-list predicate"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(4).WithArguments("retry policy", "SmtpCommandException with the listed code AuthenticationInvalidCredentials, a 535", "Handle with an allow-list predicate"));

        [Fact]
        public Task AllowListsAndPredicates_GetNoFix() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;
            using Polly;

            class Sender
            {
                Policy Deny() => Policy.{|SMTP2002:Handle<SmtpException>(ex => ex.StatusCode != SmtpStatusCode.MailboxUnavailable)|}.Retry(3);

                Policy Allow() => Policy.{|SMTP2002:Handle<SmtpException>(ex => ex.StatusCode == SmtpStatusCode.TransactionFailed)|}.Retry(3);

                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|SMTP2002:(SmtpException ex)|} when (ex.StatusCode == SmtpStatusCode.MailboxUnavailable)
                    {
                        client.Send(message);
                    }
                }
            }
            """);

        [Fact]
        public Task AllowListWithTheLegacyTooManyRecipients552_IsQuiet_AndAnotherPermanentCodeBesideItIsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                // RFC 5321 §4.5.3.1.10: a 552 may be RFC 821's "too many recipients", which clients should treat as 452.
                void TooManyRecipients(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException ex) when (ex.StatusCode == SmtpStatusCode.InsufficientStorage || ex.StatusCode == SmtpStatusCode.ExceededStorageAllocation)
                    {
                        client.Send(message);
                    }
                }

                void WithAnother(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|#0:(SmtpException ex)|} when ((int)ex.StatusCode == 552 || (int)ex.StatusCode == 554)
                    {
                        client.Send(message);
                    }
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("catch", "SmtpException with the listed code 554", "it sends again"));

        [Fact]
        public Task CorrectAllowListsAndNearMisses_AreQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net;
            using System.Net.Http;
            using System.Net.Sockets;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Polly;
            using Polly.Retry;

            class Policies
            {
                // Transient members only.
                Policy Transient() => Policy.Handle<SmtpCommandException>(ex => ex.StatusCode == SmtpStatusCode.MailboxBusy
                    || ex.StatusCode == SmtpStatusCode.ServiceNotAvailable
                    || ex.StatusCode is SmtpStatusCode.ErrorInProcessing or SmtpStatusCode.InsufficientStorage).Retry(3);

                // A negated list excludes the permanent codes: not an allow-list of them.
                Policy NegatedList() => Policy.Handle<SmtpCommandException>(ex => !(ex.StatusCode == SmtpStatusCode.MailboxUnavailable
                    || ex.StatusCode == SmtpStatusCode.TransactionFailed) && (int)ex.StatusCode < 500).Retry(3);

                // Authentication failures excluded, not named.
                Policy AuthExcluded() => Policy.Handle<Exception>(ex => ex is not AuthenticationException).Retry(3);

                // A deny-list combined with a class check.
                Policy DenyAndClass() => Policy.Handle<SmtpCommandException>(ex => ex.StatusCode != SmtpStatusCode.MailboxBusy && (int)ex.StatusCode < 500).Retry(3);

                // Not retried: a breaker.
                Policy Breaker() => Policy.Handle<SmtpCommandException>(ex => ex.StatusCode != SmtpStatusCode.MailboxBusy).CircuitBreaker(5, TimeSpan.FromMinutes(1));

                // HTTP: status codes of another protocol.
                Policy Http() => Policy.Handle<HttpRequestException>(ex => ex.StatusCode == HttpStatusCode.ServiceUnavailable || ex.StatusCode != HttpStatusCode.NotFound).Retry(3);

                // Connection failures.
                RetryStrategyOptions V8Connection() => new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is SocketException || ex is SmtpProtocolException),
                };
            }

            class Sender
            {
                void Send(System.Net.Mail.SmtpClient client, System.Net.Mail.MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (System.Net.Mail.SmtpException ex) when (ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxBusy || ex.StatusCode == System.Net.Mail.SmtpStatusCode.ServiceNotAvailable)
                    {
                        client.Send(message);
                    }
                    catch (System.Net.Mail.SmtpException ex) when (ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxUnavailable)
                    {
                        // A permanent code listed to give up, not to retry.
                        Console.Error.WriteLine(ex);
                        throw;
                    }
                }

                void Body(System.Net.Mail.SmtpClient client, System.Net.Mail.MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (System.Net.Mail.SmtpException ex)
                    {
                        if (ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxUnavailable || ex.StatusCode == System.Net.Mail.SmtpStatusCode.TransactionFailed)
                        {
                            throw new InvalidOperationException("Rejected for good", ex);
                        }

                        if (ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxBusy)
                        {
                            client.Send(message);
                        }
                    }
                }
            }
            """);
    }
}
