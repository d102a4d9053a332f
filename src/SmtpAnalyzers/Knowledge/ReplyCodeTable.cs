using System.Collections.Generic;
using System.Collections.Immutable;

namespace SmtpAnalyzers.Knowledge
{
    /// <summary>
    /// The single source of truth for SMTP reply codes: every analyzer, code fix, generated constant and
    /// docs page that names a reply code reads it from here.
    /// </summary>
    internal static class ReplyCodeTable
    {
        private const string Rfc5321 = "RFC 5321 §4.2.3";
        private const string Rfc4954 = "RFC 4954 §6";
        private const string Rfc7504 = "RFC 7504 §3";

        public static readonly ImmutableArray<ReplyCodeInfo> All = ImmutableArray.Create(
            new ReplyCodeInfo(-1, "not an SMTP reply: a network error, time-out, protocol violation or several failed recipients", "System.Net.Mail", "GeneralFailure", null, "GeneralFailure", "look at InnerException: network errors are transient"),
            new ReplyCodeInfo(211, "system status, or system help reply", Rfc5321, "SystemStatus", "SystemStatus", "SystemStatus", "informational"),
            new ReplyCodeInfo(214, "help message", Rfc5321, "HelpMessage", "HelpMessage", "HelpMessage", "informational"),
            new ReplyCodeInfo(220, "service ready", Rfc5321, "ServiceReady", "ServiceReady", "ServiceReady", "continue"),
            new ReplyCodeInfo(221, "service closing transmission channel", Rfc5321, "ServiceClosingTransmissionChannel", "ServiceClosingTransmissionChannel", "ServiceClosingTransmissionChannel", "done"),
            new ReplyCodeInfo(235, "authentication succeeded", Rfc4954, null, "AuthenticationSuccessful", "AuthenticationSuccessful", "done"),
            new ReplyCodeInfo(250, "requested mail action okay, completed", Rfc5321, "Ok", "Ok", "Ok", "done"),
            new ReplyCodeInfo(251, "user not local; will forward (the message will be delivered)", Rfc5321, "UserNotLocalWillForward", "UserNotLocalWillForward", "UserNotLocalWillForward", "done"),
            new ReplyCodeInfo(252, "cannot verify the user, but will accept the message and attempt delivery", Rfc5321, "CannotVerifyUserWillAttemptDelivery", "CannotVerifyUserWillAttemptDelivery", "CannotVerifyUserWillAttemptDelivery", "done"),
            new ReplyCodeInfo(334, "authentication challenge", "RFC 4954 §4", null, "AuthenticationChallenge", "AuthenticationChallenge", "continue the exchange"),
            new ReplyCodeInfo(354, "start mail input", Rfc5321, "StartMailInput", "StartMailInput", "StartMailInput", "continue the exchange"),
            new ReplyCodeInfo(421, "service not available, closing transmission channel", Rfc5321, "ServiceNotAvailable", "ServiceNotAvailable", "ServiceNotAvailable", "reconnect later and retry"),
            new ReplyCodeInfo(432, "a password transition is needed", Rfc4954, null, "PasswordTransitionNeeded", "PasswordTransitionNeeded", "the user must act"),
            new ReplyCodeInfo(450, "mailbox unavailable (for example busy or greylisted)", Rfc5321, "MailboxBusy", "MailboxBusy", "MailboxBusy", "retry later"),
            new ReplyCodeInfo(451, "local error in processing", Rfc5321, "LocalErrorInProcessing", "ErrorInProcessing", "LocalErrorInProcessing", "retry later"),
            new ReplyCodeInfo(452, "insufficient system storage (also: too many recipients)", Rfc5321, "InsufficientStorage", "InsufficientStorage", "InsufficientStorage", "retry later"),
            new ReplyCodeInfo(454, "temporary authentication failure, or TLS not available", "RFC 4954 §6, RFC 3207 §4", "ClientNotPermitted", "TemporaryAuthenticationFailure", "TemporaryAuthenticationFailure", "retry later; never fall back to plaintext credentials"),
            new ReplyCodeInfo(455, "server unable to accommodate parameters", Rfc5321, null, null, "ServerUnableToAccommodateParameters", "retry later"),
            new ReplyCodeInfo(500, "syntax error, command unrecognized", Rfc5321, "CommandUnrecognized", "CommandUnrecognized", "CommandUnrecognized", "do not retry unchanged"),
            new ReplyCodeInfo(501, "syntax error in parameters or arguments", Rfc5321, "SyntaxError", "SyntaxError", "SyntaxError", "do not retry unchanged"),
            new ReplyCodeInfo(502, "command not implemented", Rfc5321, "CommandNotImplemented", "CommandNotImplemented", "CommandNotImplemented", "do not retry unchanged"),
            new ReplyCodeInfo(503, "bad sequence of commands", Rfc5321, "BadCommandSequence", "BadCommandSequence", "BadCommandSequence", "do not retry unchanged"),
            new ReplyCodeInfo(504, "command parameter not implemented", Rfc5321, "CommandParameterNotImplemented", "CommandParameterNotImplemented", "CommandParameterNotImplemented", "do not retry unchanged"),
            new ReplyCodeInfo(521, "host does not accept mail", Rfc7504, null, null, "HostDoesNotAcceptMail", "do not retry"),
            new ReplyCodeInfo(523, "encryption needed", "RFC 5248 §2.4", null, null, "EncryptionNeeded", "do not retry unchanged; change the configuration"),
            new ReplyCodeInfo(530, "authentication required, or must issue STARTTLS first", "RFC 4954 §6, RFC 3207 §4", "MustIssueStartTlsFirst", "AuthenticationRequired", "AuthenticationRequired", "do not retry unchanged; change the configuration"),
            new ReplyCodeInfo(534, "authentication mechanism is too weak", Rfc4954, null, "AuthenticationMechanismTooWeak", "AuthenticationMechanismTooWeak", "do not retry unchanged; use another mechanism"),
            new ReplyCodeInfo(535, "authentication credentials invalid", Rfc4954, null, "AuthenticationInvalidCredentials", "AuthenticationInvalidCredentials", "do not retry; ask for new credentials"),
            new ReplyCodeInfo(538, "encryption required for the requested authentication mechanism", Rfc4954, null, "EncryptionRequiredForAuthenticationMechanism", "EncryptionRequiredForAuthenticationMechanism", "do not retry unchanged"),
            new ReplyCodeInfo(550, "mailbox unavailable (not found, no access, or rejected for policy reasons)", Rfc5321, "MailboxUnavailable", "MailboxUnavailable", "MailboxUnavailable", "do not retry"),
            new ReplyCodeInfo(551, "user not local; try the forward path given in the reply", Rfc5321, "UserNotLocalTryAlternatePath", "UserNotLocalTryAlternatePath", "UserNotLocalTryAlternatePath", "do not retry; send a new transaction to the other address"),
            new ReplyCodeInfo(552, "exceeded storage allocation", Rfc5321, "ExceededStorageAllocation", "ExceededStorageAllocation", "ExceededStorageAllocation", "do not retry unchanged"),
            new ReplyCodeInfo(553, "mailbox name not allowed", Rfc5321, "MailboxNameNotAllowed", "MailboxNameNotAllowed", "MailboxNameNotAllowed", "do not retry; fix the address"),
            new ReplyCodeInfo(554, "transaction failed (or no SMTP service here)", Rfc5321, "TransactionFailed", "TransactionFailed", "TransactionFailed", "do not retry unchanged"),
            new ReplyCodeInfo(555, "MAIL FROM or RCPT TO parameters not recognized or not implemented", Rfc5321, null, "MailFromOrRcptToParametersNotRecognizedOrNotImplemented", "MailFromOrRcptToParametersNotRecognizedOrNotImplemented", "do not retry unchanged"),
            new ReplyCodeInfo(556, "domain does not accept mail", Rfc7504, null, null, "DomainDoesNotAcceptMail", "do not retry"));

