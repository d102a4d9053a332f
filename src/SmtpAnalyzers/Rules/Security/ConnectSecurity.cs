using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// SMTP3001 (MailKit half) and SMTP3002: a Connect whose security option may be None, or may be opportunistic
    /// STARTTLS, on a client that then authenticates in the same member without checking IsSecure/IsEncrypted.
    /// </summary>
    internal static class ConnectSecurity
    {
        /// <summary>Diagnostic property: what the code fix does (one of the <c>Fix*</c> values); absent when no fix applies.</summary>
        public const string FixProperty = "Fix";

        /// <summary>SMTP3001: the None argument becomes StartTls.</summary>
        public const string FixStartTls = "StartTls";

        /// <summary>SMTP3001: the None argument becomes SslOnConnect (constant port 465).</summary>
        public const string FixSslOnConnect = "SslOnConnect";

        /// <summary>SMTP3002: the options argument (StartTlsWhenAvailable or Auto) becomes StartTls.</summary>
        public const string FixReplaceOptions = "ReplaceOptions";

        /// <summary>SMTP3002: Auto with a port variable becomes <c>port == 465 ? SslOnConnect : StartTls</c>.</summary>
        public const string FixReplaceOptionsByPort = "ReplaceOptionsByPort";

        /// <summary>SMTP3002: an omitted options argument is appended as <c>options: StartTls</c>.</summary>
        public const string FixAppendOptions = "AppendOptions";

        /// <summary>SMTP3002: an omitted options argument is appended as <c>options: port == 465 ? SslOnConnect : StartTls</c>.</summary>
        public const string FixAppendOptionsByPort = "AppendOptionsByPort";

        /// <summary>SMTP3002: <c>useSsl: false</c> becomes <c>SecureSocketOptions.StartTls</c>.</summary>
        public const string FixReplaceUseSsl = "ReplaceUseSsl";

        private const int None = 0;
        private const int Auto = 1;
        private const int StartTlsWhenAvailable = 4;
        private const int ImplicitTlsPort = 465;

        /// <summary>The SMTP3001 or SMTP3002 diagnostic of a Connect/ConnectAsync call, or null.</summary>
        public static Diagnostic? AnalyzeInvocation(IInvocationOperation invocation, SecuritySymbols symbols)
        {
            var method = invocation.TargetMethod;
            if (method.Name is not ("Connect" or "ConnectAsync") || invocation.Instance?.Type is not { } receiverType)
            {
                return null;
            }

            var isMailKitClient = SmtpReceiver.IsSmtpReceiver(receiverType, symbols)
                && !SecuritySymbols.IsOrDerivesFrom(receiverType, symbols.SystemNetMailClient);
            if (!isMailKitClient && (SmtpReceiver.IsNonSmtpMailKitService(receiverType, symbols) || !HasOptionsParameter(method, symbols)))
            {
                return null;
            }

            var mode = Classify(invocation, symbols);
            if (mode.Kind == ModeKind.Safe)
            {
                return null;
            }

            var client = SmtpReceiver.ClientOf(invocation.Instance);
            if (client.Symbol is null || SecurityExemptions.IsDevelopmentOnly(invocation) || SecurityExemptions.IsExpectedToThrow(invocation))
            {
                return null;
            }

            var facts = ClientFacts.Gather(client, new List<IOperation> { ClientFacts.MemberRoot(invocation) }, symbols);
            if (!facts.HasAuthenticate || facts.HasSecureCheck || ConnectHosts.AllLoopback(facts.Connects))
            {
                return null;
            }

            var name = "'" + method.Name + "'";
            if (mode.Kind == ModeKind.MayBeNone)
            {
                var fix = isMailKitClient && mode.DirectConstant ? (mode.PortIs465 ? FixSslOnConnect : FixStartTls) : null;
                return Diagnostic.Create(Descriptors.CredentialsWithoutTlsMailKit, invocation.Syntax.GetLocation(), Properties(fix), name);
            }

            return Diagnostic.Create(
                Descriptors.CredentialsOverOpportunisticTls,
                invocation.Syntax.GetLocation(),
                Properties(isMailKitClient ? mode.Fix : null),
                name,
                mode.Phrase);
        }

        private static ImmutableDictionary<string, string?>? Properties(string? fix)
            => fix is null ? null : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);

        private static bool HasOptionsParameter(IMethodSymbol method, SecuritySymbols symbols)
        {
            foreach (var parameter in method.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.SecureSocketOptions))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What the call's security option may be.</summary>
        private static Mode Classify(IInvocationOperation invocation, SecuritySymbols symbols)
        {
            IArgumentOperation? options = null;
            IArgumentOperation? useSsl = null;
            IArgumentOperation? uri = null;
            IArgumentOperation? port = null;
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null)
                {
                    continue;
                }

                if (symbols.SecureSocketOptions is not null && SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.SecureSocketOptions))
                {
                    options = argument;
                }
                else if (parameter.Type.SpecialType == SpecialType.System_Boolean && parameter.Name == "useSsl")
                {
                    useSsl = argument;
                }
                else if (symbols.Uri is not null && SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.Uri))
                {
                    uri = argument;
                }
                else if (parameter.Type.SpecialType == SpecialType.System_Int32 && parameter.Name == "port")
                {
                    port = argument;
                }
            }

            // Port 0 (omitted) becomes 25; only a constant 465 makes Auto implicit TLS.
            var portValue = port is null || port.ArgumentKind == ArgumentKind.DefaultValue
                ? 0L
                : ConstantValues.AsInt64(port.Value);
            var portIs465 = portValue == ImplicitTlsPort;

            if (options is not null)
            {
                return ClassifyOptions(options, port, portValue, portIs465);
            }

            if (useSsl is not null)
            {
                if (useSsl.ArgumentKind != ArgumentKind.Explicit || !ConstantValues.MayBe(useSsl.Value, false))
                {
                    return Mode.Safe;
                }

                var direct = useSsl.Value.ConstantValue.HasValue && SmtpReceiver.StripConversions(useSsl.Value) is ILiteralOperation;
                return new Mode(ModeKind.MayBeOpportunistic, "useSsl: false", direct ? FixReplaceUseSsl : null, direct, portIs465);
            }

            if (uri is not null && ConnectHosts.ConstantUri(uri.Value) is { } text)
            {
                return ClassifyUri(text);
            }

            return Mode.Safe;
        }

        private static Mode ClassifyOptions(IArgumentOperation options, IArgumentOperation? port, long? portValue, bool portIs465)
        {
            var values = new List<object?>();
            bool direct;
            if (options.ArgumentKind == ArgumentKind.DefaultValue)
            {
                if (options.Parameter is not { HasExplicitDefaultValue: true } parameter)
                {
                    return Mode.Safe;
                }

                values.Add(parameter.ExplicitDefaultValue);
                direct = true;
            }
            else
            {
                ConstantValues.Possible(options.Value, values);
                var stripped = SmtpReceiver.StripConversions(options.Value);
                direct = options.Value.ConstantValue.HasValue && stripped is not ILocalReferenceOperation;
            }

            var mayBeNone = false;
            var mayBeWhenAvailable = false;
            var mayBeAuto = false;
            foreach (var value in values)
            {
                switch (value)
                {
                    case None:
                        mayBeNone = true;
                        break;
                    case StartTlsWhenAvailable:
                        mayBeWhenAvailable = true;
                        break;
                    case Auto:
                        mayBeAuto = true;
                        break;
                }
            }

            if (mayBeNone)
            {
                return new Mode(ModeKind.MayBeNone, "None", null, direct, portIs465);
            }

            if (mayBeWhenAvailable)
            {
                return new Mode(ModeKind.MayBeOpportunistic, "StartTlsWhenAvailable", direct ? FixReplaceOptions : null, direct, portIs465);
            }

            if (mayBeAuto && !portIs465)
            {
                string? fix = null;
                if (direct)
                {
                    var omitted = options.ArgumentKind == ArgumentKind.DefaultValue;
                    if (portValue is not null)
                    {
                        fix = omitted ? FixAppendOptions : FixReplaceOptions;
                    }
                    else if (port is not null && IsVariable(port.Value))
                    {
                        fix = omitted ? FixAppendOptionsByPort : FixReplaceOptionsByPort;
                    }
                }

                return new Mode(ModeKind.MayBeOpportunistic, "Auto", fix, direct, portIs465);
            }

            return Mode.Safe;
        }

        /// <summary>A local, parameter, field or property reference: safe to repeat in <c>port == 465 ? ... : ...</c>.</summary>
        private static bool IsVariable(IOperation value)
            => SmtpReceiver.StripConversions(value) switch
            {
                ILocalReferenceOperation or IParameterReferenceOperation => true,
                IFieldReferenceOperation field => field.Instance is null or IInstanceReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation,
                IPropertyReferenceOperation property => property.Arguments.IsEmpty
                    && property.Instance is null or IInstanceReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation,
                _ => false,
            };

        /// <summary><c>smtps://</c> is implicit TLS; <c>smtp://</c> is StartTlsWhenAvailable unless <c>?starttls=</c> says otherwise.</summary>
        private static Mode ClassifyUri(string text)
        {
            var schemeEnd = text.IndexOf("://", System.StringComparison.Ordinal);
            if (schemeEnd < 0)
            {
                return Mode.Safe;
            }

            var scheme = text.Substring(0, schemeEnd);
            if (!string.Equals(scheme, "smtp", System.StringComparison.OrdinalIgnoreCase))
            {
                return Mode.Safe;
            }

            var query = text.IndexOf('?');
            if (query >= 0)
            {
                foreach (var pair in text.Substring(query + 1).Split('&'))
                {
                    var equals = pair.IndexOf('=');
                    if (equals < 0 || !string.Equals(pair.Substring(0, equals), "starttls", System.StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    switch (pair.Substring(equals + 1).ToLowerInvariant())
                    {
                        case "always":
                        case "true":
                        case "yes":
                            return Mode.Safe;
                        case "never":
                        case "false":
                        case "no":
                            return new Mode(ModeKind.MayBeNone, "None", null, false, false);
                    }
                }
            }

            return new Mode(ModeKind.MayBeOpportunistic, "an smtp:// URI", null, false, false);
        }

        private enum ModeKind
        {
            Safe,
            MayBeNone,
            MayBeOpportunistic,
        }

        private readonly struct Mode
        {
            public static readonly Mode Safe = new Mode(ModeKind.Safe, "", null, false, false);

            public Mode(ModeKind kind, string phrase, string? fix, bool directConstant, bool portIs465)
            {
                Kind = kind;
                Phrase = phrase;
                Fix = fix;
                DirectConstant = directConstant;
                PortIs465 = portIs465;
            }

            public ModeKind Kind { get; }

            /// <summary>How the message names the opportunistic form.</summary>
            public string Phrase { get; }

            /// <summary>The SMTP3002 fix, when the value is the argument itself.</summary>
            public string? Fix { get; }

            /// <summary>Whether the option is the argument itself (a constant written there, or omitted), not a local or conditional.</summary>
            public bool DirectConstant { get; }

            public bool PortIs465 { get; }
        }
    }
}
