using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Operations
{
    /// <summary>Roslyn-only: the value a local holds when it is assigned exactly once.</summary>
    internal static class LocalValues
    {
        /// <summary>
        /// The value assigned to a local in its declaration, when the local is never written anywhere else;
        /// otherwise null.
        /// </summary>
        public static IOperation? SingleAssignedValue(ILocalReferenceOperation reference)
            => DeclaredValue(reference) is { } value && IsNeverReassigned(reference) ? value : null;

        /// <summary>
        /// The value a local's declaration assigns it, or null (no initializer, or not a variable declaration). Does not
        /// look for later writes: callers test the value first and then <see cref="IsNeverReassigned"/>, which walks
        /// the whole method.
        /// </summary>
        public static IOperation? DeclaredValue(ILocalReferenceOperation reference)
        {
            // A foreach variable has no initializer: said by the symbol, before its declaring references are made.
            var local = reference.Local;
            if (local.IsRef || local.IsForEach)
            {
                return null;
            }

            // Read once: a source local makes a new array and a new syntax reference at every read.
            var references = local.DeclaringSyntaxReferences;
            if (references.Length != 1)
            {
                return null;
            }

            var semanticModel = reference.SemanticModel;
            var declaringSyntax = references[0].GetSyntax();
            if (semanticModel is null || declaringSyntax.SyntaxTree != semanticModel.SyntaxTree)
            {
                return null;
            }

            // Syntax first: foreach variables, catch variables, out vars and declarations without "= value" have no initializer.
            if (declaringSyntax is not Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: not null })
            {
                return null;
            }

            if (semanticModel.GetOperation(declaringSyntax) is not IVariableDeclaratorOperation declarator)
            {
                return null;
            }

            return (declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer)?.Value;
        }

        /// <summary>Whether the local of <paramref name="reference"/> is written nowhere in its method after its declaration.</summary>
        public static bool IsNeverReassigned(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            IOperation current = reference;
            while (current.Parent is not null)
            {
                current = current.Parent;
            }

            foreach (var descendant in OperationWalk.Descendants(current))
            {
                var target = descendant switch
                {
                    ISimpleAssignmentOperation assignment => assignment.Target,
                    ICompoundAssignmentOperation compound => compound.Target,
                    IIncrementOrDecrementOperation increment => increment.Target,
                    IDeconstructionAssignmentOperation deconstruction => deconstruction.Target,
                    IArgumentOperation { Parameter.RefKind: not RefKind.None } argument => argument.Value,
                    _ => null,
                };

                if (target is null)
                {
                    continue;
                }

                if (target is ILocalReferenceOperation written && SymbolEqualityComparer.Default.Equals(written.Local, local))
                {
                    return false;
                }

                if (target is ITupleOperation tuple && tuple.Descendants().OfType<ILocalReferenceOperation>().Any(l => SymbolEqualityComparer.Default.Equals(l.Local, local)))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
