using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer, SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeCodeFixProvider>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>Correct code and near misses that must stay free of this rule's diagnostics.</summary>
    public partial class SMTP1001ShapeTests
    {
        [Fact]
        public Task HelperParameter_WithOtherCallersOrPublic_IsNotAStatusCode() => SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer>.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                bool Retry(SmtpException ex) => IsBusy((int)ex.StatusCode) || IsPublic((int)ex.StatusCode);

                bool Http(int status) => IsBusy(status);

                Func<int, bool> Group() => IsReassigned;

                private static bool IsBusy(int code) => code == 450;

                public static bool IsPublic(int code) => code == 450;

                private static bool IsReassigned(int code) { code = code + 1; return code == 450; }
            }
            """);
    }
}
