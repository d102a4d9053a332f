using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer, SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>The fixed code, one fix and fix-all, and the shapes that get no fix.</summary>
    public partial class SMTP1001Tests
    {
        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task SystemNetMail_IntCastComparedWithLiteral_UsesEnumMember(LanguageVersion languageVersion) => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsUnknownMailbox(SmtpException ex)
                {
                    return (int)ex.StatusCode == {|SMTP1001:550|};
                }
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsUnknownMailbox(SmtpException ex)
                {
                    return ex.StatusCode == SmtpStatusCode.MailboxUnavailable;
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task SystemNetMail_NotEqualsWithLiteralOnTheLeft_UsesEnumMember() => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool ShouldRetry(SmtpFailedRecipientException ex) => {|SMTP1001:450|} != (int) ex.StatusCode;
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                bool ShouldRetry(SmtpFailedRecipientException ex) => SmtpStatusCode.MailboxBusy != ex.StatusCode;
            }
            """);

        [Fact]
        public Task MailKit_SameCodeHasTheMailKitName() => Verify.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsLocalError(SmtpCommandException ex) => (int)ex.StatusCode == {|SMTP1001:451|};
            }
            """,
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsLocalError(SmtpCommandException ex) => ex.StatusCode == SmtpStatusCode.ErrorInProcessing;
            }
            """);

        [Fact]
        public Task SystemNetMail_SameCodeHasTheSystemNetMailName() => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsLocalError(SmtpException ex) => (int)ex.StatusCode == {|SMTP1001:451|};
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsLocalError(SmtpException ex) => ex.StatusCode == SmtpStatusCode.LocalErrorInProcessing;
            }
            """);

        [Fact]
        public Task CastOfLiteralToTheEnum_BecomesTheMember() => Verify.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsAuthRequired(SmtpCommandException ex) => ex.StatusCode == (SmtpStatusCode){|SMTP1001:530|};
            }
            """,
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsAuthRequired(SmtpCommandException ex) => ex.StatusCode == SmtpStatusCode.AuthenticationRequired;
            }
            """);

        [Fact]
        public Task NoUsingDirective_MemberIsQualified() => Verify.VerifyAsync(
            """
            class Sender
            {
                bool IsBusy(System.Net.Mail.SmtpException ex) => (int)ex.StatusCode == {|SMTP1001:450|};
            }
            """,
            """
            class Sender
            {
                bool IsBusy(System.Net.Mail.SmtpException ex) => ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxBusy;
            }
            """);

        [Fact]
        public Task LocalHoldingTheCode_KeepsTheIntType() => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsTransient(SmtpException ex)
                {
                    var code = (int)ex.StatusCode;
                    return code == {|SMTP1001:421|} || code == /* busy */ {|SMTP1001:450|};
                }
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsTransient(SmtpException ex)
                {
                    var code = (int)ex.StatusCode;
                    return code == (int)SmtpStatusCode.ServiceNotAvailable || code == /* busy */ (int)SmtpStatusCode.MailboxBusy;
                }
            }
            """);

        [Fact]
        public Task GeneralFailureMinusOne_IsReported() => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsNetworkish(SmtpException ex) => (int)ex.StatusCode == {|SMTP1001:-1|};
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsNetworkish(SmtpException ex) => ex.StatusCode == SmtpStatusCode.GeneralFailure;
            }
            """);

        [Fact]
        public Task FixAll_FixesEveryComparisonInTheDocument() => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                string Describe(SmtpException ex)
                {
                    if ((int)ex.StatusCode == {|SMTP1001:421|}) return "closing";
                    if ((int)ex.StatusCode == {|SMTP1001:550|}) return "no mailbox";
                    if ((int)ex.StatusCode != {|SMTP1001:552|}) return "other";
                    return "full";
                }
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                string Describe(SmtpException ex)
                {
                    if (ex.StatusCode == SmtpStatusCode.ServiceNotAvailable) return "closing";
                    if (ex.StatusCode == SmtpStatusCode.MailboxUnavailable) return "no mailbox";
                    if (ex.StatusCode != SmtpStatusCode.ExceededStorageAllocation) return "other";
                    return "full";
                }
            }
            """);
    }
}
