using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SmtpAnalyzers
{
    /// <summary>Names that fixes introduce, such as the variable of a catch clause that had none.</summary>
    internal static class FixNames
    {
        private static readonly string[] ExceptionNames = { "ex", "smtpEx", "exception", "smtpException" };

        /// <summary>
        /// A name for the caught exception that clashes with nothing: no symbol of that name (local, parameter, range
        /// variable, member) is in scope at <paramref name="position"/>, and no identifier inside <paramref name="scope"/>
        /// has it (a local or lambda parameter declared there would clash, a reference to an outer symbol would change
        /// meaning). Tries <c>ex</c>, <c>smtpEx</c>, <c>exception</c>, <c>smtpException</c>, then <c>ex2</c>, <c>ex3</c>, ...
        /// </summary>
        public static string FreeExceptionName(SemanticModel semanticModel, int position, SyntaxNode scope)
        {
            var used = new HashSet<string>(scope.DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.IdentifierToken))
                .Select(t => t.ValueText));
            foreach (var candidate in Candidates())
            {
                if (!used.Contains(candidate) && semanticModel.LookupSymbols(position, name: candidate).IsEmpty)
                {
                    return candidate;
                }
            }

            // Unreachable in practice: a scope cannot use every numbered name.
            return "ex" + used.Count.ToString(CultureInfo.InvariantCulture) + "_";
        }

        private static IEnumerable<string> Candidates()
        {
            foreach (var name in ExceptionNames)
            {
                yield return name;
            }

            for (var i = 2; i < 1000; i++)
            {
                yield return "ex" + i.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
