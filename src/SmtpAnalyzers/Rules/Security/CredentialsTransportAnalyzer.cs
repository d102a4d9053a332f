using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Model;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// SMTP3001 (credentials sent without TLS) and SMTP3002 (credentials over opportunistic STARTTLS). The triggers
    /// are rare: a <c>Credentials</c> assignment on System.Net.Mail's client, a <c>Connect</c> call on MailKit's; the
    /// member (or type) around them is walked only then.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CredentialsTransportAnalyzer : SmtpAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.CredentialsWithoutTls,
            Descriptors.CredentialsWithoutTlsMailKit,
            Descriptors.CredentialsOverOpportunisticTls);

        private protected override void Register(CompilationStartAnalysisContext context, SmtpModel model)
        {
            var symbols = SecuritySymbols.TryCreate(context.Compilation);
            if (symbols is null)
            {
                return;
            }

            if (symbols.SystemNetMailClient is not null)
            {
                context.RegisterOperationAction(
                    c =>
                    {
                        var diagnostic = CredentialsWithoutTls.AnalyzeAssignment((ISimpleAssignmentOperation)c.Operation, symbols);
                        if (diagnostic is not null)
                        {
                            c.ReportDiagnostic(diagnostic);
                        }
                    },
                    OperationKind.SimpleAssignment);
            }

            if (symbols.SecureSocketOptions is not null)
            {
                context.RegisterOperationAction(
                    c =>
                    {
                        var diagnostic = ConnectSecurity.AnalyzeInvocation((IInvocationOperation)c.Operation, symbols);
                        if (diagnostic is not null)
                        {
                            c.ReportDiagnostic(diagnostic);
                        }
                    },
                    OperationKind.Invocation);
            }
        }
    }
}
