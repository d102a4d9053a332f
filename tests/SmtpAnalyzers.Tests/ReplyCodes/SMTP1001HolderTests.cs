using System.Threading.Tasks;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer, SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>The constant holder: one per project, extended rather than duplicated.</summary>
    public class SMTP1001HolderTests
    {
        private const string SystemNetMail535 = """
                /// <summary>Reply codes that <see cref="global::System.Net.Mail.SmtpStatusCode"/> has no member for.</summary>
                internal static class SystemNetMail
                {
                    /// <summary>535: authentication credentials invalid (RFC 4954 §6). Permanent: do not retry; ask for new credentials.</summary>
                    internal const global::System.Net.Mail.SmtpStatusCode AuthenticationInvalidCredentials = (global::System.Net.Mail.SmtpStatusCode)535;
                }
            """;

        private const string MailKit556 = """
                /// <summary>Reply codes that <see cref="global::MailKit.Net.Smtp.SmtpStatusCode"/> has no member for.</summary>
                internal static class MailKit
                {
                    /// <summary>556: domain does not accept mail (RFC 7504 §3). Permanent: do not retry.</summary>
                    internal const global::MailKit.Net.Smtp.SmtpStatusCode DomainDoesNotAcceptMail = (global::MailKit.Net.Smtp.SmtpStatusCode)556;
                }
            """;

        [Fact]
        public Task FixAllAcrossDocumentsAndLibraries_AddsOneHolder()
        {
            var test = Verify.Create("", "");
            test.TestState.Sources.Clear();
            test.FixedState.Sources.Clear();
            test.TestState.Sources.Add("""
                using System.Net.Mail;

                class A
                {
                    bool BadPassword(SmtpException ex) => (int)ex.StatusCode == {|SMTP1001:535|};
                    bool BadPassword2(SmtpException ex) => ex.StatusCode == (SmtpStatusCode){|SMTP1001:535|};
                }
                """);
            test.TestState.Sources.Add("""
                using MailKit.Net.Smtp;

                class B
                {
                    bool DomainRefuses(SmtpCommandException ex) => (int)ex.StatusCode == {|SMTP1001:556|};
                }
                """);
            test.FixedState.Sources.Add("""
                using System.Net.Mail;

                class A
                {
                    bool BadPassword(SmtpException ex) => ex.StatusCode == SmtpReplyCodes.SystemNetMail.AuthenticationInvalidCredentials;
                    bool BadPassword2(SmtpException ex) => ex.StatusCode == SmtpReplyCodes.SystemNetMail.AuthenticationInvalidCredentials;
                }
                """);
            test.FixedState.Sources.Add("""
                using MailKit.Net.Smtp;

                class B
                {
                    bool DomainRefuses(SmtpCommandException ex) => ex.StatusCode == SmtpReplyCodes.MailKit.DomainDoesNotAcceptMail;
                }
                """);
            test.FixedState.Sources.Add(Holder.File("internal static class SmtpReplyCodes\n{\n" + SystemNetMail535 + "\n\n" + MailKit556 + "\n}\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task ExistingHolder_IsExtendedNotDuplicated()
        {
            var test = Verify.Create("", "");
            test.TestState.Sources.Clear();
            test.FixedState.Sources.Clear();
            test.TestState.Sources.Add(Holder.WithClassChecks());
            test.TestState.Sources.Add("""
                using System.Net.Mail;

                class A
                {
                    bool BadPassword(SmtpException ex) => (int)ex.StatusCode == {|SMTP1001:535|};
                }
                """);
            test.FixedState.Sources.Add(Holder.File("internal static class SmtpReplyCodes\n{\n" + SystemNetMail535 + "\n\n" + Holder.ClassChecks + "\n}\n"));
            test.FixedState.Sources.Add("""
                using System.Net.Mail;

                class A
                {
                    bool BadPassword(SmtpException ex) => ex.StatusCode == SmtpReplyCodes.SystemNetMail.AuthenticationInvalidCredentials;
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task UserTypeWithTheHolderName_NoConstantFixIsOffered() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;

            static class SmtpReplyCodes
            {
            }

            class A
            {
                bool BadPassword(SmtpException ex) => (int)ex.StatusCode == {|SMTP1001:535|};
            }
            """);

        [Fact]
        public Task UnnamedReplyCode_IsReportedWithoutAFix() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;

            class A
            {
                bool Greylisted(SmtpException ex) => (int)ex.StatusCode == {|SMTP1001:422|};
            }
            """);

        [Fact]
        public Task NumbersInTheGeneratedHolder_AreNotReported() => VerifyAnalyzer.VerifyAsync(new[]
        {
            Holder.Header + "internal static class SmtpReplyCodes\n{\n" + SystemNetMail535 + "\n\n" + Holder.ClassChecks + "\n}\n",
        });
    }
}
