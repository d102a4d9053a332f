using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.ReplyClassRangeAnalyzer, SmtpAnalyzers.ReplyCodes.ReplyClassRangeCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.ReplyClassRangeAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>Correct code and near misses that must stay free of this rule's diagnostics.</summary>
    public partial class SMTP1003Tests
    {
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
