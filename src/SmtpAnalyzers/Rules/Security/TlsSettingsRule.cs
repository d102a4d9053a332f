using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Engine;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// SMTP3003, SMTP3004, SMTP3005: TLS settings of SMTP clients that weaken the connection (certificate validation
    /// disabled, revocation check disabled, obsolete TLS versions). Listens to assignments only (<c>=</c>, compound, and
    /// <c>??=</c>, which only SMTP3003's callbacks can take: the other settings are not nullable); the decisions are in
    /// <see cref="TlsSettingsRules"/>.
    /// </summary>
    internal sealed class TlsSettingsRule : SmtpRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.CertificateValidationDisabled,
            Descriptors.RevocationCheckDisabled,
            Descriptors.ObsoleteTlsVersions);

        public override void Start(RuleStart start)
        {
            var symbols = SecuritySymbols.Create(start.Model.Compilation);
            var mailCode = new MailCodeTypes(symbols);
            start.OnPropertyAssignment(
                c =>
                {
                    if (symbols.MailService is null && symbols.ServicePointManager is null)
                    {
                        return;
                    }

                    var diagnostic = TlsSettingsRules.Analyze((IAssignmentOperation)c.Operation, c.ContainingSymbol, symbols, mailCode);
                    if (diagnostic is not null)
                    {
                        c.ReportDiagnostic(diagnostic);
                    }
                },
                new[] { TlsSettingsRules.ServerCertificateValidationCallback, TlsSettingsRules.CheckCertificateRevocation, TlsSettingsRules.SslProtocols, TlsSettingsRules.SecurityProtocol },
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.CoalesceAssignment);
        }
    }
}
