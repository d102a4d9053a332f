using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers
{
    /// <summary>Rule IDs. SMTP1xxx: reply codes; SMTP2xxx: reliability of failure paths.</summary>
    public static class RuleIds
    {
        public const string UseNamedStatusCode = "SMTP1001";

        public const string ReplyCodeInMessageText = "SMTP1004";
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
