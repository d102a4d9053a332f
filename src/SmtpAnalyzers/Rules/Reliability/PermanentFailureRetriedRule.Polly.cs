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
            if (clause == PollyClause.None || method.Parameters.Length > 1)
            {
                return;
            }

            var handled = method.TypeArguments[0];
            string what;
            string how;
            if (method.Parameters.Length == 0)
            {
                if (!model.CanCarryPermanentReply(handled))
                {
                    return;
                }

                what = "every " + handled.Name;
                how = method.Name + " without a predicate";
            }
            else if (!PredicateLetsPermanentThrough(invocation, handled, model, out what, out how))
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
                method.Parameters.Length == 0 && model.HasReplyStatusCode(handled) ? PredicateFixProperties : null,
                "retry policy",
                what,
                how));
        }

        /// <summary>
        /// Whether the predicate lambda of a Handle/Or clause lets permanent failures through: a deny-list of codes
        /// (<c>ex =&gt; ex.StatusCode != X</c>), an allow-list naming a 5yz code, or MailKit's authentication failures named
        /// by type. <paramref name="what"/> and <paramref name="how"/> describe it for the message.
        /// </summary>
        private static bool PredicateLetsPermanentThrough(IInvocationOperation invocation, ITypeSymbol handled, SmtpModel model, out string what, out string how)
        {
            what = how = string.Empty;
            if (invocation.Arguments.Length != 1
                || Unwrap.AllConversions(invocation.Arguments[0].Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                || lambda.Symbol.Parameters.Length != 1)
            {
                return false;
            }

            var name = invocation.TargetMethod.Name;
            var exception = lambda.Symbol.Parameters[0];
            if (model.CanCarryPermanentReply(handled))
            {
                switch (Classify(lambda.Body, exception, model))
                {
                    case Condition.DenyList:
                        what = "every " + handled.Name + " except the codes it lists";
                        how = name + " with a deny-list predicate";
                        return true;
                    case Condition.Membership when PermanentCodeListed(lambda.Body, model) is { } listed:
                        what = handled.Name + " with the listed code " + listed;
                        how = name + " with an allow-list predicate";
                        return true;
                }
            }

            if ((model.IsCatchAll(handled) || model.CanCarryPermanentReply(handled)) && AuthenticationFailureListed(lambda.Body, model) is { } authentication)
            {
                what = authentication + ", an authentication failure that fails again with the same credentials";
                how = name + " with a predicate that names it";
                return true;
            }

            return false;
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
