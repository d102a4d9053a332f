using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.ReplyClassRangeAnalyzer, SmtpAnalyzers.ReplyCodes.ReplyClassRangeCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.ReplyClassRangeAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>Correct code and near misses that must stay free of this rule's diagnostics.</summary>
    public partial class SMTP1002Tests
    {
        [Fact]
        public Task CorrectCode_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Http;
            using System.Net.Mail;

            class Sender
            {
                bool Http(HttpResponseMessage response) => (int)response.StatusCode >= 500;

                bool Negative(SmtpException ex) => (int)ex.StatusCode < 0;

                bool Named(SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == SmtpStatusCode.ServiceNotAvailable;

                bool Count(SmtpFailedRecipientsException ex) => ex.InnerExceptions.Length >= 500;

                bool Name(SmtpException ex) => ex.StatusCode.ToString().StartsWith("5");
            }
            """);
    }
}
