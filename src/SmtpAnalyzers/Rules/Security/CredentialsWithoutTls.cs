using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// SMTP3001, System.Net.Mail half: <c>Credentials</c> set on a client whose EnableSsl is constant false (case a)
    /// or never set on .NET 5+, for a client created in scope that does not escape (case b).
    /// </summary>
    internal static class CredentialsWithoutTls
    {
        /// <summary>Diagnostic property: which case, <see cref="EnableSslFalse"/> or <see cref="EnableSslNeverSet"/>.</summary>
        public const string CaseProperty = "Case";

        public const string EnableSslFalse = "False";

        public const string EnableSslNeverSet = "NeverSet";

        private static readonly ImmutableDictionary<string, string?> FalseProperties =
            ImmutableDictionary<string, string?>.Empty.Add(CaseProperty, EnableSslFalse);

        private static readonly ImmutableDictionary<string, string?> NeverSetProperties =
            ImmutableDictionary<string, string?>.Empty.Add(CaseProperty, EnableSslNeverSet);

        /// <summary>The diagnostic for a <c>Credentials</c> assignment, or null.</summary>
        public static Diagnostic? AnalyzeAssignment(ISimpleAssignmentOperation assignment, SecuritySymbols symbols)
        {
            if (assignment.Target is not IPropertyReferenceOperation property
                || property.Property.Name != "Credentials"
                || symbols.SystemNetMailClient is null
                || !SymbolEqualityComparer.Default.Equals(property.Property.ContainingType?.OriginalDefinition, symbols.SystemNetMailClient))
            {
                return null;
            }

            var facts = Facts(assignment, symbols, out var client);
            if (facts is null)
            {
                return null;
            }

            if (facts.EnableSslWrites.Count > 0)
            {
                return facts.EnableSslAlwaysFalse
                    ? Diagnostic.Create(Descriptors.CredentialsWithoutTls, assignment.Syntax.GetLocation(), FalseProperties, "false")
                    : null;
            }

            if (!symbols.SystemNetMailReadsNoConfiguration
                || client.Symbol is not (ILocalSymbol or IFieldSymbol or IPropertySymbol)
                || facts.Escapes
                || facts.HasOtherSource
                || !IsCreatedWithHost(facts))
            {
                return null;
            }

            return Diagnostic.Create(Descriptors.CredentialsWithoutTls, assignment.Syntax.GetLocation(), NeverSetProperties, "never set (false by default)");
        }

        /// <summary>
        /// What the client's scope does with it, when the assignment is a reported shape before its EnableSsl is
        /// looked at: a password-bearing value, not development-only, a client whose scope is visible, network
        /// delivery, not a loopback host. Also used by the code fix to find the writes and the creation.
        /// </summary>
        public static ClientFacts? Facts(ISimpleAssignmentOperation assignment, SecuritySymbols symbols, out ClientKey client)
        {
            client = default;
            if (assignment.Target is not IPropertyReferenceOperation property || CarriesNoPassword(assignment.Value, symbols))
            {
                return null;
            }

            client = SmtpReceiver.ClientOf(property.Instance);
            if (client.IsNone || SecurityExemptions.IsDevelopmentOnly(assignment))
            {
                return null;
            }

            var scope = ClientFacts.Scope(client, assignment, typeScope: true);
            if (scope is null)
            {
                return null;
            }

            var facts = ClientFacts.Gather(client, scope, symbols);
            foreach (var deliveryMethod in facts.DeliveryMethodValues)
            {
                // SmtpDeliveryMethod.Network is 0; pickup directories send nothing over the network.
                if (!ConstantValues.IsConstant(deliveryMethod, 0))
                {
                    return null;
                }
            }

            return facts.HostIsLoopback ? null : facts;
        }

        /// <summary><c>null</c>, and the default network credentials (Negotiate/NTLM: no password on the wire).</summary>
        private static bool CarriesNoPassword(IOperation value, SecuritySymbols symbols)
        {
            if (value.ConstantValue is { HasValue: true, Value: null })
            {
                return true;
            }

            return SmtpReceiver.StripConversions(value) is IPropertyReferenceOperation { Property.Name: "DefaultNetworkCredentials" or "DefaultCredentials" } property
                && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, symbols.CredentialCache);
        }

        /// <summary>Every creation of the client passes a host, or is parameterless with a Host assignment (at least one creation).</summary>
        private static bool IsCreatedWithHost(ClientFacts facts)
        {
            if (facts.Creations.Count == 0)
            {
                return false;
            }

            foreach (var creation in facts.Creations)
            {
                var hasHostArgument = false;
                foreach (var argument in creation.Arguments)
                {
                    hasHostArgument |= argument.Parameter?.Name == "host" && argument.ArgumentKind == ArgumentKind.Explicit;
                }

                if (!hasHostArgument && (creation.Arguments.Length != 0 || facts.HostValues.Count == 0))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
