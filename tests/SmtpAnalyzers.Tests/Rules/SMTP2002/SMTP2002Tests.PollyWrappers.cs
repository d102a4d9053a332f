using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>
    /// Polly policies and pipelines whose delegate calls a send wrapper: the finding is the same as for a delegate that
    /// sends directly, on the Handle clause; what the delegate runs does not change it either way.
    /// </summary>
    public partial class SMTP2002Tests
    {
        [Fact]
        public Task PollyV7AndV8AroundAWrapper_AreReportedAtTheHandleClause() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;
            using Polly;
            using Polly.Retry;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient();

                private static readonly AsyncRetryPolicy Retry = Policy
                    .{|#0:Handle<SmtpCommandException>()|}
                    .WaitAndRetryAsync(3, attempt => TimeSpan.FromMinutes(attempt));

                private static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().{|#1:Handle<SmtpCommandException>(ex => ex.StatusCode != SmtpStatusCode.MailboxUnavailable)|},
                        MaxRetryAttempts = 3,
                    })
                    .Build();

                private async Task SendEmailAsync(MimeMessage message, CancellationToken ct = default)
                {
                    await _client.SendAsync(message, ct);
                }

                public async Task NotifyAsync(MimeMessage message, CancellationToken ct)
                {
                    await Retry.ExecuteAsync(async () => await SendEmailAsync(message));
                    await Pipeline.ExecuteAsync(async token => await SendEmailAsync(message, token), ct);
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("retry policy", "every SmtpCommandException", "Handle without a predicate"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(1).WithArguments("retry policy", "every SmtpCommandException except the codes it lists", "Handle with a deny-list predicate"));

        [Fact]
        public Task PollyThatClassifiesOrHandlesOtherFailures_AroundAWrapper_IsNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.IO;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;
            using Polly;
            using Polly.Retry;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient();

                private static readonly AsyncRetryPolicy Transient = Policy
                    .Handle<SmtpCommandException>(ex => (int)ex.StatusCode >= 400 && (int)ex.StatusCode < 500)
                    .Or<SmtpProtocolException>()
                    .Or<IOException>()
                    .WaitAndRetryAsync(3, attempt => TimeSpan.FromMinutes(attempt));

                private static readonly AsyncRetryPolicy Http = Policy
                    .Handle<HttpRequestException>()
                    .RetryAsync(3);

                private static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<SmtpProtocolException>().Handle<IOException>(),
                    })
                    .Build();

                private async Task SendEmailAsync(MimeMessage message, CancellationToken ct = default)
                {
                    await _client.SendAsync(message, ct);
                }

                public async Task NotifyAsync(MimeMessage message, CancellationToken ct)
                {
                    await Transient.ExecuteAsync(async () => await SendEmailAsync(message));
                    await Http.ExecuteAsync(() => SendEmailAsync(message));
                    await Pipeline.ExecuteAsync(async token => await SendEmailAsync(message, token), ct);
                }
            }
            """);
    }
}
