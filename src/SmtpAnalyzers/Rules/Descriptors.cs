using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers
{
    /// <summary>Rule IDs. SMTP1xxx: reply codes; SMTP2xxx: reliability of failure paths; SMTP3xxx: transport security.</summary>
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
        public const string CredentialsWithoutTls = "SMTP3001";
        public const string CredentialsOverOpportunisticTls = "SMTP3002";
        public const string CertificateValidationDisabled = "SMTP3003";
        public const string RevocationCheckDisabled = "SMTP3004";
        public const string ObsoleteTlsVersions = "SMTP3005";
        public const string HardCodedPassword = "SMTP3006";
        public const string ImplicitTlsPortWithSystemNetMail = "SMTP3007";
    }

    /// <summary>Diagnostic categories; users configure a whole family with <c>dotnet_analyzer_diagnostic.category-NAME.severity</c>.</summary>
    public static class RuleCategories
    {
        public const string ReplyCodes = "SmtpReplyCodes";
        public const string Reliability = "SmtpReliability";
        public const string Security = "SmtpSecurity";
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
            "The boundary {0} is not a reply-class edge: it splits the {1}yz class, so {2} on the wrong side; check the reply class instead",
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
        // SMTP3001 has one descriptor per library; they differ only in the message.
        private const string CredentialsWithoutTlsTitle = "SMTP credentials sent without TLS";

        private const string CredentialsWithoutTlsDescription = "AUTH LOGIN and PLAIN are base64, not encryption: without TLS the password crosses the network in clear text. RFC 4954 §4 and §14 expect plaintext password mechanisms to be refused unless STARTTLS or an equivalent protects the session, and RFC 8314 §5 has a mail client require a minimum confidentiality level per account and refuse to exchange anything below it.";

        /// <summary>SMTP3001 for System.Net.Mail: {0} "false" or "never set (false by default)".</summary>
        public static readonly DiagnosticDescriptor CredentialsWithoutTls = Create(
            RuleIds.CredentialsWithoutTls,
            CredentialsWithoutTlsTitle,
            "Credentials are set on an SmtpClient whose EnableSsl is {0}: AUTH LOGIN sends the password in clear text; set EnableSsl = true",
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            CredentialsWithoutTlsDescription);

        /// <summary>SMTP3001 for MailKit: {0} the quoted method name ('Connect' or 'ConnectAsync').</summary>
        public static readonly DiagnosticDescriptor CredentialsWithoutTlsMailKit = Create(
            RuleIds.CredentialsWithoutTls,
            CredentialsWithoutTlsTitle,
            "{0} uses SecureSocketOptions.None and the client then authenticates: the credentials cross the network in clear text; use SecureSocketOptions.StartTls or SslOnConnect",
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            CredentialsWithoutTlsDescription);

        /// <summary>SMTP3002: {0} the quoted method name, {1} the opportunistic form (Auto, StartTlsWhenAvailable, useSsl: false, an smtp:// URI).</summary>
        public static readonly DiagnosticDescriptor CredentialsOverOpportunisticTls = Create(
            RuleIds.CredentialsOverOpportunisticTls,
            "SMTP credentials sent over opportunistic STARTTLS",
            "{0} encrypts only if the server offers STARTTLS ({1}), and the client then authenticates: an attacker who removes STARTTLS from the EHLO reply receives the credentials; require TLS",
            RuleCategories.Security,
            DiagnosticSeverity.Info,
            "With opportunistic STARTTLS the client continues in clear text when the server does not offer STARTTLS, and a man in the middle can delete the '250 STARTTLS' line (RFC 3207 §6). The credentials sent next are then readable. RFC 8314 §3.3 treats STARTTLS as equal to implicit TLS only when the client requires TLS to be negotiated before submission.");

        /// <summary>SMTP3006.</summary>
        public static readonly DiagnosticDescriptor HardCodedPassword = Create(
            RuleIds.HardCodedPassword,
            "Hard-coded SMTP password",
            "The SMTP password is written in the source: anyone with the code or the binary can send mail as this account; read it from configuration or a secret store",
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            "A password in source code is in every copy of the repository and in the compiled assembly, and cannot be rotated without a release. RFC 8314 §5 asks mail clients to protect account credentials; keeping the SMTP AUTH secret (RFC 4954) out of the code is the first step.");

        /// <summary>SMTP3007.</summary>
        public static readonly DiagnosticDescriptor ImplicitTlsPortWithSystemNetMail = Create(
            RuleIds.ImplicitTlsPortWithSystemNetMail,
            "System.Net.Mail cannot use implicit TLS on port 465",
            "System.Net.Mail.SmtpClient does not support implicit TLS (port 465): it waits for a plain-text greeting that never comes and times out; use port 587 with EnableSsl = true (STARTTLS), or MailKit with SecureSocketOptions.SslOnConnect",
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            "Port 465 starts with a TLS handshake (RFC 8314 §3.3), but System.Net.Mail only knows STARTTLS (RFC 3207): EnableSsl upgrades a plain-text session after EHLO. On 465 the client waits for a greeting the server never sends in clear, until Timeout. Developers who hit the timeout tend to turn EnableSsl off or move to port 25 in clear.");

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

        /// <summary>SMTP3003: {0} what the callback accepts; {1} empty, or the ServicePointManager note.</summary>
        public static readonly DiagnosticDescriptor CertificateValidationDisabled = Create(
            RuleIds.CertificateValidationDisabled,
            "Certificate validation disabled for an SMTP client",
            "This certificate validation callback accepts {0}: anyone on the path can impersonate the mail server and read the credentials and messages{1}",
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            "RFC 8314 §5.3: a mail client must not treat a session as confidential when the server certificate cannot be validated, and §3.3 requires the certificate validation of RFC 7817. A callback that returns true for a certificate with a name mismatch or an untrusted chain, or for no certificate at all, lets anyone on the path present their own certificate, read the SMTP credentials and messages, and change them. System.Net.Mail takes its callback from ServicePointManager, for every SmtpClient in the process.");

        public static readonly DiagnosticDescriptor RevocationCheckDisabled = Create(
            RuleIds.RevocationCheckDisabled,
            "Certificate revocation check disabled for an SMTP client",
            "Revocation checking is turned off for this SMTP client: a revoked (for example stolen) server certificate is accepted",
            RuleCategories.Security,
            DiagnosticSeverity.Info,
            "MailKit checks the server certificate's revocation status by default. With CheckCertificateRevocation = false a certificate revoked because its key was stolen is still accepted, so whoever holds the key can impersonate the mail server (RFC 8314 §5.3, RFC 7817). MailKit documents turning it off as a workaround for unreachable CRL or OCSP servers, hence Info.");

        /// <summary>SMTP3005: {0} the setting; {1} the obsolete versions it enables.</summary>
        public static readonly DiagnosticDescriptor ObsoleteTlsVersions = Create(
            RuleIds.ObsoleteTlsVersions,
            "Obsolete TLS versions enabled for SMTP",
            "{0} enables {1} for SMTP; TLS below 1.2 is deprecated for mail submission (RFC 8996, RFC 8997); leave it to the operating system (None / SystemDefault) or use Tls12 | Tls13",
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            "RFC 8996 deprecates TLS 1.0 and 1.1, RFC 8997 applies that to mail (SMTP, IMAP, POP3), and SSL 2.0 and 3.0 were prohibited earlier (RFC 6176, RFC 7568). Enabling them lets an attacker who can downgrade the handshake attack the weaker protocol. MailKit's SslProtocols and, for System.Net.Mail, ServicePointManager.SecurityProtocol choose the versions; the operating system's default is the safe choice.");

        /// <summary>
        /// SMTP2001 for MailKit's SmtpProtocolException (and ProtocolException), which carries no reply code, so there is
        /// no reply to lose: {0} the caught type.
        /// </summary>
        public static readonly DiagnosticDescriptor ConnectionFailureSwallowed = Create(
            RuleIds.FailureSwallowed,
            FailureSwallowed.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "This catch of {0} around an SMTP send{1} swallows a connection failure, which carries no reply code: the mail was not sent and nobody outside learns it; rethrow, pass the exception on, or reconnect and send again",
            RuleCategories.Reliability,
            DiagnosticSeverity.Warning,
            FailureSwallowed.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, bool enabledByDefault = true)
            => new DiagnosticDescriptor(id, title, message, category, severity, enabledByDefault, description, HelpLink(id));
    }
}