        private static readonly Dictionary<int, ReplyCodeInfo> ByValue = CreateIndex();

        /// <summary>The lowest value that is a three-digit reply code.</summary>
        public const int LowestReply = 200;

        /// <summary>One past the highest value that is a three-digit reply code.</summary>
        public const int EndOfReplies = 600;

        /// <summary>Whether <paramref name="value"/> is a reply code (200-599) or, for System.Net.Mail, GeneralFailure (-1).</summary>
        public static bool IsReplyCodeValue(long value, SmtpLibrary library)
            => (value >= LowestReply && value < EndOfReplies) || (value == -1 && library == SmtpLibrary.SystemNetMail);

        /// <summary>
        /// 552, the one 5yz reply a client may retry: RFC 821 listed "too many recipients" as 552, and RFC 5321 §4.5.3.1.10
        /// says clients SHOULD treat a 552 in that case as the transient 452. Handling it as transient is therefore not a
        /// misclassification (SMTP2005), and retrying it is not a permanent failure retried (SMTP2002).
        /// </summary>
        public static bool IsLegacyTransient(long value) => value == 552;

        /// <summary>Whether <paramref name="value"/> is the first code of a reply class: 200, 300, 400, 500 or 600.</summary>
        public static bool IsClassEdge(long value) => value >= LowestReply && value <= EndOfReplies && value % 100 == 0;

        public static bool TryGet(long value, out ReplyCodeInfo info)
        {
            if (value >= int.MinValue && value <= int.MaxValue && ByValue.TryGetValue((int)value, out var found))
            {
                info = found;
                return true;
            }

            info = null!;
            return false;
        }

        private static Dictionary<int, ReplyCodeInfo> CreateIndex()
        {
            var index = new Dictionary<int, ReplyCodeInfo>();
            foreach (var info in All)
            {
                index.Add(info.Value, info);
            }

            return index;
        }
    }
}
