using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers
{
    /// <summary>Rule IDs. SMTP1xxx: reply codes; SMTP2xxx: reliability of failure paths.</summary>
    public static class RuleIds
    {
        public const string UseNamedStatusCode = "SMTP1001";
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

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, bool enabledByDefault = true)
            => new DiagnosticDescriptor(id, title, message, category, severity, enabledByDefault, description, HelpLink(id));
    }
}
