using System.Threading.Tasks;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer, SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>The fixed code, one fix and fix-all, and the shapes that get no fix.</summary>
    public partial class SMTP1001HolderTests
    {
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
    }
}
