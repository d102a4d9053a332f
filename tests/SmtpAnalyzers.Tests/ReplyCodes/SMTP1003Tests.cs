using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.ReplyClassRangeAnalyzer, SmtpAnalyzers.ReplyCodes.ReplyClassRangeCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.ReplyClassRangeAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    public class SMTP1003Tests
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
        public Task MessageSaysWhichCodesFallOnTheWrongSide() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsPermanent(SmtpException ex) => {|#0:ex.StatusCode >= SmtpStatusCode.MailboxUnavailable|};
            }
            """,
            LanguageVersion.Latest,
            new DiagnosticResult("SMTP1003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(0)
                .WithMessage("The boundary 550 is not a reply-class edge: it splits the 5yz class, so codes 500-549 fall on the wrong side; check the reply class instead"));

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
        public Task GeneratedHolder_IsNeverReported() => VerifyAnalyzer.VerifyAsync(new[]
        {
            Holder.Header + "internal static class SmtpReplyCodes\n{\n" + Holder.ClassChecks + "\n}\n",
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsPermanent(SmtpException ex) => ex.StatusCode.IsPermanentFailure();
            }
            """,
        });
    }
}
