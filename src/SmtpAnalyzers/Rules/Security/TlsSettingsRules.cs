using System;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// The decisions of SMTP3003 (certificate validation disabled), SMTP3004 (revocation check disabled) and SMTP3005
    /// (obsolete TLS versions): one assignment in, at most one diagnostic out. Independent of how actions are registered.
    /// </summary>
    internal static class TlsSettingsRules
    {
        /// <summary>Diagnostic property: the fix must not be offered (the value is a conditional or <c>??</c> choice).</summary>
        public const string NoFixProperty = "NoFix";

        /// <summary>Diagnostic property: the setting is ServicePointManager's (process-wide), not a client's.</summary>
        public const string GlobalProperty = "Global";

        public const string ServerCertificateValidationCallback = "ServerCertificateValidationCallback";
        public const string CheckCertificateRevocation = "CheckCertificateRevocation";
        public const string SslProtocols = "SslProtocols";
        public const string SecurityProtocol = "SecurityProtocol";

        /// <summary>SslProtocols Ssl2 | Ssl3 | Tls | Tls11 (Default = Ssl3 | Tls included).</summary>
        public const long WeakSslProtocols = 12 | 48 | 192 | 768;

        /// <summary>SecurityProtocolType Ssl3 | Tls | Tls11.</summary>
        public const long WeakSecurityProtocols = 48 | 192 | 768;

        private static readonly ImmutableDictionary<string, string?> NoFix = ImmutableDictionary<string, string?>.Empty.Add(NoFixProperty, "true");

        /// <summary>
        /// The diagnostic for <paramref name="assignment"/>, or null. The first check is the target property's name,
        /// before any symbol is compared.
        /// </summary>
        public static Diagnostic? Analyze(IAssignmentOperation assignment, ISymbol containingSymbol, SecuritySymbols symbols, MailCodeTypes mailCode)
        {
            if (assignment.Target is not IPropertyReferenceOperation target)
            {
                return null;
            }

            switch (target.Property.Name)
            {
                case ServerCertificateValidationCallback:
                    return CertificateValidationDisabled(assignment, target, containingSymbol, symbols, mailCode);
                case CheckCertificateRevocation:
                    return RevocationCheckDisabled(assignment, target, symbols);
                case SslProtocols:
                case SecurityProtocol:
                    return ObsoleteTlsVersions(assignment, target, containingSymbol, symbols, mailCode);
                default:
                    return null;
            }
        }

        /// <summary>
        /// SMTP3003: an accepting callback assigned (<c>=</c>, <c>+=</c> or <c>??=</c>) to a MailKit SMTP client or, in
        /// mail code, to ServicePointManager. A <c>??=</c> installs the callback whenever none is set, which is the
        /// default of both properties: it is reported like <c>=</c>.
        /// </summary>
        public static Diagnostic? CertificateValidationDisabled(IAssignmentOperation assignment, IPropertyReferenceOperation target, ISymbol containingSymbol, SecuritySymbols symbols, MailCodeTypes mailCode)
        {
            if (!(assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation
                || assignment is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add }))
            {
                return null;
            }

            var global = IsGlobal(target, containingSymbol, symbols, ServerCertificateValidationCallback, mailCode);
            if (!global && !IsMailKitClientSetting(target, symbols))
            {
                return null;
            }

            var accepted = CallbackValues.Accepted(assignment.Value, out var throughChoice);
            if (accepted == AcceptedErrors.None || IsExempt(assignment, target, global))
            {
                return null;
            }

            var properties = throughChoice ? NoFix : ImmutableDictionary<string, string?>.Empty;
            if (global)
            {
                properties = properties.Add(GlobalProperty, "true");
            }

            return Diagnostic.Create(
                Descriptors.CertificateValidationDisabled,
                assignment.Syntax.GetLocation(),
                properties,
                AcceptedText(accepted),
                global ? " (ServicePointManager: for every System.Net.Mail SmtpClient in the process)" : string.Empty);
        }

        /// <summary>SMTP3004: constant <c>false</c> assigned to CheckCertificateRevocation of a MailKit SMTP client.</summary>
        public static Diagnostic? RevocationCheckDisabled(IAssignmentOperation assignment, IPropertyReferenceOperation target, SecuritySymbols symbols)
        {
            if (assignment is not ISimpleAssignmentOperation
                || assignment.Value.ConstantValue is not { HasValue: true, Value: false }
                || !IsMailKitClientSetting(target, symbols)
                || IsExempt(assignment, target, global: false))
            {
                return null;
            }

            return Diagnostic.Create(Descriptors.RevocationCheckDisabled, assignment.Syntax.GetLocation());
        }

        /// <summary>SMTP3005: a constant with a bit below TLS 1.2 assigned (<c>=</c> or <c>|=</c>) to MailKit's SslProtocols or, in mail code, to ServicePointManager.SecurityProtocol.</summary>
        public static Diagnostic? ObsoleteTlsVersions(IAssignmentOperation assignment, IPropertyReferenceOperation target, ISymbol containingSymbol, SecuritySymbols symbols, MailCodeTypes mailCode)
        {
            if (!(assignment is ISimpleAssignmentOperation || assignment is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Or }))
            {
                return null;
            }

            var constant = assignment.Value.ConstantValue;
            if (!constant.HasValue || constant.Value is not (int or long or uint))
            {
                return null;
            }

            var value = Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
            bool global;
            long weak;
            if (target.Property.Name == SslProtocols)
            {
                weak = value & WeakSslProtocols;
                global = false;
                if (weak == 0 || !IsMailKitClientSetting(target, symbols))
                {
                    return null;
                }
            }
            else
            {
                weak = value & WeakSecurityProtocols;
                global = true;
                if (weak == 0 || !IsGlobal(target, containingSymbol, symbols, SecurityProtocol, mailCode))
                {
                    return null;
                }
            }

            if (IsExempt(assignment, target, global))
            {
                return null;
            }

            return Diagnostic.Create(
                Descriptors.ObsoleteTlsVersions,
                assignment.Syntax.GetLocation(),
                global ? ImmutableDictionary<string, string?>.Empty.Add(GlobalProperty, "true") : ImmutableDictionary<string, string?>.Empty,
                global ? "ServicePointManager.SecurityProtocol" : "SslProtocols",
                VersionsText(weak));
        }

        /// <summary>The TLS versions of the weak bits, in protocol order: "SSL 3.0, TLS 1.0".</summary>
        public static string VersionsText(long weak)
        {
            var text = new StringBuilder();
            Append(text, weak, 12, "SSL 2.0");
            Append(text, weak, 48, "SSL 3.0");
            Append(text, weak, 192, "TLS 1.0");
            Append(text, weak, 768, "TLS 1.1");
            return text.ToString();
        }

        /// <summary>What the message says a callback accepts.</summary>
        public static string AcceptedText(AcceptedErrors accepted)
        {
            if (accepted == AcceptedErrors.All)
            {
                return "every certificate";
            }

            var text = new StringBuilder();
            AppendAccepted(text, accepted, AcceptedErrors.RemoteCertificateNameMismatch, "certificates issued for another host name");
            AppendAccepted(text, accepted, AcceptedErrors.RemoteCertificateChainErrors, "certificates that do not chain to a trusted root");
            AppendAccepted(text, accepted, AcceptedErrors.RemoteCertificateNotAvailable, "connections without a certificate");
            return text.ToString();
        }

        private static void Append(StringBuilder text, long weak, long bits, string name)
        {
            if ((weak & bits) != 0)
            {
                text.Append(text.Length == 0 ? string.Empty : ", ").Append(name);
            }
        }

        private static void AppendAccepted(StringBuilder text, AcceptedErrors accepted, AcceptedErrors probe, string words)
        {
            if ((accepted & probe) != 0)
            {
                text.Append(text.Length == 0 ? string.Empty : " and ").Append(words);
            }
        }

        /// <summary>A MailKit MailService setting read on an SMTP receiver (not IMailService, IMAP or POP3).</summary>
        private static bool IsMailKitClientSetting(IPropertyReferenceOperation target, SecuritySymbols symbols)
            => target.Instance is not null
                && symbols.IsMailServiceProperty(target.Property, target.Property.Name)
                && SmtpReceiver.IsMailKitSmtpReceiver(target.Instance.Type, symbols);

        /// <summary>
        /// The ServicePointManager setting <paramref name="name"/>, written in a type with an SMTP client (mail code). The
        /// type is that of the member being analyzed (the driver's containing symbol: the method, accessor, field or entry
        /// point whose body holds the setting, lambdas and local functions included), read without asking the semantic
        /// model for the enclosing symbol at the position.
        /// </summary>
        private static bool IsGlobal(IPropertyReferenceOperation target, ISymbol containingSymbol, SecuritySymbols symbols, string name, MailCodeTypes mailCode)
            => target.Instance is null
                && symbols.IsServicePointManagerProperty(target.Property, name)
                && target.SemanticModel is { } model
                && mailCode.IsMailCode(containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType, model);

        /// <summary>
        /// Development-only code, or (client settings only) a client whose every Connect in the member connects to this
        /// machine. ServicePointManager is process-wide: a loopback client elsewhere in the member does not exempt it.
        /// </summary>
        private static bool IsExempt(IAssignmentOperation assignment, IPropertyReferenceOperation target, bool global)
            => SecurityExemptions.IsDevelopmentOnly(assignment)
                || (!global && ConnectsOnlyToLoopback(target));

        /// <summary>Whether every Connect/ConnectAsync on the same client in the member scope has a constant loopback host (at least one).</summary>
        private static bool ConnectsOnlyToLoopback(IPropertyReferenceOperation target)
        {
            var client = SmtpReceiver.ClientSymbol(target.Instance);
            if (client is null)
            {
                return false;
            }

            IOperation root = target;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            var connects = 0;
            foreach (var operation in OperationWalk.Descendants(root))
            {
                if (operation is not IInvocationOperation { TargetMethod.Name: "Connect" or "ConnectAsync" } invocation
                    || !SymbolEqualityComparer.Default.Equals(SmtpReceiver.ClientSymbol(invocation.Instance), client))
                {
                    continue;
                }

                if (!IsLoopbackConnect(invocation))
                {
                    return false;
                }

                connects++;
            }

            return connects > 0;
        }

        private static bool IsLoopbackConnect(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null)
                {
                    continue;
                }

                if (parameter.Name == "host" && parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return argument.Value.ConstantValue is { HasValue: true, Value: string host } && SecurityExemptions.IsLoopbackHost(host);
                }

                if (parameter.Name == "uri")
                {
                    var value = argument.Value;
                    while (value is IConversionOperation conversion)
                    {
                        value = conversion.Operand;
                    }

                    return value is IObjectCreationOperation { Arguments: { Length: 1 } arguments }
                        && arguments[0].Value.ConstantValue is { HasValue: true, Value: string text }
                        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
                        && SecurityExemptions.IsLoopbackHost(uri.Host);
                }
            }

            return false;
        }
    }
}
