using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Operations
{
    /// <summary>Roslyn-only: identity and inheritance tests between symbols, null-safe.</summary>
    internal static class SymbolRelations
    {
        /// <summary>Whether <paramref name="type"/> is exactly <paramref name="expected"/> (both non-null).</summary>
        public static bool IsType(ITypeSymbol? type, INamedTypeSymbol? expected)
            => type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

        /// <summary>Whether <paramref name="property"/> is <paramref name="expected"/> (both non-null), through any derived type's use of it.</summary>
        public static bool IsProperty(IPropertySymbol? property, IPropertySymbol? expected)
            => property is not null && expected is not null && property.Name == expected.Name
                && SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, expected);

        /// <summary>
        /// The declaration a call of <paramref name="method"/> runs: the extension method's static form, the generic
        /// definition, and a partial method's implementation part. The key for caching per method body.
        /// </summary>
        public static IMethodSymbol BodyDefinition(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            method = method.OriginalDefinition;
            return method.PartialImplementationPart ?? method;
        }

        /// <summary>Whether an exception of <paramref name="thrown"/> can be caught by a catch of <paramref name="caughtType"/> (null: no type).</summary>
        public static bool IsCaughtBy(ITypeSymbol thrown, ITypeSymbol? caughtType)
            => caughtType is null || caughtType.SpecialType == SpecialType.System_Object || IsOrDerivesFrom(thrown, caughtType as INamedTypeSymbol);

        /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
        public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
