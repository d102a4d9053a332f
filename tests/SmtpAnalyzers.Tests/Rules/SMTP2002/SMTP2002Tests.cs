using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer, SmtpAnalyzers.Reliability.PermanentFailureRetriedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    public partial class SMTP2002Tests
    {
        // (1) Polly v7: Handle<T>() / Or<T>() without a predicate, then a retry

        // Polly v8: ShouldHandle = new PredicateBuilder().Handle<T>()

        // (2) catch around a send that retries

        // (3) deny-lists

        // Good handling: must stay quiet
    }
}
