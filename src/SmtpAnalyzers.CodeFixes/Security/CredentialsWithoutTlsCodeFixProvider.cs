using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Rules.Security;

namespace SmtpAnalyzers.Security
{
    /// <summary>
    /// SMTP3001 "Require TLS for this SMTP connection". System.Net.Mail: every literal <c>false</c> written to the
    /// client's EnableSsl becomes <c>true</c>, or <c>EnableSsl = true</c> joins the creation's initializer when it
    /// was never set. MailKit: <c>SecureSocketOptions.None</c> written as the argument becomes StartTls (SslOnConnect
    /// on constant port 465). STARTTLS becomes mandatory: a server without it now fails instead of receiving the password.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CredentialsWithoutTlsCodeFixProvider))]
    [Shared]
    public sealed class CredentialsWithoutTlsCodeFixProvider : ImportingSecurityCodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string FixEquivalenceKey = RuleIds.CredentialsWithoutTls + ".RequireTls";

        private const string FixTitle = "Require TLS for this SMTP connection";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CredentialsWithoutTls);

        protected override string EquivalenceKey => FixEquivalenceKey;

        protected override string Title => FixTitle;

        private protected override List<(SyntaxNode Original, SyntaxNode Replacement)>? Plan(
            SyntaxNode root, SemanticModel semanticModel, SyntaxGenerator generator, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var symbols = SecuritySymbols.TryCreate(semanticModel.Compilation);
            if (symbols is null)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (diagnostic.Properties.TryGetValue(ConnectSecurity.FixProperty, out var member) && member is not null)
            {
                return Checked(PlanMailKit(node, semanticModel, symbols, member, cancellationToken), root, semanticModel, cancellationToken);
            }

            if (diagnostic.Properties.TryGetValue(CredentialsWithoutTls.CaseProperty, out var fixCase)
                && node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignmentSyntax
                && semanticModel.GetOperation(assignmentSyntax, cancellationToken) is ISimpleAssignmentOperation assignment)
            {
                var facts = CredentialsWithoutTls.Facts(assignment, symbols, out _);
                if (facts is null)
                {
                    return null;
                }

                return Checked(
                    fixCase == CredentialsWithoutTls.EnableSslFalse ? PlanFalseWrites(facts) : PlanInitializer(facts),
                    root,
                    semanticModel,
                    cancellationToken);
            }

            return null;
        }

        private static List<(SyntaxNode Original, SyntaxNode Replacement)>? Checked(
            List<(SyntaxNode Original, SyntaxNode Replacement)>? plan, SyntaxNode root, SemanticModel semanticModel, CancellationToken cancellationToken)
            => plan is not null && CanEdit(root, semanticModel, plan.Select(p => p.Original), cancellationToken) ? plan : null;

        private static List<(SyntaxNode Original, SyntaxNode Replacement)>? PlanMailKit(
            SyntaxNode node, SemanticModel semanticModel, SecuritySymbols symbols, string member, CancellationToken cancellationToken)
        {
            if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocationSyntax
                || semanticModel.GetOperation(invocationSyntax, cancellationToken) is not IInvocationOperation invocation
                || symbols.SecureSocketOptions is null)
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit
                    && SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, symbols.SecureSocketOptions)
                    && argument.Value.Syntax is ExpressionSyntax value)
                {
                    return new List<(SyntaxNode, SyntaxNode)> { (value, SecurityFixSyntax.EnumMember(semanticModel, value.SpanStart, symbols.SecureSocketOptions, member).WithTriviaFrom(value)) };
                }
            }

            return null;
        }

        /// <summary>Case (a): every EnableSsl write is the literal <c>false</c> in this document; all become <c>true</c>.</summary>
        private static List<(SyntaxNode Original, SyntaxNode Replacement)>? PlanFalseWrites(ClientFacts facts)
        {
            var replacements = new List<(SyntaxNode Original, SyntaxNode Replacement)>();
            foreach (var write in facts.EnableSslWrites)
            {
                if (write is not ISimpleAssignmentOperation { Value.Syntax: LiteralExpressionSyntax literal }
                    || !literal.IsKind(SyntaxKind.FalseLiteralExpression))
                {
                    return null;
                }

                replacements.Add((literal, SecurityFixSyntax.True(literal)));
            }

            return replacements.Count == 0 ? null : replacements;
        }

        /// <summary>Case (b): <c>EnableSsl = true</c> is appended to the only creation's object initializer.</summary>
        private static List<(SyntaxNode Original, SyntaxNode Replacement)>? PlanInitializer(ClientFacts facts)
        {
            if (facts.Creations.Count != 1
                || facts.Creations[0].Syntax is not BaseObjectCreationExpressionSyntax creation)
            {
                return null;
            }

            var enableSsl = SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName("EnableSsl"),
                SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));
            BaseObjectCreationExpressionSyntax fixedCreation;
            if (creation.Initializer is null)
            {
                var initializer = SyntaxFactory.InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(enableSsl));
                fixedCreation = creation.WithoutTrailingTrivia().WithInitializer(initializer.WithAdditionalAnnotations(Formatter.Annotation))
                    .WithTrailingTrivia(creation.GetTrailingTrivia());
                if (fixedCreation is ObjectCreationExpressionSyntax { ArgumentList: null } noArguments)
                {
                    fixedCreation = noArguments;
                }
            }
            else
            {
                fixedCreation = creation.WithInitializer(Append(creation.Initializer, enableSsl));
            }

            return new List<(SyntaxNode, SyntaxNode)> { (creation, fixedCreation) };
        }

        /// <summary>Appends an initializer member in the initializer's own layout (one line, or one member per line).</summary>
        private static InitializerExpressionSyntax Append(InitializerExpressionSyntax initializer, ExpressionSyntax member)
        {
            var expressions = initializer.Expressions;
            if (expressions.Count == 0)
            {
                return initializer.WithExpressions(SyntaxFactory.SingletonSeparatedList(member.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)))
                    .WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia())
                    .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia());
            }

            var last = expressions[expressions.Count - 1];
            var items = expressions.GetWithSeparators();
            if (expressions.SeparatorCount == expressions.Count)
            {
                // A trailing comma: the new member follows it, with a trailing comma of its own.
                var trailingComma = items[items.Count - 1].AsToken();
                items = items
                    .Add(member.WithLeadingTrivia(last.GetLeadingTrivia()))
                    .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailingComma.TrailingTrivia));
            }
            else
            {
                items = items
                    .Replace(items[items.Count - 1], last.WithoutTrailingTrivia())
                    .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(last.GetTrailingTrivia().Count == 0 ? SyntaxFactory.TriviaList(SyntaxFactory.Space) : last.GetTrailingTrivia()))
                    .Add(member.WithLeadingTrivia(last.GetLeadingTrivia()).WithTrailingTrivia(last.GetTrailingTrivia()));
            }

            return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
        }
    }
}
