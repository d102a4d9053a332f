using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.Operations
{
    /// <summary>Finding the tokens of ascending positions of one tree, each from the node of the one before.</summary>
    internal static class TokenNear
    {
        /// <summary>
        /// The token at <paramref name="position"/>, looked for from <paramref name="near"/> (the last position's node) up
        /// to its first ancestor that holds the position, and from <paramref name="root"/> when there is none. Positions
        /// found by a text scan ascend and mostly share a method, so this skips the walk down the file's lists of members
        /// and statements that a search from the root makes for each of them.
        /// </summary>
        public static SyntaxToken Find(SyntaxNode root, SyntaxNode? near, int position)
        {
            var from = near;
            while (from is not null && !from.FullSpan.Contains(position))
            {
                from = from.Parent;
            }

            return (from ?? root).FindToken(position);
        }
    }
}
