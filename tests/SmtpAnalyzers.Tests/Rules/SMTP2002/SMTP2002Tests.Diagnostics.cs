using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer, SmtpAnalyzers.Reliability.PermanentFailureRetriedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Where the rule reports, at exact spans.</summary>
    public partial class SMTP2002Tests
    {
        [Fact]
        public Task AttemptCountersNamedRetriesOrRetried_AreRetries() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class Job
            {
                public int RetriesCount { get; set; }
                public int TimesRetried;
                public int RetrievalCount { get; set; }
                public int Tries { get; set; }
                public int numTries;
                public int tryCount;
                public int EntriesCount { get; set; }
                public int CountryIndex;
                public string Status { get; set; }
            }

            class Queue
            {
                void Requeue(SmtpClient client, MailMessage message, Job job)
                {
                    try
                    {
                        client.Send(message);
                        job.Status = "sent";
                    }
                    catch {|SMTP2002:(SmtpException)|}
                    {
                        job.RetriesCount++;
                        job.Status = "pending";
                    }
                }

                void RequeueByField(SmtpClient client, MailMessage message, Job job)
                {
                    try
                    {
                        client.Send(message);
                        job.Status = "sent";
                    }
                    catch {|SMTP2002:(SmtpException)|}
                    {
                        job.TimesRetried += 1;
                        job.Status = "pending";
                    }
                }

                // A queue that sends again while Tries < 5 (seen in a public CMS).
                void RequeueByTries(SmtpClient client, MailMessage message, Job job)
                {
                    try
                    {
                        client.Send(message);
                        job.Status = "sent";
                    }
                    catch {|SMTP2002:(SmtpException)|}
                    {
                        job.Tries++;
                    }
                }

                void RequeueByWordsOfTheirOwn(SmtpClient client, MailMessage message, Job job)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|SMTP2002:(SmtpException)|}
                    {
                        job.numTries += 1;
                    }

                    try
                    {
                        client.Send(message);
                    }
                    catch {|SMTP2002:(SmtpException)|}
                    {
                        job.tryCount = job.tryCount + 1;
                    }
                }

                // "tries" and "try" inside other words ("Entries", "Country") count nothing.
                void CountsOtherThings(SmtpClient client, MailMessage message, Job job)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException)
                    {
                        job.EntriesCount++;
                        job.CountryIndex++;
                        job.Status = "failed";
                    }
                }

                // "Retrieval" is not "retries": counting fetches is not a retry.
                void Fetched(SmtpClient client, MailMessage message, Job job)
                {
                    try
                    {
                        client.Send(message);
                        job.Status = "sent";
                    }
                    catch (SmtpException)
                    {
                        job.RetrievalCount++;
                        job.Status = "failed";
                    }
                }
            }
            """);

        [Fact]
        public Task Messages_SayWhatIsRetriedAndHow() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using Polly;

            class Sender
            {
                Policy Make() => Policy.{|#0:Handle<SmtpException>()|}.Retry(3);

                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch {|#1:(SmtpException ex)|} when (ex.StatusCode != SmtpStatusCode.MailboxUnavailable)
                    {
                        client.Send(message);
                    }
                    catch {|#2:(Exception)|}
                    {
                        Send(client, message);
                    }
                }
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(0).WithArguments("retry policy", "every SmtpException", "Handle without a predicate"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(1).WithArguments("catch", "every SmtpException except the codes it lists", "it sends again"),
            VerifyAnalyzer.Diagnostic("SMTP2002").WithLocation(2).WithArguments("catch", "every exception of the send", "it calls Send again"));
    }
}
