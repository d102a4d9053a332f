using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Engine;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// SMTP3001 (credentials sent without TLS) and SMTP3002 (credentials over opportunistic STARTTLS). The triggers
    /// are rare: a <c>Credentials</c> assignment on System.Net.Mail's client, a <c>Connect</c> call on MailKit's; the
    /// member (or type) around them is walked only then.
    /// </summary>
    internal sealed class CredentialsTransportRule : SmtpRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.CredentialsWithoutTls,
            Descriptors.CredentialsWithoutTlsMailKit,
            Descriptors.CredentialsOverOpportunisticTls);

        /// <remarks>
        /// The subscriptions do not depend on which library is referenced: symbols are resolved at the first callback, not
        /// at compilation start (<see cref="SecuritySymbols"/>), so each handler checks its library first.
        /// </remarks>
        public override void Start(RuleStart start)
        {
            var symbols = SecuritySymbols.Create(start.Model.Compilation);
            start.OnPropertyAssignment(
                c =>
                {
                    if (symbols.SystemNetMailClient is not null)
                    {
                        Report(c, CredentialsWithoutTls.AnalyzeAssignment((ISimpleAssignmentOperation)c.Operation, symbols));
                    }
                },
                new[] { "Credentials" },
                OperationKind.SimpleAssignment);
            start.OnInvocation(
                (c, invocation) =>
                {
                    if (symbols.SecureSocketOptions is not null)
                    {
                        Report(c, ConnectSecurity.AnalyzeInvocation(invocation, symbols));
                    }
                },
                "Connect",
                "ConnectAsync");
        }

        internal static void Report(OperationAnalysisContext context, Diagnostic? diagnostic)
        {
            if (diagnostic is not null)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    /// <summary>SMTP3006: a password written in the source that reaches an SMTP client's credentials.</summary>
    internal sealed class HardCodedPasswordRule : SmtpRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.HardCodedPassword);

        public override void Start(RuleStart start)
        {
            var symbols = SecuritySymbols.Create(start.Model.Compilation);
            start.OnPropertyAssignment(
                c =>
                {
                    if (symbols.SystemNetMailClient is not null)
                    {
                        CredentialsTransportRule.Report(c, HardCodedPassword.AnalyzeAssignment((ISimpleAssignmentOperation)c.Operation, symbols));
                    }
                },
                new[] { "Credentials" },
                OperationKind.SimpleAssignment);
            start.OnInvocation(
                (c, invocation) =>
                {
                    if (symbols.MailKitClient is not null)
                    {
                        CredentialsTransportRule.Report(c, HardCodedPassword.AnalyzeInvocation(invocation, symbols));
                    }
                },
                "Authenticate",
                "AuthenticateAsync");
        }
    }

    /// <summary>SMTP3007: System.Net.Mail's SmtpClient on port 465 (implicit TLS, which it does not support).</summary>
    internal sealed class ImplicitTlsPortRule : SmtpRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ImplicitTlsPortWithSystemNetMail);

        public override void Start(RuleStart start)
        {
            var symbols = SecuritySymbols.Create(start.Model.Compilation);
            start.OnOperation(
                c =>
                {
                    if (symbols.SystemNetMailClient is not null)
                    {
                        CredentialsTransportRule.Report(c, ImplicitTlsPort.AnalyzeCreation((IObjectCreationOperation)c.Operation, symbols));
                    }
                },
                OperationKind.ObjectCreation);
            start.OnPropertyAssignment(
                c =>
                {
                    if (symbols.SystemNetMailClient is not null)
                    {
                        CredentialsTransportRule.Report(c, ImplicitTlsPort.AnalyzeAssignment((ISimpleAssignmentOperation)c.Operation, symbols));
                    }
                },
                new[] { "Port" },
                OperationKind.SimpleAssignment);
        }
    }
}
