using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.ReplyClassRangeAnalyzer, SmtpAnalyzers.ReplyCodes.ReplyClassRangeCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.ReplyClassRangeAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>The fixed code, one fix and fix-all, and the shapes that get no fix.</summary>
    public partial class SMTP1003Tests
    {
        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task MailboxUnavailableTakenAsPermanent_BecomesIsPermanentFailure(LanguageVersion languageVersion) => Verify.VerifyWithClassChecksAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsPermanent(SmtpException ex) => {|SMTP1003:ex.StatusCode >= SmtpStatusCode.MailboxUnavailable|};

                bool IsPermanent2(SmtpException ex) => {|SMTP1003:(int)ex.StatusCode >= 550|};
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsPermanent(SmtpException ex) => ex.StatusCode.IsPermanentFailure();

                bool IsPermanent2(SmtpException ex) => ex.StatusCode.IsPermanentFailure();
            }
            """,
            languageVersion);

        [Fact]
        public Task MixedBoundWithAnUnnamedClassEdge_IsOneDiagnosticAndMeansTransient() => Verify.VerifyWithClassChecksAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsTransient(SmtpCommandException ex) => ex.StatusCode is {|SMTP1003:>= SmtpStatusCode.ServiceNotAvailable and < (SmtpStatusCode)500|};
            }
            """,
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsTransient(SmtpCommandException ex) => ex.StatusCode.IsTransientFailure();
            }
            """);

        [Fact]
        public Task AmbiguousBoundary_IsReportedWithoutAFix() => Verify.VerifyNoFixAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool RetryBelow(SmtpCommandException ex) => {|SMTP1003:ex.StatusCode < SmtpStatusCode.MailboxUnavailable|};

                bool FromFourTwentyOne(SmtpCommandException ex) => {|SMTP1003:(int)ex.StatusCode >= 421|};
            }
            """);
    

        [Fact]
        public Task TwoOffEdgeBounds_AreReportedWithoutAFix() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool Retry(SmtpException ex) => {|SMTP1003:ex.StatusCode > SmtpStatusCode.ServiceNotAvailable|} && {|SMTP1003:ex.StatusCode < SmtpStatusCode.SyntaxError|};

                bool OneBoundOnAnEdge(SmtpException ex) => {|SMTP1003:ex.StatusCode >= SmtpStatusCode.ServiceNotAvailable && ex.StatusCode < (SmtpStatusCode)600|};
            }
            """);
    }
}
