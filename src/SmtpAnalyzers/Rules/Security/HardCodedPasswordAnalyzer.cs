using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Model;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>SMTP3006: a password written in the source that reaches an SMTP client's credentials.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedPasswordAnalyzer : SmtpAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.HardCodedPassword);

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
                        var diagnostic = HardCodedPassword.AnalyzeAssignment((ISimpleAssignmentOperation)c.Operation, symbols);
                        if (diagnostic is not null)
                        {
                            c.ReportDiagnostic(diagnostic);
                        }
                    },
                    OperationKind.SimpleAssignment);
            }

            if (symbols.MailKitClient is not null)
            {
                context.RegisterOperationAction(
                    c =>
                    {
                        var diagnostic = HardCodedPassword.AnalyzeInvocation((IInvocationOperation)c.Operation, symbols);
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
