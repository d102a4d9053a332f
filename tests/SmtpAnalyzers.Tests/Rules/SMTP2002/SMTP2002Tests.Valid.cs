using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer, SmtpAnalyzers.Reliability.PermanentFailureRetriedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Correct code and near misses that must stay free of this rule's diagnostics.</summary>
    public partial class SMTP2002Tests
    {
        [Fact]
        public Task Polly_WithPredicateOrConnectionTypesOrNoRetry_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.IO;
            using System.Net.Mail;
            using System.Net.Sockets;
            using MailKit.Net.Smtp;
            using Polly;
            using Polly.CircuitBreaker;
            using Polly.Retry;

            class Policies
            {
                Policy Predicate() => Policy.Handle<SmtpException>(ex => ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxBusy).Retry(3);

                Policy Connection() => Policy.Handle<SmtpProtocolException>().Or<IOException>().Or<SocketException>().WaitAndRetry(3, i => TimeSpan.FromSeconds(i));

                Policy Everything() => Policy.Handle<Exception>().Retry(3);

                Policy Breaker() => Policy.Handle<SmtpCommandException>().CircuitBreaker(5, TimeSpan.FromMinutes(1));

                PolicyBuilder NotYetRetried() => Policy.Handle<SmtpCommandException>();

                RetryStrategyOptions V8Predicate() => new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<SmtpCommandException>(ex => ex.StatusCode == MailKit.Net.Smtp.SmtpStatusCode.ServiceNotAvailable),
                };

                CircuitBreakerStrategyOptions V8Breaker() => new CircuitBreakerStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<SmtpCommandException>(),
                };
            }
            """);

        [Fact]
        public Task NotPolly_SameMethodNames_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            namespace MyResilience
            {
                class Builder
                {
                    public Builder Or<T>() => this;
                    public Builder Retry(int count) => this;
                }

                static class Policy
                {
                    public static Builder Handle<T>() => new Builder();
                }

                class Use
                {
                    Builder Make() => Policy.Handle<SmtpException>().Or<SmtpFailedRecipientException>().Retry(3);
                }
            }
            """);

        [Fact]
        public Task AllowListsClassChecksAndHelpers_AreQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading;
            using System.Threading.Tasks;

            class Sender
            {
                static bool IsTransient(SmtpStatusCode code) => code == SmtpStatusCode.ServiceNotAvailable || code == SmtpStatusCode.MailboxBusy;

                static bool ShouldRetry(Exception ex) => ex is SmtpException smtp && IsTransient(smtp.StatusCode);

                async Task AllowList(SmtpClient client, MailMessage message)
                {
                    for (var attempt = 0; attempt < 5; attempt++)
                    {
                        try
                        {
                            await client.SendMailAsync(message);
                            return;
                        }
                        catch (SmtpException ex) when (ex.StatusCode == SmtpStatusCode.ServiceNotAvailable
                            || ex.StatusCode == SmtpStatusCode.MailboxBusy
                            || ex.StatusCode == SmtpStatusCode.LocalErrorInProcessing)
                        {
                            await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                        }
                    }
                }

                void HelperInFilter(SmtpClient client, MailMessage message)
                {
                    while (true)
                    {
                        try
                        {
                            client.Send(message);
                            break;
                        }
                        catch (SmtpException ex) when (IsTransient(ex.StatusCode))
                        {
                            Thread.Sleep(1000);
                        }
                    }
                }

                void HelperInIf(SmtpClient client, MailMessage message)
                {
                    while (true)
                    {
                        try
                        {
                            client.Send(message);
                            break;
                        }
                        catch (Exception ex)
                        {
                            if (!ShouldRetry(ex))
                            {
                                return;
                            }

                            Thread.Sleep(1000);
                        }
                    }
                }

                void RangeAndSwitch(SmtpClient client, MailMessage message, int attempts)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException ex) when ((int)ex.StatusCode < 500)
                    {
                        RangeAndSwitch(client, message, attempts + 1);
                    }
                }

                void AllowListIf(SmtpClient client, MailMessage message)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        try
                        {
                            client.Send(message);
                            return;
                        }
                        catch (SmtpException ex)
                        {
                            if (ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == SmtpStatusCode.ServiceNotAvailable)
                            {
                                Thread.Sleep(1000);
                                continue;
                            }

                            return;
                        }
                    }
                }

                void Switch(SmtpClient client, MailMessage message)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        try
                        {
                            client.Send(message);
                            return;
                        }
                        catch (SmtpException ex)
                        {
                            switch (ex.StatusCode)
                            {
                                case SmtpStatusCode.MailboxBusy:
                                case SmtpStatusCode.ServiceNotAvailable:
                                    continue;
                                default:
                                    return;
                            }
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task ReplyClassCheckFromTheHolder_IsQuiet()
        {
            var source = """
                using System.Net.Mail;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                        }
                        catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                        {
                            client.Send(message);
                        }
                    }
                }
                """;
            var (_, holder) = Holder.WithClassChecks();
            return VerifyAnalyzer.VerifyAsync(new[] { source, holder.ToString() });
        }

        [Fact]
        public Task ConnectionFailuresRethrowAndWrap_AreQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.IO;
            using System.Net.Sockets;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class PermanentMailException : Exception
            {
                public PermanentMailException(string message, Exception inner) : base(message, inner) { }
            }

            class Sender
            {
                public int RetryCount { get; set; }

                async Task Send(SmtpClient client, MimeMessage message)
                {
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        try
                        {
                            await client.SendAsync(message);
                            return;
                        }
                        catch (SmtpProtocolException)
                        {
                            await client.DisconnectAsync(false);
                            continue;
                        }
                        catch (IOException)
                        {
                            continue;
                        }
                        catch (SocketException)
                        {
                            await Task.Delay(1000);
                        }
                        catch (Exception ex) when (ex is OperationCanceledException || ex is TimeoutException)
                        {
                            continue;
                        }
                        catch (SmtpCommandException ex)
                        {
                            RetryCount++;
                            throw new PermanentMailException("refused: " + ex.StatusCode, ex);
                        }
                    }
                }

                void Rethrow(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (Exception)
                    {
                        RetryCount++;
                        throw;
                    }
                }
            }
            """);

        [Fact]
        public Task LoopsThatDoNotRetryOnFailure_AreQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;

            class Sender
            {
                void EachMessage(SmtpClient client, IEnumerable<MailMessage> messages)
                {
                    foreach (var message in messages)
                    {
                        try
                        {
                            client.Send(message);
                        }
                        catch (SmtpException ex)
                        {
                            Console.WriteLine(ex.StatusCode);
                            continue;
                        }
                    }
                }

                void EachIndex(SmtpClient client, IList<MailMessage> messages)
                {
                    for (var i = 0; i < messages.Count; i++)
                    {
                        try
                        {
                            client.Send(messages[i]);
                        }
                        catch (SmtpException)
                        {
                            Console.WriteLine("failed " + i);
                        }
                    }
                }

                void HandlerEndsTheLoop(SmtpClient client, MailMessage message)
                {
                    var sent = false;
                    var failed = false;
                    while (!sent && !failed)
                    {
                        try
                        {
                            client.Send(message);
                            sent = true;
                        }
                        catch (SmtpException ex)
                        {
                            Console.WriteLine(ex.StatusCode);
                            failed = true;
                        }
                    }
                }

                void EarlierCatchGivesUp(SmtpClient client, MailMessage message)
                {
                    while (true)
                    {
                        try
                        {
                            client.Send(message);
                            break;
                        }
                        catch (SmtpException)
                        {
                            return;
                        }
                        catch (Exception)
                        {
                            continue;
                        }
                    }
                }

                void EventBased(SmtpClient client, MailMessage message)
                {
                    client.SendCompleted += (s, e) => Console.WriteLine(e.Error);
                    try
                    {
                        client.SendAsync(message, null);
                    }
                    catch (Exception)
                    {
                        client.SendAsync(message, null);
                    }
                }
            }
            """);

        [Fact]
        public Task NotSmtpTypesWithTheSameNames_AreQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;

            namespace Mine
            {
                class SmtpException : Exception
                {
                }

                class SmtpClient
                {
                    public void Send(string message) { }
                }

                class Sender
                {
                    void Send(SmtpClient client)
                    {
                        while (true)
                        {
                            try
                            {
                                client.Send("hello");
                                break;
                            }
                            catch (SmtpException)
                            {
                                continue;
                            }
                            catch (Exception)
                            {
                                client.Send("again");
                            }
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NotificationSentFromTheCatch_IsNotARetry() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, SmtpClient admin, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException ex)
                    {
                        admin.Send(new MailMessage("robot@example.com", "admin@example.com", "mail failed", ex.Message));
                        admin.Send("robot@example.com", "admin@example.com", "mail failed", ex.Message);
                    }
                }
            }
            """);
    }
}
