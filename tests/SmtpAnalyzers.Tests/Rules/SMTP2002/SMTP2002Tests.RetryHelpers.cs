using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Generic retry helpers: the send is given as a delegate to a method of the project that retries every failure of it.</summary>
    public partial class SMTP2002Tests
    {
        [Fact]
        public Task RetryHelperLoop_IsReportedAtTheCall_NamingTheHelperAndThePath() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            static class Retry
            {
                public static async Task ExecuteWithRetryAsync(Func<Task> action, int maxAttempts = 3)
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await action();
                            return;
                        }
                        catch (Exception) when (attempt < maxAttempts)
                        {
                            await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                        }
                    }
                }
            }

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                private async Task SendEmailAsync(MailMessage message)
                {
                    await _client.SendMailAsync(message);
                }

                public async Task NotifyAsync(MailMessage message)
                {
                    await Retry.{|#0:ExecuteWithRetryAsync|}(() => _client.SendMailAsync(message));
                    await Retry.{|#1:ExecuteWithRetryAsync|}(async () => await SendEmailAsync(message));
                    await Retry.{|#2:ExecuteWithRetryAsync|}(() => SendEmailAsync(message), maxAttempts: 5);
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("retry helper 'ExecuteWithRetryAsync'", "every exception of the send", "the retry loop runs again"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(1).WithArguments("retry helper 'ExecuteWithRetryAsync'", "every exception of the send through 'SendEmailAsync'", "the retry loop runs again"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(2).WithArguments("retry helper 'ExecuteWithRetryAsync'", "every exception of the send through 'SendEmailAsync'", "the retry loop runs again"));

        [Fact]
        public Task RecursiveAndRepeatingHelpers_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient();

                private async Task RetryAsync(Func<Task> action, int retries)
                {
                    try
                    {
                        await action().ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        if (retries <= 0)
                        {
                            throw;
                        }

                        await Task.Delay(1000);
                        await RetryAsync(action, retries - 1);
                    }
                }

                private static async Task<T> TwiceAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken ct)
                {
                    try
                    {
                        return await operation(ct);
                    }
                    catch (SmtpCommandException)
                    {
                        await Task.Delay(500, ct);
                        return await operation(ct);
                    }
                }

                private void Retry(Action action)
                {
                    var attempts = 0;
                    while (true)
                    {
                        try
                        {
                            action();
                            break;
                        }
                        catch (SmtpCommandException)
                        {
                            if (++attempts == 3)
                            {
                                throw;
                            }

                            Thread.Sleep(1000);
                        }
                    }
                }

                private void Deliver(MimeMessage message) => _client.Send(message);

                private void DeliverPending() => Deliver(new MimeMessage());

                public async Task RunAsync(MimeMessage message, CancellationToken ct)
                {
                    await {|#0:RetryAsync|}(async () => await _client.SendAsync(message), 3);
                    var reply = await {|#1:TwiceAsync|}(c => _client.SendAsync(message, c), ct);
                    {|#2:Retry|}(() => Deliver(message));
                    {|#3:Retry|}(DeliverPending);
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("retry helper 'RetryAsync'", "every exception of the send", "it calls RetryAsync again"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(1).WithArguments("retry helper 'TwiceAsync'", "every SmtpCommandException", "it calls operation again"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(2).WithArguments("retry helper 'Retry'", "every SmtpCommandException of the send through 'Deliver'", "the retry loop runs again"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(3).WithArguments("retry helper 'Retry'", "every SmtpCommandException of the send through 'DeliverPending' and 'Deliver'", "the retry loop runs again"));

        [Fact]
        public Task RetryHelpersThatClassifyOrDoNotRetryTheSend_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net.Http;
            using System.Net.Mail;
            using System.Threading.Tasks;

            interface IRetry
            {
                Task ExecuteAsync(Func<Task> action);
            }

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");
                private readonly HttpClient _http = new HttpClient();

                // Every failure retried: fine for HTTP, and the SMTP calls below do not use it.
                private static async Task RetryAllAsync(Func<Task> action)
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await action();
                            return;
                        }
                        catch (Exception) when (attempt < 3)
                        {
                            await Task.Delay(1000);
                        }
                    }
                }

                // Classifies the exception.
                private static async Task RetryTransientAsync(Func<Task> action)
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await action();
                            return;
                        }
                        catch (Exception ex) when (attempt < 3 && IsTransient(ex))
                        {
                            await Task.Delay(1000);
                        }
                    }
                }

                // The caller decides.
                private static async Task RetryIfAsync(Func<Task> action, Func<Exception, bool> shouldRetry)
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await action();
                            return;
                        }
                        catch (Exception ex) when (shouldRetry(ex))
                        {
                            await Task.Delay(1000);
                        }
                    }
                }

                // Retries connection failures only.
                private static async Task RetryIoAsync(Func<Task> action)
                {
                    while (true)
                    {
                        try
                        {
                            await action();
                            return;
                        }
                        catch (IOException)
                        {
                            await Task.Delay(1000);
                        }
                    }
                }

                // Logs and rethrows.
                private static async Task LoggedAsync(Func<Task> action)
                {
                    try
                    {
                        await action();
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex);
                        throw;
                    }
                }

                // The Task is returned from the try, so it fails after the catch is gone.
                private static Task NotAwaitedAsync(Func<Task> action)
                {
                    while (true)
                    {
                        try
                        {
                            return action();
                        }
                        catch (Exception)
                        {
                        }
                    }
                }

                // One item after the other: a failed item is not retried.
                private static void ForEach<T>(IEnumerable<T> items, Action<T> action)
                {
                    foreach (var item in items)
                    {
                        try
                        {
                            action(item);
                        }
                        catch (Exception ex)
                        {
                            Console.WriteLine(ex.Message);
                        }
                    }
                }

                // Retries System.Net.Mail's failures only: a MailKit send's failure passes through.
                private static void RetrySystemNetMail(Action action)
                {
                    while (true)
                    {
                        try
                        {
                            action();
                            return;
                        }
                        catch (SmtpException)
                        {
                        }
                    }
                }

                private static bool IsTransient(Exception ex)
                    => ex is SmtpException smtp && (int)smtp.StatusCode >= 400 && (int)smtp.StatusCode < 500;

                private async Task SendOrReportAsync(MailMessage message)
                {
                    try
                    {
                        await _client.SendMailAsync(message);
                    }
                    catch (Exception ex)
                    {
                        throw new InvalidOperationException("send failed", ex);
                    }
                }

                public async Task RunAsync(MailMessage message, List<MailMessage> messages, IRetry retry, MailKit.Net.Smtp.SmtpClient mailKit, MimeKit.MimeMessage mime)
                {
                    await RetryAllAsync(() => _http.GetAsync("https://example.org"));
                    await RetryAllAsync(async () =>
                    {
                        try
                        {
                            await _client.SendMailAsync(message);
                        }
                        catch (SmtpException ex) when ((int)ex.StatusCode >= 500)
                        {
                            Console.WriteLine(ex.StatusCode);
                        }
                        catch (SmtpException)
                        {
                        }
                    });
                    await RetryAllAsync(() =>
                    {
                        _ = _client.SendMailAsync(message);
                        return Task.CompletedTask;
                    });
                    await RetryTransientAsync(() => _client.SendMailAsync(message));
                    await RetryIfAsync(() => _client.SendMailAsync(message), ex => ex is IOException);
                    await RetryIoAsync(() => _client.SendMailAsync(message));
                    await LoggedAsync(() => _client.SendMailAsync(message));
                    await NotAwaitedAsync(() => _client.SendMailAsync(message));
                    ForEach(messages, m => _client.Send(m));
                    await retry.ExecuteAsync(() => _client.SendMailAsync(message));
                    RetrySystemNetMail(() => mailKit.Send(mime));
                }
            }
            """);

        [Fact]
        public Task RetryHelperInAnotherFileOrALocalFunction_IsFollowed() => VerifyAnalyzer.VerifyFilesAsync(
            new[]
            {
                """
                using System;
                using System.Threading;

                static class RetryExtensions
                {
                    public static void WithRetry(this Action action, int attempts)
                    {
                        for (var i = 0; i < attempts; i++)
                        {
                            try
                            {
                                action.Invoke();
                                return;
                            }
                            catch (Exception)
                            {
                                Thread.Sleep(1000);
                            }
                        }
                    }
                }
                """,
                """
                using System;
                using System.Net.Mail;
                using System.Threading.Tasks;

                class Mailer
                {
                    private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                    public async Task RunAsync(MailMessage message)
                    {
                        RetryExtensions.{|#0:WithRetry|}(() => _client.Send(message), 3);

                        async Task<bool> TryTwiceAsync(Func<Task> send)
                        {
                            for (var attempt = 0; attempt < 2; attempt++)
                            {
                                try
                                {
                                    await send();
                                    return true;
                                }
                                catch
                                {
                                }
                            }

                            return false;
                        }

                        await {|#1:TryTwiceAsync|}(() => _client.SendMailAsync(message));
                    }
                }
                """,
            },
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("retry helper 'WithRetry'", "every exception of the send", "the retry loop runs again"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(1).WithArguments("retry helper 'TryTwiceAsync'", "every exception of the send", "the retry loop runs again"));
    }
}
