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
    /// <summary>
    /// SMTP2004: a send whose outcome, and with it the reply class of a failure, reaches nobody: the Task of
    /// SendMailAsync / MailKit's SendAsync discarded (its awaiter dropped included), returned into a Task.Run whose Task
    /// is discarded, or awaited in an async void function with no catch; a synchronous send or send wrapper called in
    /// an async void function with no catch; System.Net.Mail's event-based SendAsync in a type that never subscribes to
    /// SendCompleted.
    /// </summary>
    internal sealed partial class SendOutcomeNotObservedRule : SmtpRule
    {
        /// <summary>Diagnostic property, set when the send's statement can simply be awaited: its value is the fix's shape.</summary>
        public const string FixProperty = "Fix";

        /// <summary><see cref="FixProperty"/> value: replace the discarding statement's expression with <c>await send</c>.</summary>
        public const string AwaitFix = "Await";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SendOutcomeNotObserved);

        private static readonly ImmutableDictionary<string, string?> AwaitFixProperties =
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, AwaitFix);

        public override void Start(RuleStart start)
        {
            // Every handler starts from a send (or a wrapper of one), so a compilation without either library reports
            // nothing; symbols are resolved after compilation start, so the event is checked by its handler.
            var model = start.Model;
            start.OnInvocation((c, _) => AnalyzeInvocation(c, model), "SendMailAsync", "SendAsync");
            start.OnInvocation((c, invocation) => AnalyzeSyncSend(c, model, invocation), "Send");
            start.OnSourceInvocation((c, invocation) => AnalyzeWrapperCall(c, model, invocation));
            var subscriptions = new SendCompletedSubscriptions(model);
            start.OnInvocation(
                (c, invocation) =>
                {
                    if (model.SendCompleted is not null)
                    {
                        AnalyzeEventBasedSend(c, model, subscriptions, invocation);
                    }
                },
                "SendAsync");
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, SmtpModel model)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var name = invocation.TargetMethod.Name;
            if ((name != "SendMailAsync" && name != "SendAsync") || model.ClassifySend(invocation.TargetMethod) != SendKind.Task)
            {
                return;
            }

            AnalyzeTask(context, model, invocation, name, null);
        }

        /// <summary>
        /// A call to a method of this compilation that returns a Task: when it is a send wrapper whose Task carries the
        /// send's failure (<see cref="SendWrappers"/>), its Task is checked like a send's. The shape of the call's use is
        /// checked first (after the name: one set lookup); the wrapper only when a finding would follow.
        /// </summary>
        private static void AnalyzeWrapperCall(OperationAnalysisContext context, SmtpModel model, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!model.Wrappers.MayBeSendOrWrapperName(method.Name, context.CancellationToken))
            {
                // Not the name of any declaration that may reach a send: never a wrapper.
                return;
            }

            if (method.ReturnsVoid || !model.IsTaskLike(method.ReturnType))
            {
                // Its failure, if any, is thrown at the call: lost only in an async void function.
                AnalyzeSyncWrapperCall(context, model, invocation, method);
                return;
            }

            if (model.ClassifySend(method) != SendKind.None || IsAwaitedInTaskReturningFunction(invocation, context.ContainingSymbol))
            {
                return;
            }

            AnalyzeTask(context, model, invocation, method.Name, method);
        }

        /// <summary>
        /// The common case, which is never a finding: the call is awaited in a method or local function that is not
        /// async void. Checked by walking up the parents only, before anything else is looked at.
        /// </summary>
        private static bool IsAwaitedInTaskReturningFunction(IInvocationOperation invocation, ISymbol containingSymbol)
        {
            IOperation value = invocation;
            while (value.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion;
            }

            var parent = value.Parent;
            if (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && ReferenceEquals(configure.Instance, value))
            {
                parent = configure.Parent;
            }

            if (parent is not IAwaitOperation)
            {
                return false;
            }

            for (var current = parent.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation:
                        return false;
                    case ILocalFunctionOperation local:
                        return !local.Symbol.ReturnsVoid;
                }
            }

            return containingSymbol is IMethodSymbol { ReturnsVoid: false };
        }

        private static void AnalyzeTask(OperationAnalysisContext context, SmtpModel model, IInvocationOperation invocation, string name, IMethodSymbol? wrapper)
        {
            // The expression whose value is the send's Task: the call, or "client?.SendMailAsync(m)" as a whole.
            IOperation value = invocation;
            if (value.Parent is IConditionalAccessOperation conditional && ReferenceEquals(conditional.WhenNotNull, value))
            {
                value = conditional;
            }

            var located = value;
            while (value.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion;
            }

            var send = new Send(name, located, wrapper, invocation.SemanticModel, model);
            switch (value.Parent)
            {
                case IExpressionStatementOperation statement:
                    ReportDiscarded(context, model, send, value, statement, statement.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax && !statement.IsImplicit);
                    return;

                case ISimpleAssignmentOperation { Target: IDiscardOperation } discard
                    when ReferenceEquals(discard.Value, value) && discard.Parent is IExpressionStatementOperation discardStatement:
                    ReportDiscarded(context, model, send, value, discardStatement, !discardStatement.IsImplicit);
                    return;

                case IAwaitOperation awaited:
                    AnalyzePropagated(context, model, send, awaited, isAwait: true);
                    return;

                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Parent: IAwaitOperation configuredAwait } configure
                    when ReferenceEquals(configure.Instance, value):
                    AnalyzePropagated(context, model, send, configuredAwait, isAwait: true);
                    return;

                case IReturnOperation returned:
                    AnalyzePropagated(context, model, send, returned, isAwait: false);
                    return;

                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Parent: IInvocationOperation { TargetMethod.Name: "GetAwaiter", Arguments.IsEmpty: true } configuredAwaiter } configured
                    when ReferenceEquals(configured.Instance, value) && ReferenceEquals(configuredAwaiter.Instance, configured) && IsDiscarded(configuredAwaiter):
                    // "client.SendMailAsync(m).ConfigureAwait(false).GetAwaiter();": dropped the same way. No fix: the await
                    // fix rewrites "send.GetAwaiter()" and would lose the ConfigureAwait.
                    Report(context, send, "its awaiter is dropped without GetResult()", null);
                    return;

                case IInvocationOperation { TargetMethod.Name: "GetAwaiter", Arguments.IsEmpty: true } getAwaiter
                    when ReferenceEquals(getAwaiter.Instance, value) && IsDiscarded(getAwaiter):
                    // "client.SendMailAsync(m).GetAwaiter();": the awaiter is dropped and GetResult never runs.
                    ReportDroppedAwaiter(context, model, send, getAwaiter);
                    return;

                case IArgumentOperation { Parent: IInvocationOperation helper } argument when IsFireAndForget(helper, argument):
                    Report(context, send, $"it is passed to the fire-and-forget helper '{helper.TargetMethod.Name}', which is given no exception handler", null);
                    return;

                default:
                    // Assigned, passed on, continued, waited on: observed, or handed to code that may observe it.
                    return;
            }
        }

        /// <summary>The Task is dropped on the floor: an expression statement, or "_ = send".</summary>
        private static void ReportDiscarded(OperationAnalysisContext context, SmtpModel model, Send send, IOperation value, IOperation statement, bool plainStatement)
        {
            var function = EnclosingFunction(statement, context.ContainingSymbol, model, out var caught, out var inLock);
            var fixable = plainStatement
                && (value is IInvocationOperation || value is IConversionOperation { Operand: IInvocationOperation })
                && function is { IsAsync: true }
                && !inLock
                && (!function.ReturnsVoid || caught);
            Report(context, send, "its Task is discarded", fixable ? AwaitFixProperties : null);
        }

        /// <summary>
        /// <c>send.GetAwaiter();</c> or <c>_ = send.GetAwaiter();</c>: as good as discarding the Task. The await fix applies
        /// where it would for the Task itself (the whole <c>send.GetAwaiter()</c> becomes <c>await send</c>).
        /// </summary>
        private static void ReportDroppedAwaiter(OperationAnalysisContext context, SmtpModel model, Send send, IInvocationOperation getAwaiter)
        {
            var statement = getAwaiter.Parent is IExpressionStatementOperation ? getAwaiter.Parent : getAwaiter.Parent?.Parent;
            var function = EnclosingFunction(getAwaiter, context.ContainingSymbol, model, out var caught, out var inLock);
            var fixable = statement is IExpressionStatementOperation { IsImplicit: false, Syntax: ExpressionStatementSyntax }
                && send.IsCall
                && function is { IsAsync: true }
                && !inLock
                && (!function.ReturnsVoid || caught);
            Report(context, send, "its awaiter is dropped without GetResult()", fixable ? AwaitFixProperties : null);
        }

        /// <summary>The Task goes to the enclosing function (awaited or returned): fine unless that function's own outcome goes nowhere.</summary>
        private static void AnalyzePropagated(OperationAnalysisContext context, SmtpModel model, Send send, IOperation consumer, bool isAwait)
        {
            var function = EnclosingFunction(consumer, context.ContainingSymbol, model, out var caught, out _, out var lambda);
            if (isAwait && caught)
            {
                return;
            }

            if (isAwait && function is { IsAsync: true, ReturnsVoid: true })
            {
                var kind = function.MethodKind switch
                {
                    MethodKind.AnonymousFunction => "lambda",
                    MethodKind.LocalFunction => "local function",
                    _ => "method",
                };
                Report(context, send, "it is awaited in an async void " + kind + " that does not catch its exception", null);
                return;
            }

            if (lambda?.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation run } }
                && model.IsTaskRun(run.TargetMethod)
                && IsDiscarded(run))
            {
                Report(context, send, "it runs in a Task.Run whose Task is discarded", null);
            }
        }

        /// <summary>
        /// A helper named for forgetting a Task (<c>FireAndForget(task)</c>, <c>task.Forget()</c>) that is given no
        /// delegate to call on failure (<c>SafeFireAndForget(onException: ...)</c> observes it).
        /// </summary>
        private static bool IsFireAndForget(IInvocationOperation helper, IArgumentOperation task)
            => helper.TargetMethod.Name.IndexOf("Forget", System.StringComparison.OrdinalIgnoreCase) >= 0
                && !helper.Arguments.Any(a => !ReferenceEquals(a, task) && a.ArgumentKind == ArgumentKind.Explicit && a.Value.Type?.TypeKind == TypeKind.Delegate);

        private static bool IsDiscarded(IOperation operation)
        {
            while (operation.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion;
            }

            return operation.Parent is IExpressionStatementOperation
                || (operation.Parent is ISimpleAssignmentOperation { Target: IDiscardOperation } discard
                    && ReferenceEquals(discard.Value, operation)
                    && discard.Parent is IExpressionStatementOperation);
        }

        private static IMethodSymbol? EnclosingFunction(IOperation start, ISymbol containingSymbol, SmtpModel model, out bool caught, out bool inLock)
            => EnclosingFunction(start, containingSymbol, model, out caught, out inLock, out _);

        /// <summary>
        /// The function whose body holds <paramref name="start"/>; whether a try on the way there catches what a send
        /// throws (<paramref name="caught"/>) and whether a lock statement is on the way.
        /// </summary>
        private static IMethodSymbol? EnclosingFunction(IOperation start, ISymbol containingSymbol, SmtpModel model, out bool caught, out bool inLock, out IAnonymousFunctionOperation? lambda)
        {
            caught = false;
            inLock = false;
            lambda = null;
            var child = start;
            for (var current = start.Parent; current is not null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation anonymous:
                        lambda = anonymous;
                        return anonymous.Symbol;
                    case ILocalFunctionOperation local:
                        return local.Symbol;
                    case ILockOperation:
                        inLock = true;
                        break;
                    case ITryOperation tryOperation when ReferenceEquals(tryOperation.Body, child) && !caught:
                        foreach (var clause in tryOperation.Catches)
                        {
                            if (model.CatchesSendFailure(clause.ExceptionType))
                            {
                                caught = true;
                                break;
                            }
                        }

                        break;
                }
            }

            return containingSymbol as IMethodSymbol;
        }

        private static void Report(OperationAnalysisContext context, Send send, string reason, ImmutableDictionary<string, string?>? properties)
        {
            if (!send.IsConfirmed(context.CancellationToken, out var path))
            {
                return;
            }

            // A fixable call to a wrapper: the fix names the wrapper path in the comment it inserts.
            properties = properties is null ? null : WrapperPathProperty.With(properties, path);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SendOutcomeNotObserved, send.Location, properties, send.Name, reason));
        }

        /// <summary>
        /// The reported send: the method's name and where the call (or its conditional access) is written; for a call to
        /// a method of this compilation, the method, confirmed as a send wrapper only when a finding is about to be reported.
        /// </summary>
        private readonly struct Send
        {
            private readonly IMethodSymbol? _wrapper;
            private readonly SemanticModel? _semanticModel;
            private readonly SmtpModel _model;

            private readonly IOperation _located;

            public Send(string name, IOperation located, IMethodSymbol? wrapper, SemanticModel? semanticModel, SmtpModel model)
            {
                Name = name;
                _located = located;
                _wrapper = wrapper;
                _semanticModel = semanticModel;
                _model = model;
            }

            public string Name { get; }

            /// <summary>The send is the call itself, not a conditional access (<c>client?.SendMailAsync(m)</c>).</summary>
            public bool IsCall => _located is IInvocationOperation;

            /// <summary>Where the call (or its conditional access) is written; made only when a finding is reported.</summary>
            public Location Location => _located.Syntax.GetLocation();

            /// <summary>
            /// A send of either library, or a send wrapper whose Task carries the send's failure; <paramref name="path"/> is
            /// the wrapper path (null for a send).
            /// </summary>
            public bool IsConfirmed(CancellationToken cancellationToken, out string? path)
            {
                path = null;
                if (_wrapper is null)
                {
                    return true;
                }

                if (_model.Wrappers.Of(_wrapper, _semanticModel, cancellationToken) is { FailsThroughTask: true } wrapper)
                {
                    path = wrapper.Path;
                    return true;
                }

                return false;
            }
        }
    }
}
