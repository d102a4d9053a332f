using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Rules.Security;

namespace SmtpAnalyzers.Security
{
    /// <summary>
    /// SMTP3002 "Require STARTTLS": StartTlsWhenAvailable, Auto, an omitted options argument or <c>useSsl: false</c>
    /// becomes <c>SecureSocketOptions.StartTls</c> (Auto with a port variable keeps implicit TLS on 465 through
    /// <c>port == 465 ? SslOnConnect : StartTls</c>); adds <c>using MailKit.Security;</c> when missing. A server
    /// without STARTTLS now fails the Connect instead of receiving the credentials in clear text.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OpportunisticStartTlsCodeFixProvider))]
    [Shared]
    public sealed class OpportunisticStartTlsCodeFixProvider : ImportingSecurityCodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string FixEquivalenceKey = RuleIds.CredentialsOverOpportunisticTls + ".RequireStartTls";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CredentialsOverOpportunisticTls);

        protected override string EquivalenceKey => FixEquivalenceKey;

        protected override string Title => "Require STARTTLS";

        private protected override List<(SyntaxNode Original, SyntaxNode Replacement)>? Plan(
            SyntaxNode root, SemanticModel semanticModel, SyntaxGenerator generator, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(ConnectSecurity.FixProperty, out var fix)
                || fix is null
                || semanticModel.Compilation.GetTypeByMetadataName("MailKit.Security.SecureSocketOptions") is not { } options
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocationSyntax
                || semanticModel.GetOperation(invocationSyntax, cancellationToken) is not IInvocationOperation invocation)
            {
                return null;
            }

            var plan = Plan(invocationSyntax, invocation, options, semanticModel, fix);
            return plan is not null && CanEdit(root, semanticModel, plan.Select(p => p.Original), cancellationToken) ? plan : null;
        }

        private static List<(SyntaxNode Original, SyntaxNode Replacement)>? Plan(
            InvocationExpressionSyntax invocationSyntax, IInvocationOperation invocation, INamedTypeSymbol options, SemanticModel semanticModel, string fix)
        {
            IArgumentOperation? optionsArgument = null;
            IArgumentOperation? useSslArgument = null;
            IArgumentOperation? portArgument = null;
            foreach (var argument in invocation.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, options))
                {
                    optionsArgument = argument;
                }
                else if (argument.Parameter?.Name == "useSsl")
                {
                    useSslArgument = argument;
                }
                else if (argument.Parameter?.Name == "port")
                {
                    portArgument = argument;
                }
            }

            var startTls = SecurityFixSyntax.EnumMember(semanticModel, invocationSyntax.SpanStart, options, "StartTls");
            switch (fix)
            {
                case ConnectSecurity.FixReplaceOptions when optionsArgument?.Value.Syntax is ExpressionSyntax value:
                    return Single(value, startTls.WithTriviaFrom(value));
                case ConnectSecurity.FixReplaceOptionsByPort when optionsArgument?.Value.Syntax is ExpressionSyntax value
                    && portArgument?.Value.Syntax is ExpressionSyntax port:
                    return Single(value, SecurityFixSyntax.OptionsByPort(semanticModel, invocationSyntax.SpanStart, options, port).WithTriviaFrom(value));
                case ConnectSecurity.FixAppendOptions when optionsArgument?.Parameter is { } parameter:
                    return Append(invocationSyntax.ArgumentList, parameter.Name, startTls);
                case ConnectSecurity.FixAppendOptionsByPort when optionsArgument?.Parameter is { } parameter
                    && portArgument?.Value.Syntax is ExpressionSyntax port:
                    return Append(invocationSyntax.ArgumentList, parameter.Name, SecurityFixSyntax.OptionsByPort(semanticModel, invocationSyntax.SpanStart, options, port));
                case ConnectSecurity.FixReplaceUseSsl when useSslArgument?.Syntax is ArgumentSyntax argument:
                    // The (host, port, SecureSocketOptions, CancellationToken) overload has the same position; a named
                    // useSsl: becomes options: (the name that overload declares on SmtpClient, ISmtpClient and IMailService).
                    var replacement = argument.NameColon is null
                        ? argument.WithExpression(startTls.WithTriviaFrom(argument.Expression))
                        : argument.WithNameColon(SyntaxFactory.NameColon("options").WithTriviaFrom(argument.NameColon)).WithExpression(startTls.WithTriviaFrom(argument.Expression));
                    return Single(argument, replacement);
                default:
                    return null;
            }
        }

        private static List<(SyntaxNode Original, SyntaxNode Replacement)> Single(SyntaxNode original, SyntaxNode replacement)
            => new List<(SyntaxNode, SyntaxNode)> { (original, replacement) };

        /// <summary>Appends <c>name: value</c> to the argument list.</summary>
        private static List<(SyntaxNode Original, SyntaxNode Replacement)> Append(ArgumentListSyntax arguments, string name, ExpressionSyntax value)
        {
            var argument = SyntaxFactory.Argument(SyntaxFactory.NameColon(name), default, value);
            if (arguments.Arguments.Count > 0)
            {
                argument = argument.WithLeadingTrivia(SyntaxFactory.Space);
            }

            return Single(arguments, arguments.AddArguments(argument));
        }
    }
}
