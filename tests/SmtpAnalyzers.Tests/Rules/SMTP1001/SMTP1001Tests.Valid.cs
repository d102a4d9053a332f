using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer, SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>Correct code and near misses that must stay free of this rule's diagnostics.</summary>
    public partial class SMTP1001Tests
    {
        [Fact]
        public Task HttpStatusCodes_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Http;
            using System.Net.Mail;

            class Client
            {
                SmtpClient smtp = new SmtpClient();

                bool IsServerError(HttpResponseMessage response) => (int)response.StatusCode == 500 || response.StatusCode == (HttpStatusCode)503;
            }
            """);

        [Fact]
        public Task FtpReplyText_AndNonSmtpNumbers_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Client
            {
                SmtpClient smtp = new SmtpClient();

                bool Missing(FtpWebResponse response) => (int)response.StatusCode == 550 || response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailable;

                bool Port(int port) => port == 587 || port == 465;
            }
            """);

        [Fact]
        public Task NamedMembersAndFormatting_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                const int MailboxUnavailable = 550;

                string Describe(SmtpException ex)
                {
                    Console.WriteLine($"smtp_command_{(int)ex.StatusCode}");
                    if ((int)ex.StatusCode == MailboxUnavailable) return "named constant";
                    return ex.StatusCode == SmtpStatusCode.MailboxBusy ? "busy" : "other";
                }
            }
            """);

        [Fact]
        public Task ValuesOutsideReplyCodes_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class ExceptionTests
            {
                SmtpException Create() => new SmtpException((SmtpStatusCode)666);

                bool Zero(SmtpException ex) => (int)ex.StatusCode == 0 || (int)ex.StatusCode == 199 || (int)ex.StatusCode == 600;
            }
            """);

        [Fact]
        public Task ReassignedLocal_IsNotAStatusCode() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool Check(SmtpException ex, int fallback)
                {
                    var code = (int)ex.StatusCode;
                    if (fallback > 0) code = fallback;
                    return code == 550;
                }
            }
            """);

        [Fact]
        public Task MinusOneIsNotAMailKitCode() => VerifyAnalyzer.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool Check(SmtpCommandException ex) => (int)ex.StatusCode == -1;
            }
            """);
    }
}
