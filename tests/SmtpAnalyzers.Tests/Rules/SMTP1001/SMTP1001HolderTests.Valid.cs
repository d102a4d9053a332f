using System.Threading.Tasks;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer, SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>Correct code and near misses that must stay free of this rule's diagnostics.</summary>
    public partial class SMTP1001HolderTests
    {
        [Fact]
        public Task NumbersInTheGeneratedHolder_AreNotReported() => VerifyAnalyzer.VerifyAsync(new[]
        {
            Holder.Header + "internal static class SmtpReplyCodes\n{\n" + SystemNetMail535 + "\n\n" + Holder.ClassChecks + "\n}\n",
        });
    }
}
