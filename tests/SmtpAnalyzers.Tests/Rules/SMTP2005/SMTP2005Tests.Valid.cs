using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Reliability;
using SmtpAnalyzers.Knowledge;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.ReplyClassMisclassifiedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Correct code and near misses that must stay free of this rule's diagnostics.</summary>
    public partial class SMTP2005Tests
    {
        [Fact]
        public Task LegacyTooManyRecipients552HandledAsTransient_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            static class Classifier
            {
                // RFC 5321 §4.5.3.1.10: clients should treat a 552 meaning "too many recipients" as the transient 452.
                public static bool ShouldRetry(SmtpStatusCode code)
                {
                    switch (code)
                    {
                        case SmtpStatusCode.ServiceNotAvailable:
                        case SmtpStatusCode.MailboxBusy:
                        case SmtpStatusCode.ExceededStorageAllocation:
                            return true;
                        default:
                            return false;
                    }
                }
            }
            """);

        [Fact]
        public Task ReturnedListsThatAreNotPlainPredicates_AreQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            static class Classifier
            {
                // Another condition in the chain: the list is not all the method says.
                public static bool ShouldRetry(SmtpException ex, int attempt)
                    => attempt < 3 && (ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == SmtpStatusCode.MailboxUnavailable);

                // Excluded, not listed.
                public static bool IsTransient(SmtpStatusCode code) => code != SmtpStatusCode.MailboxUnavailable;

                // A lambda's value, not the method's.
                public static Func<SmtpStatusCode, bool> RetryFilter() => code => code == SmtpStatusCode.MailboxUnavailable || code == SmtpStatusCode.MailboxBusy;

                // A name that says neither class, and one that says "unrecoverable" (permanent) of permanent codes.
                public static bool Matches(SmtpStatusCode code) => code == SmtpStatusCode.MailboxUnavailable || code == SmtpStatusCode.MailboxBusy;
                public static bool IsUnrecoverable(SmtpStatusCode code) => code == SmtpStatusCode.MailboxUnavailable || code == SmtpStatusCode.TransactionFailed;

                // Consistent lists.
                public static bool IsRecoverable(SmtpStatusCode code) => code == SmtpStatusCode.MailboxBusy || code == SmtpStatusCode.InsufficientStorage;
                public static bool IsPermanent(SmtpStatusCode code)
                {
                    return code == SmtpStatusCode.MailboxUnavailable || code == SmtpStatusCode.TransactionFailed;
                }
            }
            """);

        [Fact]
        public Task CorrectClassification_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            enum Outcome { RetryLater, Failed, NoRetry, Sent }

            class Classifier
            {
                Outcome Classify(SmtpException ex)
                {
                    switch (ex.StatusCode)
                    {
                        case SmtpStatusCode.ServiceNotAvailable:
                        case SmtpStatusCode.MailboxBusy:
                        case SmtpStatusCode.LocalErrorInProcessing:
                        case SmtpStatusCode.InsufficientStorage:
                            return Outcome.RetryLater;
                        case SmtpStatusCode.MailboxUnavailable:
                            return Outcome.NoRetry;
                        case SmtpStatusCode.GeneralFailure:
                            return ex.InnerException is System.IO.IOException ? Outcome.RetryLater : Outcome.Failed;
                        default:
                            return Outcome.Failed;
                    }
                }

                static bool IsPermanent(SmtpStatusCode code) => code == SmtpStatusCode.TransactionFailed || code == SmtpStatusCode.MailboxNameNotAllowed;

                static bool IsTransient(SmtpStatusCode code)
                {
                    if (code == SmtpStatusCode.MailboxUnavailable)
                    {
                        return false;
                    }

                    return code == SmtpStatusCode.MailboxBusy;
                }

                string Label(System.Net.HttpStatusCode code) => code switch
                {
                    System.Net.HttpStatusCode.ServiceUnavailable => "permanent",
                    _ => "other",
                };
            }
            """);

        [Theory]
        [InlineData("RetryLater", 4)]
        [InlineData("TemporaryFailure", 4)]
        [InlineData("soft bounce", 4)]
        [InlineData("DoNotRetry", 5)]
        [InlineData("NonRetryable", 5)]
        [InlineData("never retry", 5)]
        [InlineData("HardBounce", 5)]
        [InlineData("Failed", 5)]
        [InlineData("FailedRetryLater", 0)]
        [InlineData("Sent", 0)]
        [InlineData("SMTPFailedPermanently", 5)]
        [InlineData("retry_later", 4)]
        [InlineData("Retry2Later", 4)]
        [InlineData("SoftBounced", 4)]
        [InlineData("RETRY", 4)]
        [InlineData("Retrying", 0)]
        [InlineData("", 0)]
        public void OutcomeWordsClassifyNames(string name, int expectedClass)
            => Assert.Equal((ReplyClass)expectedClass, OutcomeWords.ClassOf(name));

        /// <summary>The outcome of every branch of a switch or an if on a reply code is read: its words are read in place.</summary>
        [Fact]
        public void OutcomeWordsReadNamesWithoutAllocating()
        {
            OutcomeWords.ClassOf("DoNotRetryLater");
            var before = System.GC.GetAllocatedBytesForCurrentThread();
            var found = OutcomeWords.ClassOf("DoNotRetryLater") == ReplyClass.None && OutcomeWords.ClassOf("soft bounce") == ReplyClass.TransientNegative;
            Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(found);
        }
    }
}
