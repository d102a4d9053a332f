using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Operations
{
    /// <summary>Logical and pattern negations in a condition.</summary>
    internal static class Negation
    {
        /// <summary>
        /// Whether a <c>!</c> or a <c>not</c> pattern lies on the way up from <paramref name="operation"/> (itself included) to
        /// <paramref name="root"/> (itself included).
        /// </summary>
        public static bool IsBetween(IOperation? operation, IOperation root)
        {
            for (var current = operation; current is not null; current = current.Parent)
            {
                if (current is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } or INegatedPatternOperation)
                {
                    return true;
                }

                if (ReferenceEquals(current, root))
                {
                    return false;
                }
            }

            return false;
        }
    }
}
