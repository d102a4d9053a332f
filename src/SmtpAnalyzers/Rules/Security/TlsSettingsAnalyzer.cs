using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Model;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// SMTP3003, SMTP3004, SMTP3005: TLS settings of SMTP clients that weaken the connection (certificate validation
    /// disabled, revocation check disabled, obsolete TLS versions). Listens to assignments only; the decisions are in
    /// <see cref="TlsSettingsRules"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TlsSettingsAnalyzer : SmtpAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.CertificateValidationDisabled,
            Descriptors.RevocationCheckDisabled,
            Descriptors.ObsoleteTlsVersions);

        private protected override void Register(CompilationStartAnalysisContext context, SmtpModel model)
        {
            var symbols = SecuritySymbols.Create(context.Compilation);
            if (symbols.MailService is null && symbols.ServicePointManager is null)
            {
                return;
            }

            var mailCode = new MailCodeTypes(symbols);
            context.RegisterOperationAction(
                c =>
                {
                    var diagnostic = TlsSettingsRules.Analyze((IAssignmentOperation)c.Operation, symbols, mailCode);
                    if (diagnostic is not null)
                    {
                        c.ReportDiagnostic(diagnostic);
                    }
                },
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment);
        }
    }
}
