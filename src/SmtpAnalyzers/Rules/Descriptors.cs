using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers
{
    /// <summary>Rule IDs. SMTP1xxx: reply codes; SMTP2xxx: reliability of failure paths.</summary>
    public static class RuleIds
    {
        public const string UseNamedStatusCode = "SMTP1001";
        public const string UseReplyClassCheck = "SMTP1002";
        public const string WrongClassBoundary = "SMTP1003";
        public const string ReplyCodeInMessageText = "SMTP1004";
        public const string FailureSwallowed = "SMTP2001";
        public const string PermanentFailureRetried = "SMTP2002";
        public const string PartialRecipientFailure = "SMTP2003";
        public const string SendOutcomeNotObserved = "SMTP2004";
        public const string ReplyClassMisclassified = "SMTP2005";
    }

    /// <summary>Diagnostic categories; users configure a whole family with <c>dotnet_analyzer_diagnostic.category-NAME.severity</c>.</summary>
    public static class RuleCategories
    {
        public const string ReplyCodes = "SmtpReplyCodes";
        public const string Reliability = "SmtpReliability";
    }

    /// <summary>Builds every descriptor of the package, each with its help link.</summary>
    internal static class Descriptors
    {
        /// <summary>Where the rule pages live; a test checks that every help link resolves to a page in docs/rules.</summary>
        public const string HelpLinkBase = "https://github.com/SmtpAnalyzers/SmtpAnalyzers/blob/main/docs/rules/";

        public static readonly DiagnosticDescriptor UseNamedStatusCode = Create(
            RuleIds.UseNamedStatusCode,
            "Use a named SMTP status code",
            "Use {0} instead of the number {1}",
            RuleCategories.ReplyCodes,
            DiagnosticSeverity.Warning,
            "A bare number compared with an SMTP status code hides which reply is meant and whether it is transient (4yz) or permanent (5yz). Name it with the library's SmtpStatusCode member, or with a documented constant where the enum has none.");

        public static readonly DiagnosticDescriptor UseReplyClassCheck = Create(
            RuleIds.UseReplyClassCheck,
            "Use a reply-class check instead of a numeric range",
            "Use {0} instead of the numeric range '{1}'",
            RuleCategories.ReplyCodes,
            DiagnosticSeverity.Warning,
            "RFC 5321 §4.2.1 classifies a reply by its first digit: 4yz transient, 5yz permanent. A range such as '>= 500' is a class boundary, not the reply 500; a named reply-class check says which class is meant and treats unknown codes by their first digit.");

        public static readonly DiagnosticDescriptor WrongClassBoundary = Create(
            RuleIds.WrongClassBoundary,
            "Reply-class boundary at the wrong code",
            "The boundary {0} is not a reply-class edge: it splits the {1}yz class, so codes {2} fall on the wrong side; check the reply class instead",
            RuleCategories.ReplyCodes,
            DiagnosticSeverity.Warning,
            "Reply classes start at 200, 300, 400 and 500 (RFC 5321 §4.2.1). A boundary such as '>= SmtpStatusCode.MailboxUnavailable' (550) taken to mean 'permanent' leaves 500-549, among them 530 authentication required, classified as transient and retried.");

        public static readonly DiagnosticDescriptor PartialRecipientFailure = Create(
            RuleIds.PartialRecipientFailure,
            "Partial recipient failures lost",
            "Recipient failures are lost here: {0}",
            RuleCategories.Reliability,
            DiagnosticSeverity.Warning,
            "RCPT replies are per recipient (RFC 5321 §3.3, §4.2.1): a recipient rejected with 4yz may be retried later, one rejected with 5yz must not be retried unchanged. System.Net.Mail delivers to the accepted recipients and then throws SmtpFailedRecipientException when exactly one failed, or SmtpFailedRecipientsException, whose own StatusCode is always GeneralFailure, with one inner exception per failed recipient. MailKit's SmtpCommandException tells a rejected recipient from a rejected sender or message only through ErrorCode and Mailbox.");
        public static readonly DiagnosticDescriptor PermanentFailureRetried = Create(
            RuleIds.PermanentFailureRetried,
            "Permanent SMTP failure retried",
            "This {0} retries {1} ({2}), so permanent (5yz) replies such as 550 or 535 are repeated too; retry only transient (4yz) replies",
            RuleCategories.Reliability,
            DiagnosticSeverity.Warning,
            "RFC 5321 §4.2.1: a 5yz reply means the same request must not be repeated unchanged; only a 4yz reply may succeed later, and then only with backoff (§4.5.4.1). A 535 (invalid credentials, RFC 4954 §6) must never be retried automatically. A retry that handles every SMTP failure, or every one except a deny-list of codes, repeats permanent failures. The code fix narrows the retry to transient replies, so that permanent failures now propagate instead of being retried.");

        public static readonly DiagnosticDescriptor SendOutcomeNotObserved = Create(
            RuleIds.SendOutcomeNotObserved,
            "SMTP send outcome never observed",
            "The outcome of '{0}' is never observed: {1}, so a 4yz or 5yz reply is lost",
            RuleCategories.Reliability,
            DiagnosticSeverity.Warning,
            "A 4yz reply means the mail may be sent later and a 5yz reply means it must not be sent again unchanged (RFC 5321 §4.2.1). Both arrive as an exception from the send's Task, or in SendCompleted for the event-based SendAsync; when that goes nowhere, nobody can retry or give up, and the mail is silently lost.");

        public static readonly DiagnosticDescriptor FailureSwallowed = Create(
            RuleIds.FailureSwallowed,
            "SMTP failure swallowed or flattened",
            "This catch of {0} around an SMTP send{1} loses the reply: callers can no longer tell a transient 4yz failure from a permanent 5yz one; rethrow, pass the exception on, or handle the two classes separately",
            RuleCategories.Reliability,
            DiagnosticSeverity.Warning,
            "A 4yz reply means the same message may be accepted later and a 5yz reply means it must not be sent again unchanged (RFC 5321 §4.2.1). A catch that keeps only the message text, or nothing, throws that distinction away.");

        public static readonly DiagnosticDescriptor ReplyClassMisclassified = Create(
            RuleIds.ReplyClassMisclassified,
            "Reply class misclassified",
            "{0} is {1}, but it is handled as '{2}'; {3}",
            RuleCategories.Reliability,
            DiagnosticSeverity.Info,
            "A 4yz reply is transient and a 5yz reply permanent (RFC 5321 §4.2.1); System.Net.Mail's GeneralFailure is no reply and includes network errors. Mapping a code to an outcome named for the other class retries what cannot succeed, or gives up on what would.");
        // SMTP1004 has one descriptor per kind of advice; they differ only in the message.
        private const string ReplyCodeInMessageTextTitle = "Do not read SMTP reply codes from message text";

        private const string ReplyCodeInMessageTextDescription = "An SMTP exception's message is text for people: its wording, language and layout are not a contract, and the same words follow different codes. RFC 5321 §4.2 has clients decide by the reply code, and the enhanced status code of RFC 3463 only refines the class that the reply code already gives. Compare the exception's StatusCode with the library's SmtpStatusCode members, or decide on its reply class.";

        /// <summary>SMTP1004 for a three-digit reply code: {0} the status code to read, {1} what to compare it with, {2} the code.</summary>
        public static readonly DiagnosticDescriptor ReplyCodeInMessageText = Create(
            RuleIds.ReplyCodeInMessageText,
            ReplyCodeInMessageTextTitle,
            "Compare {0} with {1} instead of searching the message for \"{2}\"",
            RuleCategories.ReplyCodes,
            DiagnosticSeverity.Warning,
            ReplyCodeInMessageTextDescription);

        /// <summary>SMTP1004 for an enhanced status code: {0} the code.</summary>
        public static readonly DiagnosticDescriptor EnhancedCodeInMessageText = Create(
            RuleIds.ReplyCodeInMessageText,
            ReplyCodeInMessageTextTitle,
            "Decide on the status code's reply class instead of searching the message for the enhanced status code \"{0}\"",
            RuleCategories.ReplyCodes,
            DiagnosticSeverity.Warning,
            ReplyCodeInMessageTextDescription);

        /// <summary>SMTP1004 for MailKit's SmtpProtocolException, which carries no reply: {0} the code as quoted text.</summary>
        public static readonly DiagnosticDescriptor CodeInProtocolExceptionText = Create(
            RuleIds.ReplyCodeInMessageText,
            ReplyCodeInMessageTextTitle,
            "Handle SmtpProtocolException by its type, which carries no reply code, instead of searching the message for {0}",
            RuleCategories.ReplyCodes,
            DiagnosticSeverity.Warning,
            ReplyCodeInMessageTextDescription);

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, bool enabledByDefault = true)
            => new DiagnosticDescriptor(id, title, message, category, severity, enabledByDefault, description, HelpLink(id));
    }
}
