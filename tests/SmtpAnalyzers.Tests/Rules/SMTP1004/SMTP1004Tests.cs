using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.ReplyCodeInMessageTextAnalyzer, SmtpAnalyzers.ReplyCodes.ReplyCodeInMessageTextCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.ReplyCodeInMessageTextAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    public partial class SMTP1004Tests
    {
        private const string SystemNetMailTemplate = """
            using System;
            using System.Net.Mail;
            using System.Text.RegularExpressions;

            class Sender
            {
                bool Check(SmtpException ex) => TEST;

                static T[] Errors<T>(T e) => new[] { e };
            }
            """;

        private const string MailKitTemplate = """
            using System;
            using System.Text.RegularExpressions;
            using MailKit.Net.Smtp;

            class Sender
            {
                bool Check(SmtpCommandException ex) => TEST;

                static T[] Errors<T>(T e) => new[] { e };
            }
            """;

        // ---------------------------------------------------------------- diagnostics on both libraries

        // ---------------------------------------------------------------- the fix

        // ---------------------------------------------------------------- reported without a fix

        private const string Holder535 = """
            internal static class SmtpReplyCodes
            {
                /// <summary>Reply codes that <see cref="global::System.Net.Mail.SmtpStatusCode"/> has no member for.</summary>
                internal static class SystemNetMail
                {
                    /// <summary>535: authentication credentials invalid (RFC 4954 §6). Permanent: do not retry; ask for new credentials.</summary>
                    internal const global::System.Net.Mail.SmtpStatusCode AuthenticationInvalidCredentials = (global::System.Net.Mail.SmtpStatusCode)535;
                }
            }

            """;

        // ---------------------------------------------------------------- quiet
    }
}
