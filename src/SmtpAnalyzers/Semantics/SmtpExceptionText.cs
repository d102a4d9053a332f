using Microsoft.CodeAnalysis;
using SmtpAnalyzers.Knowledge;

namespace SmtpAnalyzers.Semantics
{
    /// <summary>What an SMTP exception type tells about the reply behind it.</summary>
    internal enum SmtpExceptionKind
    {
        /// <summary>
        /// Carries the reply in StatusCode: System.Net.Mail's SmtpException and SmtpFailedRecipientException,
        /// MailKit's SmtpCommandException, and their subclasses.
        /// </summary>
        StatusCode,

        /// <summary>
        /// System.Net.Mail's SmtpFailedRecipientsException: its own StatusCode is always GeneralFailure; the
        /// replies are in InnerExceptions[i].StatusCode.
        /// </summary>
        FailedRecipients,

        /// <summary>MailKit's SmtpProtocolException: no reply code at all (the connection broke or the protocol was violated).</summary>
        Protocol,
    }

    /// <summary>
    /// The human-readable text of an SMTP exception (its Message or ToString()), as found by
    /// <see cref="SmtpModel.IsSmtpExceptionText"/>.
    /// </summary>
    internal sealed class SmtpExceptionText
    {
        public SmtpExceptionText(IOperation exception, SmtpLibrary library, SmtpExceptionKind kind, bool throughLocal, bool conditional, bool builtInCode)
        {
            Exception = exception;
            Library = library;
            Kind = kind;
            ThroughLocal = throughLocal;
            Conditional = conditional;
            BuiltInCode = builtInCode;
        }

        /// <summary>The exception expression whose text is read (<c>ex</c> in <c>ex.Message</c>).</summary>
        public IOperation Exception { get; }

        /// <summary>The library the exception belongs to, and so whose SmtpStatusCode enum applies.</summary>
        public SmtpLibrary Library { get; }

        public SmtpExceptionKind Kind { get; }

        /// <summary>The text reaches the test through a local (<c>var text = ex.Message;</c>).</summary>
        public bool ThroughLocal { get; }

        /// <summary>The text or the exception is read with <c>?.</c>.</summary>
        public bool Conditional { get; }

        /// <summary>
        /// The exception is created right there (<c>new SmtpException(...)</c>, or a local holding only that):
        /// its text is what the code itself put in, not a server's reply.
        /// </summary>
        public bool BuiltInCode { get; }
    }
}
