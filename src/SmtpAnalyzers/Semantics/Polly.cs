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
    /// <summary>Polly: which calls are exception-handling clauses of a retry policy (v7 and v8 APIs).</summary>
    internal sealed partial class SmtpModel
    {
        /// <summary>
        /// Whether <paramref name="method"/> is a Polly exception-handling clause without predicate arguments or with
        /// them: <c>Policy.Handle&lt;T&gt;</c>, <c>Policy&lt;R&gt;.Handle&lt;T&gt;</c>, <c>PolicyBuilder.Or&lt;T&gt;</c>
        /// (v7 API) or <c>PredicateBuilder.Handle&lt;T&gt;</c> (v8). The name is compared before any symbol.
        /// </summary>
        public PollyClause ClassifyPollyClause(IMethodSymbol method)
        {
            if ((method.Name != "Handle" && method.Name != "Or") || method.TypeArguments.Length != 1)
            {
                return PollyClause.None;
            }

            var type = method.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return PollyClause.None;
            }

            if (method.Name == "Handle"
                && (SymbolEqualityComparer.Default.Equals(type, PollyPolicy) || SymbolEqualityComparer.Default.Equals(type, PollyPolicyOfT)))
            {
                return PollyClause.V7;
            }

            if (method.Name == "Or"
                && (SymbolEqualityComparer.Default.Equals(type, PollyPolicyBuilder) || SymbolEqualityComparer.Default.Equals(type, PollyPolicyBuilderOfT)))
            {
                return PollyClause.V7;
            }

            return method.Name == "Handle" && SymbolEqualityComparer.Default.Equals(type, PollyPredicateBuilderOfT)
                ? PollyClause.V8
                : PollyClause.None;
        }

        /// <summary>Whether <paramref name="property"/> is <c>RetryStrategyOptions&lt;T&gt;.ShouldHandle</c> (Polly v8), also through a derived options type.</summary>
        public bool IsRetryShouldHandle(IPropertySymbol property)
            => property.Name == "ShouldHandle"
                && PollyRetryStrategyOptions is not null
                && SymbolEqualityComparer.Default.Equals(property.OriginalDefinition.ContainingType?.OriginalDefinition, PollyRetryStrategyOptions);
    }
}
