using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SmtpAnalyzers.Tests.Infrastructure
{
    /// <summary>The text of the SmtpReplyCodes holder that the fixes generate, as tests expect it.</summary>
    public static class Holder
    {
        public const string Header = """
            // Added by SmtpAnalyzers code fixes, which extend this class when they need another reply code or check.
            // SmtpAnalyzers does not report the numbers in it. Edit it as you like; a fix that needs more rewrites it.

            /// <summary>
            /// SMTP reply codes that the SmtpStatusCode enums have no member for, and reply-class checks.
            /// </summary>
            /// <remarks>
            /// RFC 5321 §4.2.1: the first digit of a reply code decides its class. 4yz is a transient negative completion:
            /// the same request may succeed later, so retry it with backoff. 5yz is a permanent negative completion: do not
            /// repeat the same request unchanged. A client treats a code it does not know by its first digit.
            /// </remarks>
            [global::System.CodeDom.Compiler.GeneratedCode("SmtpAnalyzers", "1")]

            """;

        /// <summary>The reply-class checks, for both libraries (the tests reference both).</summary>
        public const string ClassChecks = """
                /// <summary>Whether the reply is a transient negative completion (4yz): the same request may succeed later, so retry it with backoff (RFC 5321 §4.2.1).</summary>
                internal static bool IsTransientFailure(this global::System.Net.Mail.SmtpStatusCode code) => IsTransientFailure((int)code);

                /// <summary>Whether the reply is a permanent negative completion (5yz): do not repeat the same request unchanged (RFC 5321 §4.2.1).</summary>
                internal static bool IsPermanentFailure(this global::System.Net.Mail.SmtpStatusCode code) => IsPermanentFailure((int)code);

                /// <summary>Whether the reply is a negative completion, transient (4yz) or permanent (5yz) (RFC 5321 §4.2.1).</summary>
                internal static bool IsFailure(this global::System.Net.Mail.SmtpStatusCode code) => IsFailure((int)code);

                /// <summary>Whether the reply is a transient negative completion (4yz): the same request may succeed later, so retry it with backoff (RFC 5321 §4.2.1).</summary>
                internal static bool IsTransientFailure(this global::MailKit.Net.Smtp.SmtpStatusCode code) => IsTransientFailure((int)code);

                /// <summary>Whether the reply is a permanent negative completion (5yz): do not repeat the same request unchanged (RFC 5321 §4.2.1).</summary>
                internal static bool IsPermanentFailure(this global::MailKit.Net.Smtp.SmtpStatusCode code) => IsPermanentFailure((int)code);

                /// <summary>Whether the reply is a negative completion, transient (4yz) or permanent (5yz) (RFC 5321 §4.2.1).</summary>
                internal static bool IsFailure(this global::MailKit.Net.Smtp.SmtpStatusCode code) => IsFailure((int)code);

                /// <summary>Whether the reply code is a transient negative completion (4yz), decided by its first digit (RFC 5321 §4.2.1).</summary>
                internal static bool IsTransientFailure(int replyCode) => replyCode >= 400 && replyCode < 500;

                /// <summary>Whether the reply code is a permanent negative completion (5yz), decided by its first digit (RFC 5321 §4.2.1).</summary>
                internal static bool IsPermanentFailure(int replyCode) => replyCode >= 500 && replyCode < 600;

                /// <summary>Whether the reply code is a negative completion, transient (4yz) or permanent (5yz) (RFC 5321 §4.2.1).</summary>
                internal static bool IsFailure(int replyCode) => replyCode >= 400 && replyCode < 600;
            """;

        /// <summary>The generated file, as the fix adds it (UTF-8: its doc comments cite RFC sections with §).</summary>
        public static (string, SourceText) File(string classText)
            => ("SmtpReplyCodes.cs", SourceText.From(Header + classText, Encoding.UTF8));

        /// <summary>A holder with only the class checks.</summary>
        public static (string, SourceText) WithClassChecks()
            => File("internal static class SmtpReplyCodes\n{\n" + ClassChecks + "\n}\n");
    }
}
