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
    public partial class SMTP2005Tests
    {
        private static DiagnosticResult Info(int location, string message)
            => new DiagnosticResult("SMTP2005", DiagnosticSeverity.Info).WithLocation(location).WithMessage(message);
    }
}
