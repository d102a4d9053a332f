using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>Values assigned to locals in their member.</summary>
    internal static class LocalValues
    {
        /// <summary>The local's only value: its declaration's initializer when nothing else writes it in the member; otherwise null.</summary>
        public static IOperation? SingleValue(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            if (local.IsRef)
            {
                return null;
            }

            IOperation? value = null;
            foreach (var operation in ClientFacts.MemberRoot(reference).Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        value = (declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer)?.Value;
                        if (value is null)
                        {
                            return null;
                        }

                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        return null;
                    case IDeconstructionAssignmentOperation:
                        // (a, b) = ...: a write we do not take apart.
                        foreach (var descendant in operation.Descendants())
                        {
                            if (descendant is ILocalReferenceOperation written && SymbolEqualityComparer.Default.Equals(written.Local, local))
                            {
                                return null;
                            }
                        }

                        break;
                    case IArgumentOperation { Value: ILocalReferenceOperation argument } byRef
                        when byRef.Parameter is { RefKind: RefKind.Ref or RefKind.Out } && SymbolEqualityComparer.Default.Equals(argument.Local, local):
                        return null;
                    case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation incremented } when SymbolEqualityComparer.Default.Equals(incremented.Local, local):
                        return null;
                }
            }

            return value;
        }
    }
}
