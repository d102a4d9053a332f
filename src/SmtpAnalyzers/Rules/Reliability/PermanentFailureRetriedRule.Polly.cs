using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Catches;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>SMTP2002 in Polly: Handle/Or clauses without a predicate that feed a retry (v7) or a v8 ShouldHandle.</summary>
    internal sealed partial class PermanentFailureRetriedRule
    {
        private static void AnalyzeInvocation(OperationAnalysisContext context, SmtpModel model)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var clause = model.ClassifyPollyClause(method);
            if (clause == PollyClause.None || method.Parameters.Length != 0)
            {
                return;
            }

            var handled = method.TypeArguments[0];
            if (!model.CanCarryPermanentReply(handled))
            {
                return;
            }

            var retried = clause == PollyClause.V7 ? IsFollowedByRetry(invocation, method) : IsRetryShouldHandle(invocation, model);
            if (!retried)
            {
                return;
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax
                ? Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, syntax.Span.End))
                : invocation.Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.PermanentFailureRetried,
                location,
                model.HasReplyStatusCode(handled) ? PredicateFixProperties : null,
                "retry policy",
                "every " + handled.Name,
                method.Name + " without a predicate"));
        }

        /// <summary>v7: the builder chain that starts at <paramref name="invocation"/> ends in a Retry* or WaitAndRetry* of Polly.</summary>
        private static bool IsFollowedByRetry(IInvocationOperation invocation, IMethodSymbol clause)
        {
            IOperation current = invocation;
            for (var i = 0; i < MaxChainLength; i++)
            {
                var parent = SkipImplicitConversions(ref current);
                IInvocationOperation? next = null;
                if (parent is IInvocationOperation call && ReferenceEquals(call.Instance, current))
                {
                    next = call;
                }
                else if (parent is IArgumentOperation argument
                    && argument.Parent is IInvocationOperation extension
                    && extension.TargetMethod.IsExtensionMethod
                    && extension.Arguments.Length > 0
                    && ReferenceEquals(extension.Arguments[0], argument))
                {
                    next = extension;
                }

                if (next is null || !SymbolEqualityComparer.Default.Equals(next.TargetMethod.ContainingAssembly, clause.ContainingAssembly))
                {
                    return false;
                }

                var name = next.TargetMethod.Name;
                if (name.StartsWith("Retry", StringComparison.Ordinal) || name.StartsWith("WaitAndRetry", StringComparison.Ordinal))
                {
                    return true;
                }

                current = next;
            }

            return false;
        }

        /// <summary>v8: the predicate builder that <paramref name="invocation"/> extends is assigned to a retry strategy's ShouldHandle.</summary>
        private static bool IsRetryShouldHandle(IInvocationOperation invocation, SmtpModel model)
        {
            IOperation current = invocation;
            for (var i = 0; i < MaxChainLength; i++)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation conversion)
                {
                    // PredicateBuilder converts to the options' delegate type through a user-defined implicit operator.
                    current = conversion;
                    parent = conversion.Parent;
                }

                switch (parent)
                {
                    case IInvocationOperation call when ReferenceEquals(call.Instance, current)
                        && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType?.OriginalDefinition, model.PollyPredicateBuilderOfT):
                        current = call;
                        continue;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment when ReferenceEquals(assignment.Value, current):
                        return model.IsRetryShouldHandle(property.Property);
                    default:
                        return false;
                }
            }

            return false;
        }

        private static IOperation? SkipImplicitConversions(ref IOperation current)
        {
            var parent = current.Parent;
            while (parent is IConversionOperation { IsImplicit: true } conversion)
            {
                current = conversion;
                parent = conversion.Parent;
            }

            return parent;
        }
    }
}
