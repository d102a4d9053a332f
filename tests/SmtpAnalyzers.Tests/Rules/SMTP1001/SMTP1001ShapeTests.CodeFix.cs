using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer, SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeCodeFixProvider>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>The fixed code, one fix and fix-all, and the shapes that get no fix.</summary>
    public partial class SMTP1001ShapeTests
    {
        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task SwitchOverIntCast_FixConvertsTheWholeSwitch(LanguageVersion languageVersion) => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool ShouldRetry(SmtpException ex)
                {
                    switch ((int)ex.StatusCode)
                    {
                        case {|SMTP1001:421|}:
                        case {|SMTP1001:450|}: // busy or greylisted
                            return true;
                        case {|SMTP1001:550|}:
                            return false;
                        default:
                            return false;
                    }
                }
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                bool ShouldRetry(SmtpException ex)
                {
                    switch (ex.StatusCode)
                    {
                        case SmtpStatusCode.ServiceNotAvailable:
                        case SmtpStatusCode.MailboxBusy: // busy or greylisted
                            return true;
                        case SmtpStatusCode.MailboxUnavailable:
                            return false;
                        default:
                            return false;
                    }
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task SwitchOverLocal_KeepsTheIntAndNamesEachCase() => Verify.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                string Classify(SmtpCommandException ex)
                {
                    var code = (int)ex.StatusCode;
                    switch (code)
                    {
                        case {|SMTP1001:421|}: return "retry";
                        case {|SMTP1001:454|}: return "retry, never in plain text";
                        case 0: return "none";
                        default: return "fail";
                    }
                }
            }
            """,
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                string Classify(SmtpCommandException ex)
                {
                    var code = (int)ex.StatusCode;
                    switch (code)
                    {
                        case (int)SmtpStatusCode.ServiceNotAvailable: return "retry";
                        case (int)SmtpStatusCode.TemporaryAuthenticationFailure: return "retry, never in plain text";
                        case 0: return "none";
                        default: return "fail";
                    }
                }
            }
            """);

        [Fact]
        public Task SwitchExpressionAndOrPattern_AreConverted() => Verify.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsTransient(SmtpCommandException ex) => (int)ex.StatusCode is {|SMTP1001:421|} or {|SMTP1001:450|} or {|SMTP1001:451|};

                string Describe(SmtpCommandException ex) => (int)ex.StatusCode switch
                {
                    {|SMTP1001:550|} => "no such mailbox",
                    {|SMTP1001:552|} or {|SMTP1001:452|} => "full",
                    _ => "other",
                };
            }
            """,
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsTransient(SmtpCommandException ex) => ex.StatusCode is SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy or SmtpStatusCode.ErrorInProcessing;

                string Describe(SmtpCommandException ex) => ex.StatusCode switch
                {
                    SmtpStatusCode.MailboxUnavailable => "no such mailbox",
                    SmtpStatusCode.ExceededStorageAllocation or SmtpStatusCode.InsufficientStorage => "full",
                    _ => "other",
                };
            }
            """);

        [Fact]
        public Task PropertyPatternWithEnumCast_UsesTheMember() => Verify.VerifyAsync(
            """
            using System;
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsUnknownMailbox(Exception ex) => ex is SmtpCommandException { StatusCode: (SmtpStatusCode){|SMTP1001:550|} };
            }
            """,
            """
            using System;
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsUnknownMailbox(Exception ex) => ex is SmtpCommandException { StatusCode: SmtpStatusCode.MailboxUnavailable };
            }
            """);

        [Fact]
        public Task Membership_ConvertsTheArrayAndTheTestedValue() => Verify.VerifyAsync(
            """
            using System.Linq;
            using System.Net.Mail;

            class Sender
            {
                bool IsTransient(SmtpException ex) => new[] { {|SMTP1001:421|}, {|SMTP1001:450|} }.Contains((int)ex.StatusCode);

                bool IsTransient2(SmtpException ex) => new int[] { {|SMTP1001:451|}, {|SMTP1001:452|} }.Contains((int)ex.StatusCode);
            }
            """,
            """
            using System.Linq;
            using System.Net.Mail;

            class Sender
            {
                bool IsTransient(SmtpException ex) => new[] { SmtpStatusCode.ServiceNotAvailable, SmtpStatusCode.MailboxBusy }.Contains(ex.StatusCode);

                bool IsTransient2(SmtpException ex) => new SmtpStatusCode[] { SmtpStatusCode.LocalErrorInProcessing, SmtpStatusCode.InsufficientStorage }.Contains(ex.StatusCode);
            }
            """);

        [Fact]
        public Task EqualsCall_IsReportedAndKeepsTheInt() => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsFull(SmtpException ex) => ((int)ex.StatusCode).Equals({|SMTP1001:552|}) || ex.StatusCode.Equals((SmtpStatusCode){|SMTP1001:452|});
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsFull(SmtpException ex) => ((int)ex.StatusCode).Equals((int)SmtpStatusCode.ExceededStorageAllocation) || ex.StatusCode.Equals(SmtpStatusCode.InsufficientStorage);
            }
            """);

        [Fact]
        public Task CastAnywhere_IsReported() => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class ExceptionFactory
            {
                SmtpException Busy() => new SmtpException((SmtpStatusCode){|SMTP1001:450|}, "busy");
            }
            """,
            """
            using System.Net.Mail;

            class ExceptionFactory
            {
                SmtpException Busy() => new SmtpException(SmtpStatusCode.MailboxBusy, "busy");
            }
            """);

        [Fact]
        public Task CodeWithoutMember_GetsADocumentedConstantInOneHolder()
        {
            var test = Verify.Create(
                """
                using System.Net.Mail;

                class Sender
                {
                    bool IsBadPassword(SmtpException ex) => (int)ex.StatusCode == {|SMTP1001:535|};

                    bool IsDomainRejecting(SmtpException ex) => ex.StatusCode == (SmtpStatusCode){|SMTP1001:556|};
                }
                """,
                """
                using System.Net.Mail;

                class Sender
                {
                    bool IsBadPassword(SmtpException ex) => ex.StatusCode == SmtpReplyCodes.SystemNetMail.AuthenticationInvalidCredentials;

                    bool IsDomainRejecting(SmtpException ex) => ex.StatusCode == SmtpReplyCodes.SystemNetMail.DomainDoesNotAcceptMail;
                }
                """);
            test.FixedState.Sources.Add(Holder.File("""
                internal static class SmtpReplyCodes
                {
                    /// <summary>Reply codes that <see cref="global::System.Net.Mail.SmtpStatusCode"/> has no member for.</summary>
                    internal static class SystemNetMail
                    {
                        /// <summary>535: authentication credentials invalid (RFC 4954 §6). Permanent: do not retry; ask for new credentials.</summary>
                        internal const global::System.Net.Mail.SmtpStatusCode AuthenticationInvalidCredentials = (global::System.Net.Mail.SmtpStatusCode)535;

                        /// <summary>556: domain does not accept mail (RFC 7504 §3). Permanent: do not retry.</summary>
                        internal const global::System.Net.Mail.SmtpStatusCode DomainDoesNotAcceptMail = (global::System.Net.Mail.SmtpStatusCode)556;
                    }
                }

                """));
            return test.RunAsync();
        }

        [Fact]
        public Task PrivateHelperParameter_CalledOnlyWithStatusCodes_IsAStatusCode() => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool Retry(SmtpException ex) => IsTransient((int)ex.StatusCode);

                bool RetryRecipient(SmtpFailedRecipientException ex) => IsTransient((int)ex.StatusCode);

                private static bool IsTransient(int code) => code == {|SMTP1001:421|} || code == {|SMTP1001:450|};
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                bool Retry(SmtpException ex) => IsTransient((int)ex.StatusCode);

                bool RetryRecipient(SmtpFailedRecipientException ex) => IsTransient((int)ex.StatusCode);

                private static bool IsTransient(int code) => code == (int)SmtpStatusCode.ServiceNotAvailable || code == (int)SmtpStatusCode.MailboxBusy;
            }
            """);
    }
}
