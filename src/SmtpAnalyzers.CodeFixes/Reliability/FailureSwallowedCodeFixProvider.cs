using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2001: splits the catch into a transient (4yz) clause filtered with the reply-class check and the
    /// clause for everything else, each keeping the original body and saying what its class means. Behaviour is
    /// unchanged: both clauses run the body the single clause ran.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FailureSwallowedCodeFixProvider))]
    [Shared]
    public sealed class FailureSwallowedCodeFixProvider : SmtpCodeFixProvider
    {
        public const string FixEquivalenceKey = RuleIds.FailureSwallowed + ".SplitByReplyClass";

        internal const string TransientComment = "// Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.";
        internal const string PermanentComment = "// Not a 4yz reply: a 5yz reply is permanent (RFC 5321 §4.2.1); do not send the same message again unchanged.";
        internal const string OtherComment = "// Permanent SMTP failures (5yz, RFC 5321 §4.2.1) and every other error arrive here: do not send the same message again unchanged.";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.FailureSwallowed);

        protected override string EquivalenceKey => FixEquivalenceKey;

        private protected override FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(FailureSwallowedRule.LibraryProperty, out var libraryName)
                || !Enum.TryParse<SmtpLibrary>(libraryName, out var library))
            {
                return null;
            }

            var clause = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<CatchClauseSyntax>();
            if (clause?.Parent is not TryStatementSyntax tryStatement
                || clause.Filter is not null
                || clause.Block.DescendantNodes().Any(n => n is LabeledStatementSyntax))
            {
                return null;
            }

            var model = SmtpModel.Create(semanticModel.Compilation);
            var replyType = model.ReplyExceptionType(library);
            if (replyType is null)
            {
                return null;
            }

            var caught = clause.Declaration is null ? null : semanticModel.GetTypeInfo(clause.Declaration.Type, cancellationToken).Type;
            var name = clause.Declaration?.Identifier.ValueText;
            if (string.IsNullOrEmpty(name))
            {
                // catch { } and catch (T) { } have no variable: the filter needs one, named so that it clashes with nothing.
                name = FixNames.FreeExceptionName(semanticModel, clause.Block.SpanStart, clause);
            }

            var checkCall = SyntaxFactory.ParseExpression($"{name}.StatusCode.{ReplyCodesHolder.TransientCheck}()");
            var newLine = InsertedComment.NewLineOf(clause);
            var wrapperSubject = InsertedComment.WrapperSubject(diagnostic);
            CatchClauseSyntax[] replacement;
            if (caught is not null && SymbolRelations.IsOrDerivesFrom(caught, replyType) && !SymbolRelations.IsOrDerivesFrom(caught, model.SmtpFailedRecipientsException))
            {
                // catch (SmtpException) { body } -> a transient clause and a clause for the rest, same body.
                var declared = Declare(clause, clause.Declaration!.Type, name!);
                replacement = new[]
                {
                    WithFilter(declared, checkCall).WithBlock(Comment(clause, TransientComment, newLine, wrapperSubject)).WithTrailingTrivia(clause.GetTrailingTrivia()),
                    clause.WithBlock(Comment(clause, PermanentComment, newLine, wrapperSubject)),
                };
            }
            else if (caught is null || SymbolRelations.IsOrDerivesFrom(replyType, caught as INamedTypeSymbol))
            {
                // catch (Exception) { body } -> a transient SMTP clause before it, same body.
                var variable = clause.Declaration is null ? null : semanticModel.GetDeclaredSymbol(clause.Declaration, cancellationToken);
                if (variable is not null && AssignsTo(clause.Block, variable, semanticModel, cancellationToken))
                {
                    return null;
                }

                var replyTypeSyntax = FixSyntax.Type(replyType);
                var inserted = clause.Declaration is null
                    ? clause.WithDeclaration(SyntaxFactory.CatchDeclaration(replyTypeSyntax.WithTrailingTrivia(SyntaxFactory.Space), SyntaxFactory.Identifier(name!))
                        .WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(clause.CatchKeyword.TrailingTrivia))
                        .WithCatchKeyword(clause.CatchKeyword.WithTrailingTrivia())
                    : clause.WithDeclaration(NameIfMissing(clause.Declaration.WithType(replyTypeSyntax.WithTriviaFrom(clause.Declaration.Type)), name!));
                replacement = new[]
                {
                    WithFilter(inserted, checkCall).WithBlock(Comment(clause, TransientComment, newLine, wrapperSubject)),
                    clause.WithBlock(Comment(clause, OtherComment, newLine, wrapperSubject)),
                };
            }
            else
            {
                return null;
            }

            var catches = tryStatement.Catches.ReplaceRange(clause, replacement);
            return FixPlan.Replace(
                "Handle transient (4yz) and permanent (5yz) SMTP failures separately",
                tryStatement,
                tryStatement.WithCatches(catches),
                HolderNeeds.ReplyClassChecks);
        }

        private static CatchClauseSyntax Declare(CatchClauseSyntax clause, TypeSyntax type, string name)
        {
            var declaration = clause.Declaration!;
            if (!declaration.Identifier.IsKind(SyntaxKind.None) && declaration.Identifier.ValueText.Length > 0)
            {
                return clause;
            }

            return clause.WithDeclaration(declaration
                .WithType(type.WithTrailingTrivia(SyntaxFactory.Space))
                .WithIdentifier(SyntaxFactory.Identifier(name)));
        }

        /// <summary><c>catch (T ex) when (check)</c>, keeping the trivia between the declaration and the block.</summary>
        private static CatchClauseSyntax WithFilter(CatchClauseSyntax clause, ExpressionSyntax check)
        {
            var declaration = clause.Declaration!;
            var filter = SyntaxFactory.CatchFilterClause(
                SyntaxFactory.Token(SyntaxKind.WhenKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.OpenParenToken),
                check,
                SyntaxFactory.Token(SyntaxKind.CloseParenToken).WithTrailingTrivia(declaration.GetTrailingTrivia()));
            return clause.WithDeclaration(declaration.WithTrailingTrivia(SyntaxFactory.Space)).WithFilter(filter);
        }

        /// <summary><c>(Exception)</c> declares no variable: the transient clause's filter needs one, so it gets <paramref name="name"/>.</summary>
        private static CatchDeclarationSyntax NameIfMissing(CatchDeclarationSyntax declaration, string name)
            => declaration.Identifier.IsKind(SyntaxKind.None) || declaration.Identifier.ValueText.Length == 0
                ? declaration.WithIdentifier(SyntaxFactory.Identifier(name).WithLeadingTrivia(SyntaxFactory.Space))
                : declaration;

        /// <summary>
        /// The clause's block with <paramref name="comment"/> as its first line; through a send wrapper, after a line that
        /// names where the mail is sent (<paramref name="wrapperSubject"/>).
        /// </summary>
        private static BlockSyntax Comment(CatchClauseSyntax clause, string comment, string newLine, string? wrapperSubject)
            => wrapperSubject is null
                ? InsertedComment.AtStartOf(clause.Block, newLine, comment)
                : InsertedComment.AtStartOf(clause.Block, newLine, WrapperComment(wrapperSubject), comment);

        /// <summary>The line a fix through a send wrapper adds before its comment: <c>// SendEmailAsync sends mail: ...</c>.</summary>
        internal static string WrapperComment(string wrapperSubject) => "// " + wrapperSubject + ": its SMTP failures arrive in this catch.";

        private static bool AssignsTo(BlockSyntax block, ISymbol variable, SemanticModel semanticModel, CancellationToken cancellationToken)
            => block.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a =>
                SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(a.Left, cancellationToken).Symbol, variable));
    }
}
