using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer, SmtpAnalyzers.Reliability.PermanentFailureRetriedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>The fixed code, one fix and fix-all, and the shapes that get no fix.</summary>
    public partial class SMTP2002Tests
    {
        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task PollyV7_HandleAndOrWithoutPredicate_GetTheTransientPredicate(LanguageVersion languageVersion) => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.IO;
            using System.Net.Mail;
            using MailKit.Net.Smtp;
            using Polly;

            class Policies
            {
                Policy Sync() => Policy.{|SMTP2002:Handle<System.Net.Mail.SmtpException>()|}.Retry(3);

                IAsyncPolicy Async() => Policy
                    .{|SMTP2002:Handle<SmtpCommandException>()|}
                    .WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(attempt));

                Policy Mixed() => Policy.Handle<IOException>().{|SMTP2002:Or<SmtpFailedRecipientException>()|}.RetryForever();
            }
            """,
            """
            using System;
            using System.IO;
            using System.Net.Mail;
            using MailKit.Net.Smtp;
            using Polly;

            class Policies
            {
                Policy Sync() => Policy.Handle<System.Net.Mail.SmtpException>(ex => ex.StatusCode.IsTransientFailure()).Retry(3);

                IAsyncPolicy Async() => Policy
                    .Handle<SmtpCommandException>(ex => ex.StatusCode.IsTransientFailure())
                    .WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(attempt));

                Policy Mixed() => Policy.Handle<IOException>().Or<SmtpFailedRecipientException>(ex => ex.StatusCode.IsTransientFailure()).RetryForever();
            }
            """,
            languageVersion);

        [Fact]
        public Task PollyV7_HandleAndOrInOneChain_AreBothFixed() => Verify.VerifyWithClassChecksAsync(
            """
            using System.Net.Mail;
            using MailKit.Net.Smtp;
            using Polly;

            class Policies
            {
                Policy Make() => Policy.{|SMTP2002:Handle<System.Net.Mail.SmtpException>()|}.{|SMTP2002:Or<SmtpCommandException>()|}.Retry(3);
            }
            """,
            """
            using System.Net.Mail;
            using MailKit.Net.Smtp;
            using Polly;

            class Policies
            {
                Policy Make() => Policy.Handle<System.Net.Mail.SmtpException>(ex => ex.StatusCode.IsTransientFailure()).Or<SmtpCommandException>(ex => ex.StatusCode.IsTransientFailure()).Retry(3);
            }
            """);

        [Fact]
        public Task PollyV7_LambdaNameAvoidsALocalInScope() => Verify.VerifyWithClassChecksAsync(
            """
            using System.Net.Mail;
            using Polly;

            class Policies
            {
                Policy Make()
                {
                    var ex = 3;
                    return Policy.{|SMTP2002:Handle<SmtpException>()|}.WaitAndRetry(ex, attempt => System.TimeSpan.FromMinutes(attempt));
                }

                Policy DeclaredLater()
                {
                    var policy = Policy.{|SMTP2002:Handle<SmtpException>()|}.Retry(1);
                    var ex = policy;
                    return ex;
                }
            }
            """,
            """
            using System.Net.Mail;
            using Polly;

            class Policies
            {
                Policy Make()
                {
                    var ex = 3;
                    return Policy.Handle<SmtpException>(smtpEx => smtpEx.StatusCode.IsTransientFailure()).WaitAndRetry(ex, attempt => System.TimeSpan.FromMinutes(attempt));
                }

                Policy DeclaredLater()
                {
                    var policy = Policy.Handle<SmtpException>(smtpEx => smtpEx.StatusCode.IsTransientFailure()).Retry(1);
                    var ex = policy;
                    return ex;
                }
            }
            """,
            LanguageVersion.CSharp7_3);

        [Fact]
        public Task PollyV7_ResultPolicyAndCommandExceptionBase_AreReportedWithoutAFixWhereNoStatusCode() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;
            using MailKit;
            using Polly;

            class Policies
            {
                // The plural exception's own StatusCode is always GeneralFailure; CommandException has no StatusCode.
                Policy Plural() => Policy.{|SMTP2002:Handle<SmtpFailedRecipientsException>()|}.Retry(2);

                Policy<string> Base() => Policy<string>.{|SMTP2002:Handle<CommandException>()|}.Retry(2);
            }
            """);

        [Fact]
        public Task PollyV8_ShouldHandleWithoutPredicate_GetsTheTransientPredicate() => Verify.VerifyWithClassChecksAsync(
            """
            using MailKit.Net.Smtp;
            using Polly;
            using Polly.Retry;

            class Pipelines
            {
                ResiliencePipeline Make() => new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().{|SMTP2002:Handle<SmtpCommandException>()|},
                        MaxRetryAttempts = 3,
                    })
                    .Build();

                RetryStrategyOptions<string> Typed() => new RetryStrategyOptions<string>
                {
                    ShouldHandle = new PredicateBuilder<string>().Handle<System.IO.IOException>().{|SMTP2002:Handle<System.Net.Mail.SmtpException>()|},
                };
            }
            """,
            """
            using MailKit.Net.Smtp;
            using Polly;
            using Polly.Retry;

            class Pipelines
            {
                ResiliencePipeline Make() => new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<SmtpCommandException>(ex => ex.StatusCode.IsTransientFailure()),
                        MaxRetryAttempts = 3,
                    })
                    .Build();

                RetryStrategyOptions<string> Typed() => new RetryStrategyOptions<string>
                {
                    ShouldHandle = new PredicateBuilder<string>().Handle<System.IO.IOException>().Handle<System.Net.Mail.SmtpException>(ex => ex.StatusCode.IsTransientFailure()),
                };
            }
            """);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task SystemNetMail_SyncRetryLoop_CatchWithoutVariable_GetsFilter(LanguageVersion languageVersion) => Verify.VerifyWithClassChecksAsync(
            """
            using System.Net.Mail;
            using System.Threading;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            client.Send(message);
                            return;
                        }
                        catch {|SMTP2002:(SmtpException)|}
                        {
                            Thread.Sleep(1000 * attempt);
                        }
                    }
                }
            }
            """,
            """
            using System.Net.Mail;
            using System.Threading;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            client.Send(message);
                            return;
                        }
                        catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                        {
                            Thread.Sleep(1000 * attempt);
                        }
                    }
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task RetryLoopWithABackOffAfterTheTry_GetsFilter() => Verify.VerifyWithClassChecksAsync(
            """
            using System.Net.Mail;
            using System.Threading;
            using System.Threading.Tasks;

            class Sender
            {
                async Task SendAsync(SmtpClient client, MailMessage message, int retries, int wait, CancellationToken ct)
                {
                    for (int i = 0; i < retries + 1; i++)
                    {
                        try
                        {
                            await client.SendMailAsync(message);
                            return;
                        }
                        catch {|SMTP2002:(SmtpFailedRecipientException)|}
                        {
                            if (i == retries) throw;
                        }

                        await Task.Delay(wait, ct);
                        wait *= 2;
                    }
                }
            }
            """,
            """
            using System.Net.Mail;
            using System.Threading;
            using System.Threading.Tasks;

            class Sender
            {
                async Task SendAsync(SmtpClient client, MailMessage message, int retries, int wait, CancellationToken ct)
                {
                    for (int i = 0; i < retries + 1; i++)
                    {
                        try
                        {
                            await client.SendMailAsync(message);
                            return;
                        }
                        catch (SmtpFailedRecipientException ex) when (ex.StatusCode.IsTransientFailure())
                        {
                            if (i == retries) throw;
                        }

                        await Task.Delay(wait, ct);
                        wait *= 2;
                    }
                }
            }
            """);

        [Fact]
        public Task RetryLoopThatDecidesAfterTheTry_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Sender
            {
                async Task Break(SmtpClient client, MailMessage message, Func<bool> shouldStop)
                {
                    for (int i = 0; i < 3; i++)
                    {
                        try
                        {
                            await client.SendMailAsync(message);
                            return;
                        }
                        catch (SmtpException)
                        {
                        }

                        await Task.Delay(1000);
                        if (shouldStop()) break;
                    }
                }

                async Task Throw(SmtpClient client, MailMessage message, Func<bool> permanent)
                {
                    var attempt = 0;
                    while (true)
                    {
                        try
                        {
                            await client.SendMailAsync(message);
                            return;
                        }
                        catch (SmtpException)
                        {
                        }

                        if (permanent() || ++attempt == 3)
                        {
                            throw new InvalidOperationException("not sent");
                        }
                    }
                }
            }
            """);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task MailKit_AsyncWhileLoopWithContinue_GetsFilter(LanguageVersion languageVersion) => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Sender
            {
                async Task Send(ISmtpClient client, MimeMessage message)
                {
                    var sent = false;
                    while (!sent)
                    {
                        try
                        {
                            await client.SendAsync(message);
                            sent = true;
                        }
                        catch {|SMTP2002:(SmtpCommandException e)|}
                        {
                            Console.WriteLine(e.Message);
                            await Task.Delay(1000);
                            continue;
                        }
                    }
                }
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Sender
            {
                async Task Send(ISmtpClient client, MimeMessage message)
                {
                    var sent = false;
                    while (!sent)
                    {
                        try
                        {
                            await client.SendAsync(message);
                            sent = true;
                        }
                        catch (SmtpCommandException e) when (e.StatusCode.IsTransientFailure())
                        {
                            Console.WriteLine(e.Message);
                            await Task.Delay(1000);
                            continue;
                        }
                    }
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task SendAgainRecursionAndAttemptCounter_AreFixedTogether() => Verify.VerifyWithClassChecksAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Item
            {
                public int RetryCount { get; set; }
                public string Status { get; set; }
            }

            class Sender
            {
                int _sendAttempts;

                void Again(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|SMTP2002:(SmtpFailedRecipientException)|}
                    {
                        var ex = "taken";
                        client.Send(message);
                    }
                }

                async Task Recurse(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try
                    {
                        await client.SendMailAsync(message);
                    }
                    catch {|SMTP2002:(System.Net.Mail.SmtpException ex)|}
                    {
                        await Recurse(client, message);
                    }
                }

                void Requeue(MailKit.Net.Smtp.SmtpClient client, MimeMessage message, Item item)
                {
                    try
                    {
                        client.Send(message);
                        item.Status = "sent";
                    }
                    catch {|SMTP2002:(SmtpCommandException)|}
                    {
                        item.RetryCount++;
                        _sendAttempts += 1;
                        item.Status = "pending";
                    }
                }
            }
            """,
            """
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Item
            {
                public int RetryCount { get; set; }
                public string Status { get; set; }
            }

            class Sender
            {
                int _sendAttempts;

                void Again(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpFailedRecipientException smtpEx) when (smtpEx.StatusCode.IsTransientFailure())
                    {
                        var ex = "taken";
                        client.Send(message);
                    }
                }

                async Task Recurse(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    try
                    {
                        await client.SendMailAsync(message);
                    }
                    catch (System.Net.Mail.SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        await Recurse(client, message);
                    }
                }

                void Requeue(MailKit.Net.Smtp.SmtpClient client, MimeMessage message, Item item)
                {
                    try
                    {
                        client.Send(message);
                        item.Status = "sent";
                    }
                    catch (SmtpCommandException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        item.RetryCount++;
                        _sendAttempts += 1;
                        item.Status = "pending";
                    }
                }
            }
            """);

        [Fact]
        public Task CatchAllAndNonReplyFilters_AreReportedWithoutAFix() => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Net.Mail;
            using MailKit;
            using MimeKit;

            class Item
            {
                public int Attempts { get; set; }
            }

            class Sender
            {
                void Requeue(SmtpClient client, MailMessage message, Item item)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|SMTP2002:(Exception ex)|}
                    {
                        Console.WriteLine(ex.Message);
                        item.Attempts++;
                    }
                }

                void Assigned(SmtpClient client, MailMessage message, Item item)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|SMTP2002:(SmtpFailedRecipientsException ex)|}
                    {
                        Console.WriteLine(ex.InnerExceptions.Length);
                        item.Attempts = item.Attempts + 1;
                    }
                }

                void Filtered(SmtpClient client, MailMessage message, int attempt)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|SMTP2002:(SmtpException ex)|} when (attempt < 3)
                    {
                        Filtered(client, message, attempt + 1);
                    }
                }

                void Bare(IMailTransport transport, MimeMessage message)
                {
                    while (true)
                    {
                        try
                        {
                            transport.Send(message);
                            break;
                        }
                        {|SMTP2002:catch|}
                        {
                            continue;
                        }
                    }
                }

                void AfterATransientCatch(SmtpClient client, MailMessage message)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        try
                        {
                            client.Send(message);
                            return;
                        }
                        catch (SmtpException ex) when (ex.StatusCode == SmtpStatusCode.MailboxBusy)
                        {
                            continue;
                        }
                        catch {|SMTP2002:(Exception)|}
                        {
                            continue;
                        }
                    }
                }
            }
            """);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task DenyListInFilterOrIf_IsReportedWithoutAFix(LanguageVersion languageVersion) => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Sender
            {
                async Task Filter(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    for (var attempt = 0; attempt < 5; attempt++)
                    {
                        try
                        {
                            await client.SendMailAsync(message);
                            return;
                        }
                        catch {|SMTP2002:(System.Net.Mail.SmtpException ex)|} when (ex.StatusCode != System.Net.Mail.SmtpStatusCode.MailboxUnavailable)
                        {
                            await Task.Delay(1000);
                        }
                    }
                }

                void EarlyReturn(System.Net.Mail.SmtpClient client, MailMessage message)
                {
                    while (true)
                    {
                        try
                        {
                            client.Send(message);
                            break;
                        }
                        catch {|SMTP2002:(System.Net.Mail.SmtpException ex)|}
                        {
                            if (ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxUnavailable || ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxNameNotAllowed)
                            {
                                return;
                            }

                            System.Threading.Thread.Sleep(1000);
                        }
                    }
                }

                void InIf(MailKit.Net.Smtp.SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|SMTP2002:(SmtpCommandException ex)|}
                    {
                        if (ex.StatusCode != MailKit.Net.Smtp.SmtpStatusCode.MailboxUnavailable && (int)ex.StatusCode != 553)
                        {
                            client.Send(message);
                        }
                    }
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task DenyListWithNotPattern_IsReported() => Verify.VerifyNoFixAsync(
            """
            using MailKit.Net.Smtp;
            using MimeKit;

            class Sender
            {
                void Send(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|SMTP2002:(SmtpCommandException ex)|} when (ex.StatusCode is not (SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.AuthenticationInvalidCredentials))
                    {
                        client.Send(message);
                    }
                }
            }
            """);

        [Fact]
        public Task MailKitAuthenticationFailuresRetried_AreReportedWithoutAFix() => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            class Sender
            {
                async Task Send(ISmtpClient client, MimeMessage message, string user, string password)
                {
                    for (var attempt = 0; attempt < 5; attempt++)
                    {
                        try
                        {
                            await client.AuthenticateAsync(user, password);
                            await client.SendAsync(message);
                            return;
                        }
                        catch {|SMTP2002:(AuthenticationException)|}
                        {
                            await Task.Delay(1000);
                            continue;
                        }
                        catch {|SMTP2002:(ServiceNotAuthenticatedException)|}
                        {
                            await Task.Delay(1000);
                            continue;
                        }
                    }
                }
            }
            """);
    }
}
