using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>SMTP2004 for System.Net.Mail's event-based SendAsync: the outcome reaches only SendCompleted, whose handler must read e.Error.</summary>
    internal sealed partial class SendOutcomeNotObservedRule
    {
        /// <summary>
        /// Whether a SendCompleted handler can see the failure: it reads the event arguments other than Cancelled and
        /// UserState (e.Error), or hands them on. A handler we cannot see (a delegate variable, a method in another
        /// file) counts as observing.
        /// </summary>
        private static bool HandlerObservesError(IOperation handler, SemanticModel? semanticModel)
        {
            while (handler is IConversionOperation conversion)
            {
                handler = conversion.Operand;
            }

            IOperation? body;
            IParameterSymbol? arguments;
            switch (handler)
            {
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                    body = lambda.Body;
                    arguments = lambda.Symbol.Parameters.Length == 2 ? lambda.Symbol.Parameters[1] : null;
                    break;
                case IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
                    when semanticModel is not null
                        && reference.Method.DeclaringSyntaxReferences.Length == 1
                        && reference.Method.DeclaringSyntaxReferences[0].SyntaxTree == semanticModel.SyntaxTree:
                    body = semanticModel.GetOperation(reference.Method.DeclaringSyntaxReferences[0].GetSyntax());
                    arguments = reference.Method.Parameters.Length == 2 ? reference.Method.Parameters[1] : null;
                    break;
                default:
                    return true;
            }

            if (body is null || arguments is null)
            {
                return true;
            }

            foreach (var operation in OperationWalk.DescendantsAndSelf(body))
            {
                if (operation is not IParameterReferenceOperation use || !SymbolEqualityComparer.Default.Equals(use.Parameter, arguments))
                {
                    continue;
                }

                if (use.Parent is IPropertyReferenceOperation { Property.Name: "Cancelled" or "UserState" })
                {
                    continue;
                }

                return true;
            }

            return false;
        }

        /// <summary>System.Net.Mail's event-based SendAsync, in a type that never subscribes to SendCompleted with a handler that reads e.Error.</summary>
        private static void AnalyzeEventBasedSend(OperationAnalysisContext context, SmtpModel model, SendCompletedSubscriptions subscriptions, IInvocationOperation invocation)
        {
            var type = context.ContainingSymbol.ContainingType;
            if (type is null || invocation.SemanticModel is null || model.ClassifySend(invocation.TargetMethod) != SendKind.Event)
            {
                return;
            }

            var subscription = subscriptions.Of(type, invocation.SemanticModel, context.CancellationToken);
            if (subscription == SendCompletedSubscription.ObservesError)
            {
                return;
            }

            var reason = subscription == SendCompletedSubscription.WithoutError
                ? "the SendCompleted handler attached in this type never reads e.Error"
                : "no handler is attached to SendCompleted in this type";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SendOutcomeNotObserved, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name, reason));
        }

        /// <summary>What a type does with SendCompleted.</summary>
        private enum SendCompletedSubscription
        {
            None,
            WithoutError,
            ObservesError,
        }

        /// <summary>
        /// Per compilation, the SendCompleted subscriptions of each type that has an event-based send, found when its first
        /// such send is met (not by tracking every type of the project). The type's declarations in the send's file are read
        /// operation by operation; a part in another file that mentions SendCompleted counts as observing (it cannot be
        /// read without that file's semantic model, and a finding there would be a guess).
        /// </summary>
        private sealed class SendCompletedSubscriptions
        {
            private readonly SmtpModel _model;
            private readonly ConcurrentDictionary<INamedTypeSymbol, SendCompletedSubscription> _types =
                new ConcurrentDictionary<INamedTypeSymbol, SendCompletedSubscription>(SymbolEqualityComparer.Default);

            public SendCompletedSubscriptions(SmtpModel model) => _model = model;

            public SendCompletedSubscription Of(INamedTypeSymbol type, SemanticModel semanticModel, CancellationToken cancellationToken)
            {
                if (_types.TryGetValue(type, out var known))
                {
                    return known;
                }

                return _types.GetOrAdd(type, Find(type, semanticModel, cancellationToken));
            }

            private SendCompletedSubscription Find(INamedTypeSymbol type, SemanticModel semanticModel, CancellationToken cancellationToken)
            {
                var found = SendCompletedSubscription.None;
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax(cancellationToken);
                    if (declaration.SyntaxTree != semanticModel.SyntaxTree)
                    {
                        if (MentionsSendCompleted(declaration))
                        {
                            return SendCompletedSubscription.ObservesError;
                        }

                        continue;
                    }

                    foreach (var node in declaration.DescendantNodes())
                    {
                        if (node is not AssignmentExpressionSyntax assignment
                            || !assignment.IsKind(SyntaxKind.AddAssignmentExpression)
                            || RightmostName(assignment.Left) != "SendCompleted"
                            || semanticModel.GetOperation(assignment, cancellationToken) is not IEventAssignmentOperation { Adds: true } subscription
                            || subscription.EventReference is not IEventReferenceOperation eventReference
                            || !_model.IsSendCompleted(eventReference.Event))
                        {
                            continue;
                        }

                        if (HandlerObservesError(subscription.HandlerValue, semanticModel))
                        {
                            return SendCompletedSubscription.ObservesError;
                        }

                        found = SendCompletedSubscription.WithoutError;
                    }
                }

                return found;
            }

            private static bool MentionsSendCompleted(SyntaxNode declaration)
            {
                foreach (var token in declaration.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == "SendCompleted")
                    {
                        return true;
                    }
                }

                return false;
            }

            private static string? RightmostName(ExpressionSyntax expression) => expression switch
            {
                IdentifierNameSyntax name => name.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                _ => null,
            };
        }
    }
}
