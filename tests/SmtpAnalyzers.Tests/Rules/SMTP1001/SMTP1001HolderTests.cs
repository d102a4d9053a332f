using System.Threading.Tasks;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer, SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>The constant holder: one per project, extended rather than duplicated.</summary>
    public partial class SMTP1001HolderTests
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
    }
}
