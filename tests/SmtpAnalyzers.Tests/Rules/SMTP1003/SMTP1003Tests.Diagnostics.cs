using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.ReplyClassRangeAnalyzer, SmtpAnalyzers.ReplyCodes.ReplyClassRangeCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.ReplyClassRangeAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>Where the rule reports, at exact spans.</summary>
    public partial class SMTP1003Tests
    {
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
        public Task MessageNamesTheSmallerPartOfTheSplitClass() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                // "<= 500" takes one permanent code into a transient range: 500 is on the wrong side, not 501-599.
                bool IsTransient(SmtpException ex) => {|#0:(int)ex.StatusCode >= 400 && (int)ex.StatusCode <= 500|};

                // ">= 510" leaves ten permanent codes out.
                bool IsPermanent(SmtpException ex) => {|#1:(int)ex.StatusCode >= 510|};
            }
            """,
            LanguageVersion.Latest,
            new DiagnosticResult("SMTP1003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(0)
                .WithMessage("The boundary 501 is not a reply-class edge: it splits the 5yz class, so code 500 falls on the wrong side; check the reply class instead"),
            new DiagnosticResult("SMTP1003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(1)
                .WithMessage("The boundary 510 is not a reply-class edge: it splits the 5yz class, so codes 500-509 fall on the wrong side; check the reply class instead"));

        [Fact]
        public Task TwoOffEdgeBounds_AreTwoFindingsEachWithItsOwnMessage() => VerifyAnalyzer.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool Retry(SmtpCommandException ex) => {|#0:ex.StatusCode > SmtpStatusCode.ServiceNotAvailable|} && {|#1:ex.StatusCode < SmtpStatusCode.SyntaxError|};

                bool RetryPattern(SmtpCommandException ex) => (int)ex.StatusCode is {|#2:>= 450|} and {|#3:<= 550|};
            }
            """,
            LanguageVersion.Latest,
            new DiagnosticResult("SMTP1003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(0)
                .WithMessage("The boundary 422 is not a reply-class edge: it splits the 4yz class, so codes 400-421 fall on the wrong side; check the reply class instead"),
            new DiagnosticResult("SMTP1003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(1)
                .WithMessage("The boundary 501 is not a reply-class edge: it splits the 5yz class, so code 500 falls on the wrong side; check the reply class instead"),
            new DiagnosticResult("SMTP1003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(2)
                .WithMessage("The boundary 450 is not a reply-class edge: it splits the 4yz class, so codes 400-449 fall on the wrong side; check the reply class instead"),
            new DiagnosticResult("SMTP1003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(3)
                .WithMessage("The boundary 551 is not a reply-class edge: it splits the 5yz class, so codes 551-599 fall on the wrong side; check the reply class instead"));
    }
}
