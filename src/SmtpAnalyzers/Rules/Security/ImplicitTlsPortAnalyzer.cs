using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Model;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>SMTP3007: System.Net.Mail's SmtpClient on port 465 (implicit TLS, which it does not support).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ImplicitTlsPortAnalyzer : SmtpAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ImplicitTlsPortWithSystemNetMail);

        private protected override void Register(CompilationStartAnalysisContext context, SmtpModel model)
        {
            var symbols = SecuritySymbols.TryCreate(context.Compilation);
            if (symbols?.SystemNetMailClient is null)
            {
                return;
            }

            context.RegisterOperationAction(
                c =>
                {
                    var diagnostic = ImplicitTlsPort.AnalyzeCreation((IObjectCreationOperation)c.Operation, symbols);
                    if (diagnostic is not null)
                    {
                        c.ReportDiagnostic(diagnostic);
                    }
                },
                OperationKind.ObjectCreation);
            context.RegisterOperationAction(
                c =>
                {
                    var diagnostic = ImplicitTlsPort.AnalyzeAssignment((ISimpleAssignmentOperation)c.Operation, symbols);
                    if (diagnostic is not null)
                    {
                        c.ReportDiagnostic(diagnostic);
                    }
                },
                OperationKind.SimpleAssignment);
        }
    }
}
