using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Operations
{
    /// <summary>Roslyn-only: an invocation's argument by its parameter (ordinal or name), whatever order the call wrote them in.</summary>
    internal static class Arguments
    {
        /// <summary>The argument for the parameter at <paramref name="ordinal"/>, or null.</summary>
        public static IArgumentOperation? ByOrdinal(IInvocationOperation invocation, int ordinal)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>The argument for the parameter named <paramref name="name"/>, or null.</summary>
        public static IArgumentOperation? ByName(ImmutableArray<IArgumentOperation> arguments, string name)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == name)
                {
                    return argument;
                }
            }

            return null;
        }
    }

    /// <summary>Roslyn-only: the function whose body holds an operation.</summary>
    internal static class EnclosingFunction
    {
        /// <summary>The innermost lambda or local function around <paramref name="operation"/>, else the member being analyzed.</summary>
        public static IMethodSymbol? Of(IOperation operation, ISymbol containingSymbol)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation anonymous:
                        return anonymous.Symbol;
                    case ILocalFunctionOperation local:
                        return local.Symbol;
                }
            }

            return containingSymbol as IMethodSymbol;
        }
    }
}
