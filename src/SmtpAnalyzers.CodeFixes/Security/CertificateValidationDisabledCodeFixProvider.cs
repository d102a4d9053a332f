using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.Rules.Security;

namespace SmtpAnalyzers.Security
{
    /// <summary>
    /// SMTP3003: removes the statement or initializer member that installs the accepting callback, so that MailKit's
    /// default validation (<c>errors == None</c>) or no global override applies. Not offered when the value is a
    /// conditional or <c>??</c> (a setting chooses it), for the embedded statement of an if/else/loop/using/lock without
    /// braces, or for an assignment inside a larger expression.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateValidationDisabledCodeFixProvider))]
    [Shared]
    public sealed class CertificateValidationDisabledCodeFixProvider : SecurityCodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string FixEquivalenceKey = RuleIds.CertificateValidationDisabled + ".RemoveOverride";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CertificateValidationDisabled);

        protected override string EquivalenceKey => FixEquivalenceKey;

        private protected override SecurityEdit? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Properties.ContainsKey(TlsSettingsRules.NoFixProperty)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment)
            {
                return null;
            }

            return RemoveAssignment("Remove the certificate validation override", assignment);
        }
    }
}
