using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.PartialRecipientFailureAnalyzer, SmtpAnalyzers.Reliability.PartialRecipientFailureCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.PartialRecipientFailureAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    public partial class SMTP2003Tests
    {
        // (1) a catch of the plural type with no catch of the singular one

        // (2) a plural catch that ignores InnerExceptions

        // (3) re-sending the same message after a recipient failure

        // (4) MailKit: a catch of SmtpCommandException that reads neither ErrorCode nor Mailbox

        // Quiet code
    }
}
