using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.Reliability;

namespace SmtpAnalyzers
{
    /// <summary>
    /// The comments fixes insert, and where: the first line of a block, or the line before a statement, at the
    /// indentation and with the line ending the file already uses.
    /// </summary>
    internal static class InsertedComment
    {
        /// <summary>
        /// For a finding raised through send wrappers (<see cref="WrapperPathProperty"/>): "SendEmailAsync sends mail", or
        /// "Notify sends mail through SendEmailAsync" for a longer path. Null for a send written where the finding is.
        /// </summary>
        public static string? WrapperSubject(Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(WrapperPathProperty.Name, out var path) || string.IsNullOrEmpty(path))
            {
                return null;
            }

            var names = path!.Replace("'", string.Empty).Split(new[] { " and " }, StringSplitOptions.RemoveEmptyEntries);
            if (names.Length == 0)
            {
                return null;
            }

            var subject = names[0] + " sends mail";
            return names.Length == 1 ? subject : subject + " through " + string.Join(" and ", names, 1, names.Length - 1);
        }

        /// <summary><paramref name="block"/> with <paramref name="comments"/> as its first lines.</summary>
        public static BlockSyntax AtStartOf(BlockSyntax block, string newLine, params string[] comments)
        {
            var indent = IndentOf(block.OpenBraceToken) + "    ";
            if (block.Statements.Count > 0)
            {
                var first = block.Statements[0];
                var leading = first.GetLeadingTrivia();
                for (var i = 0; i < comments.Length; i++)
                {
                    leading = leading
                        .Add(SyntaxFactory.Comment(comments[i]))
                        .Add(SyntaxFactory.EndOfLine(newLine))
                        .Add(SyntaxFactory.Whitespace(indent));
                }

                return block.ReplaceNode(first, first.WithLeadingTrivia(leading));
            }

            var open = block.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine));
            var closeLeading = SyntaxFactory.TriviaList();
            foreach (var comment in comments)
            {
                closeLeading = closeLeading
                    .Add(SyntaxFactory.Whitespace(indent))
                    .Add(SyntaxFactory.Comment(comment))
                    .Add(SyntaxFactory.EndOfLine(newLine));
            }

            var close = block.CloseBraceToken.WithLeadingTrivia(closeLeading.Add(SyntaxFactory.Whitespace(IndentOf(block.OpenBraceToken))));
            return block.WithOpenBraceToken(open).WithCloseBraceToken(close);
        }

        /// <summary>
        /// <paramref name="leading"/> (the leading trivia of a statement's first token) with <paramref name="comment"/> on a
        /// line of its own just before the statement, at the statement's indentation.
        /// </summary>
        public static SyntaxTriviaList BeforeStatement(SyntaxTriviaList leading, SyntaxToken firstToken, string comment, string newLine)
            => leading
                .Add(SyntaxFactory.Comment(comment))
                .Add(SyntaxFactory.EndOfLine(newLine))
                .Add(SyntaxFactory.Whitespace(IndentOf(firstToken)));

        /// <summary>The whitespace at the start of <paramref name="token"/>'s line.</summary>
        public static string IndentOf(SyntaxToken token)
        {
            var text = token.SyntaxTree?.GetText();
            if (text is null)
            {
                return string.Empty;
            }

            var line = text.Lines.GetLineFromPosition(token.SpanStart);
            var start = line.Start;
            var end = start;
            while (end < token.SpanStart && (text[end] == ' ' || text[end] == '\t'))
            {
                end++;
            }

            return text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, end));
        }

        /// <summary>The line ending of the file: CRLF when its first line ends so, LF otherwise.</summary>
        public static string NewLineOf(SyntaxNode node)
        {
            var text = node.SyntaxTree.GetText();
            return text.Lines.Count > 1 && text.Lines[0].EndIncludingLineBreak - text.Lines[0].End == 2 ? "\r\n" : "\n";
        }
    }
}
