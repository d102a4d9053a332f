using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace SmtpAnalyzers.Security
{
    /// <summary>What a security fix does to one diagnostic: replace one node, or remove it (replacement null).</summary>
    internal sealed class SecurityEdit
    {
        public SecurityEdit(string title, SyntaxNode original, SyntaxNode? replacement)
        {
            Title = title;
            Original = original;
            Replacement = replacement;
        }

        public string Title { get; }

        public SyntaxNode Original { get; }

        /// <summary>The new node, or null to remove <see cref="Original"/>.</summary>
        public SyntaxNode? Replacement { get; }
    }

    /// <summary>
    /// Base of the SMTP3xxx fixes: one <see cref="SecurityEdit"/> per diagnostic, offered only when its preconditions
    /// hold and the member compiles; fix-all applies every edit of a document in one editor.
    /// </summary>
    public abstract class SecurityCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key of this provider's fix.</summary>
        protected abstract string EquivalenceKey { get; }

        public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var edit = TryPlan(root, semanticModel, diagnostic, context.CancellationToken);
                if (edit is null)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(edit.Title, ct => ApplyAsync(document, new[] { edit }, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The edit for <paramref name="diagnostic"/>, or null when its preconditions do not hold.</summary>
        private protected abstract SecurityEdit? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken);

        /// <summary>
        /// The removal of the statement or object-initializer member that is <paramref name="assignment"/>, or null when it
        /// is part of a larger expression or the embedded statement of an if/else/loop/using/lock without braces.
        /// </summary>
        private protected static SecurityEdit? RemoveAssignment(string title, AssignmentExpressionSyntax assignment)
        {
            switch (assignment.Parent)
            {
                case ExpressionStatementSyntax statement when statement.Parent is BlockSyntax or SwitchSectionSyntax:
                    return new SecurityEdit(title, statement, null);
                case ExpressionStatementSyntax { Parent: GlobalStatementSyntax global }:
                    return new SecurityEdit(title, global, null);
                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                    if (initializer.Expressions.Count > 1)
                    {
                        return new SecurityEdit(title, initializer, WithoutMember(initializer, assignment));
                    }

                    // The only member: the creation loses its initializer (and gets an argument list if it had none).
                    switch (initializer.Parent)
                    {
                        case ObjectCreationExpressionSyntax creation:
                            return new SecurityEdit(
                                title,
                                creation,
                                creation.WithType(creation.Type.WithoutTrailingTrivia())
                                    .WithArgumentList(creation.ArgumentList?.WithoutTrailingTrivia() ?? SyntaxFactory.ArgumentList())
                                    .WithInitializer(null)
                                    .WithTrailingTrivia(creation.GetTrailingTrivia()));
                        case ImplicitObjectCreationExpressionSyntax implicitCreation:
                            return new SecurityEdit(
                                title,
                                implicitCreation,
                                implicitCreation.WithArgumentList(implicitCreation.ArgumentList.WithoutTrailingTrivia())
                                    .WithInitializer(null)
                                    .WithTrailingTrivia(implicitCreation.GetTrailingTrivia()));
                        default:
                            return null;
                    }

                default:
                    return null;
            }
        }

        /// <summary>
        /// <paramref name="initializer"/> without <paramref name="member"/> and one separator: the one after it, or, for a
        /// last member without a trailing comma, the one before it, whose line break then ends the new last member.
        /// </summary>
        private static InitializerExpressionSyntax WithoutMember(InitializerExpressionSyntax initializer, ExpressionSyntax member)
        {
            var expressions = initializer.Expressions;
            var index = expressions.IndexOf(member);
            var nodes = new List<ExpressionSyntax>();
            var separators = new List<SyntaxToken>();
            for (var i = 0; i < expressions.Count; i++)
            {
                if (i != index)
                {
                    nodes.Add(expressions[i]);
                }
            }

            for (var i = 0; i < expressions.SeparatorCount; i++)
            {
                separators.Add(expressions.GetSeparator(i));
            }

            if (index < expressions.SeparatorCount)
            {
                separators.RemoveAt(index);
            }
            else
            {
                var before = separators[index - 1];
                separators.RemoveAt(index - 1);
                nodes[index - 1] = nodes[index - 1].WithTrailingTrivia(nodes[index - 1].GetTrailingTrivia().AddRange(before.TrailingTrivia));
            }

            return initializer.WithExpressions(SyntaxFactory.SeparatedList(nodes, separators));
        }

        private SecurityEdit? TryPlan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var edit = Plan(root, semanticModel, diagnostic, cancellationToken);

            // Code being typed: offer nothing until the member compiles (see FixSyntax.IsInBrokenCode).
            return edit is null || FixSyntax.IsInBrokenCode(edit.Original, semanticModel, cancellationToken) ? null : edit;
        }

        private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            if (diagnostics.IsEmpty)
            {
                return document;
            }

            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return document;
            }

            var edits = new List<SecurityEdit>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (TryPlan(root, semanticModel, diagnostic, context.CancellationToken) is { } edit)
                {
                    edits.Add(edit);
                }
            }

            return await ApplyAsync(document, edits, context.CancellationToken).ConfigureAwait(false);
        }

        private static async Task<Document> ApplyAsync(Document document, IReadOnlyList<SecurityEdit> edits, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var done = new List<SyntaxNode>();
            foreach (var edit in edits)
            {
                if (done.Any(d => d.Span.IntersectsWith(edit.Original.Span)))
                {
                    continue;
                }

                done.Add(edit.Original);
                if (edit.Replacement is null)
                {
                    editor.RemoveNode(edit.Original, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                }
                else
                {
                    editor.ReplaceNode(edit.Original, edit.Replacement.WithAdditionalAnnotations(Formatter.Annotation));
                }
            }

            return editor.GetChangedDocument();
        }
    }
}
