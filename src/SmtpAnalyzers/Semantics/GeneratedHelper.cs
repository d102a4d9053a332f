using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;
using static SmtpAnalyzers.Operations.LocalValues;
using static SmtpAnalyzers.Operations.SymbolRelations;

namespace SmtpAnalyzers.Semantics
{
    /// <summary>The generated helper: code our fixes insert carries a marker, so the rules never report it.</summary>
    internal sealed partial class SmtpModel
    {
        /// <summary>The tool name our code fixes write into <c>[GeneratedCode]</c> on the code they insert.</summary>
        public const string GeneratedCodeToolName = "SmtpAnalyzers";

        /// <summary>Whether <paramref name="symbol"/> lies in code that our own code fixes generated.</summary>
        public bool IsInGeneratedHelper(ISymbol? symbol)
        {
            if (GeneratedCodeAttribute is null)
            {
                return false;
            }

            for (var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType; type is not null; type = type.ContainingType)
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, GeneratedCodeAttribute)
                        && attribute.ConstructorArguments.Length > 0
                        && attribute.ConstructorArguments[0].Value is string tool
                        && tool == GeneratedCodeToolName)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
