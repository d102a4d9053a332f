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
    /// <summary>SMTP2002 in catch clauses: a catch of a failure that can be permanent whose body retries.</summary>
    internal sealed partial class PermanentFailureRetriedRule
    {
        private static void AnalyzeTry(OperationAnalysisContext context, SmtpModel model, TryFacts facts)
        {
            var tryOperation = facts.Try;
            var interesting = false;
            foreach (var clause in tryOperation.Catches)
            {
                interesting |= model.IsCatchAll(clause.ExceptionType) || model.CanCarryPermanentReply(clause.ExceptionType);
            }

            if (!interesting)
            {
                return;
            }

            // The list of sends is the thread's, borrowed for this try and given back cleared.
            var sends = t_sends ?? new List<IInvocationOperation>();
            t_sends = null;
            try
            {
                foreach (var send in facts.Sends)
                {
                    sends.Add(send.Invocation);
                }

                AnalyzeCatches(context, model, facts, sends);
            }
            finally
            {
                sends.Clear();
                t_sends = sends;
            }
        }

        [ThreadStatic]
        private static List<IInvocationOperation>? t_sends;

        private static void AnalyzeCatches(OperationAnalysisContext context, SmtpModel model, TryFacts facts, List<IInvocationOperation> sends)
        {
            var tryOperation = facts.Try;
            var function = EnclosingFunction.Of(tryOperation, context.ContainingSymbol);
            for (var i = 0; i < tryOperation.Catches.Length; i++)
            {
                if (!TryFindRetryingCatch(tryOperation, i, facts.SendsSystemNetMail, facts.SendsMailKit, sends, function, model, out var found))
                {
                    continue;
                }

                var clause = tryOperation.Catches[i];
                var path = facts.PathSuffix;
                var fixable = found.Listed is null && !found.DenyList && clause.Filter is null && model.HasReplyStatusCode(clause.ExceptionType)
                    && clause.Syntax is CatchClauseSyntax { Declaration: not null };
                var location = clause.Syntax is CatchClauseSyntax syntax
                    ? syntax.Declaration?.GetLocation() ?? syntax.CatchKeyword.GetLocation()
                    : clause.Syntax.GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PermanentFailureRetried,
                    location,
                    fixable ? WrapperPathProperty.With(FilterFixProperties, path.Length == 0 ? null : facts.Through?.Path) : null,
                    "catch",
                    found.What(path),
                    found.Retry));
            }
        }

        /// <summary>Whether catches before <paramref name="index"/>, without filters, take every reply-carrying exception of the sends.</summary>
        private static bool EarlierCatchesTakeReplies(ITryOperation tryOperation, int index, bool systemNetMail, bool mailKit, SmtpModel model)
        {
            var coversSystemNetMail = !systemNetMail;
            var coversMailKit = !mailKit;
            for (var i = 0; i < index; i++)
            {
                var earlier = tryOperation.Catches[i];
                if (earlier.Filter is not null)
                {
                    continue;
                }

                coversSystemNetMail |= model.CatchesEveryReplyOf(earlier.ExceptionType, Knowledge.SmtpLibrary.SystemNetMail);
                coversMailKit |= model.CatchesEveryReplyOf(earlier.ExceptionType, Knowledge.SmtpLibrary.MailKit);
            }

            return coversSystemNetMail && coversMailKit;
        }

        /// <summary>
        /// How the catch body retries, described for the message, or null when it does not (or rethrows, or decides by
        /// the reply). <paramref name="denyList"/>: the only reply conditions in the body are deny-lists.
        /// </summary>
        private static string? FindRetry(ICatchClauseOperation clause, ITryOperation tryOperation, List<IInvocationOperation> sends, IMethodSymbol? function, ILocalSymbol? exceptionLocal, SmtpModel model, out bool denyList, out string? listedPermanent)
        {
            denyList = false;
            listedPermanent = null;
            List<(IOperation Branch, string Listed)>? allowBranches = null;
            IOperation? retryAt = null;
            var handler = clause.Handler;
            foreach (var statement in handler.Operations)
            {
                if (statement is IThrowOperation || statement is IExpressionStatementOperation { Operation: IThrowOperation })
                {
                    // Rethrown or wrapped: whoever catches it decides.
                    return null;
                }
            }

            string? retry = null;
            var replyCondition = false;
            ILoopOperation? retryLoop = null;
            var retryLoopKnown = false;
            foreach (var operation in Walk(handler))
            {
                IOperation? condition = operation switch
                {
                    IConditionalOperation conditional => conditional.Condition,
                    ISwitchOperation switchOperation => switchOperation.Value,
                    ISwitchExpressionOperation switchExpression => switchExpression.Value,
                    IIsPatternOperation isPattern when isPattern.Parent is not IConditionalOperation => isPattern,
                    _ => null,
                };
                if (condition is not null)
                {
                    switch (Classify(condition, exceptionLocal, model))
                    {
                        case Condition.ReplyClass:
                        case Condition.NoReplyType:
                            replyCondition = true;
                            if (operation is ISwitchOperation codeSwitch)
                            {
                                // "case MailboxBusy: case MailboxUnavailable: send again": the cases are an allow-list.
                                foreach (var section in codeSwitch.Cases)
                                {
                                    if (PermanentCase(section, codeSwitch.Value, model) is { } listedCase)
                                    {
                                        (allowBranches ??= new List<(IOperation, string)>()).Add((section, listedCase));
                                    }
                                }
                            }

                            break;
                        case Condition.DenyList:
                            denyList = true;
                            break;
                        case Condition.Membership:
                            // "if (code == MailboxUnavailable) return;" before the retry excludes codes: a deny-list.
                            if (operation is IConditionalOperation { WhenFalse: null } guard && Exits(guard.WhenTrue))
                            {
                                denyList = true;
                            }
                            else
                            {
                                replyCondition = true;
                                if (operation is IConditionalOperation { WhenTrue: var allowed }
                                    && PermanentCodeListed(condition, model) is { } listed)
                                {
                                    // An allow-list that lets a 5yz code into the branch that retries still retries it.
                                    (allowBranches ??= new List<(IOperation, string)>()).Add((allowed, listed));
                                }
                            }

                            break;
                    }
                }

                if (retry is not null)
                {
                    continue;
                }

                switch (operation)
                {
                    case IInvocationOperation invocation when model.ClassifySend(invocation.TargetMethod) != SendKind.None:
                        if (SendsTheSameMessage(invocation, sends))
                        {
                            retry = "it sends again";
                        }

                        break;
                    case IInvocationOperation invocation when CallsWrapperAgain(invocation, sends):
                        retry = "it calls " + CalledName(invocation) + " again";
                        break;
                    case IInvocationOperation invocation when function is not null
                        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, function.OriginalDefinition):
                        retry = "it calls " + function.Name + " again";
                        break;
                    case IBranchOperation { BranchKind: BranchKind.Continue } branch:
                        if (!retryLoopKnown)
                        {
                            retryLoop = RetryLoop(tryOperation);
                            retryLoopKnown = true;
                        }

                        if (retryLoop is not null && SymbolEqualityComparer.Default.Equals(branch.Target, retryLoop.ContinueLabel) && !EndsLoop(handler, retryLoop))
                        {
                            retry = "it continues the retry loop";
                        }

                        break;
                    case IIncrementOrDecrementOperation { Kind: OperationKind.Increment } increment when IsAttemptCounter(increment.Target):
                        retry = "it counts another attempt of " + MemberName(increment.Target);
                        break;
                    case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound when IsAttemptCounter(compound.Target):
                        retry = "it counts another attempt of " + MemberName(compound.Target);
                        break;
                    case ISimpleAssignmentOperation { Value: IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } } assignment when IsAttemptCounter(assignment.Target):
                        retry = "it counts another attempt of " + MemberName(assignment.Target);
                        break;
                }

                if (retry is not null)
                {
                    retryAt = operation;
                }
            }

            if (retry is null && FallsThrough(handler))
            {
                if (!retryLoopKnown)
                {
                    retryLoop = RetryLoop(tryOperation);
                }

                if (retryLoop is not null && LoopRunsAgainAfter(tryOperation, retryLoop) && !EndsLoop(handler, retryLoop))
                {
                    retry = "the retry loop runs again";
                }
            }

            if (retry is not null && retryAt is not null && allowBranches is not null)
            {
                foreach (var (branch, listed) in allowBranches)
                {
                    if (branch.Syntax.Span.Contains(retryAt.Syntax.Span))
                    {
                        listedPermanent = listed;
                        return retry;
                    }
                }
            }

            if (retry is null || replyCondition)
            {
                return null;
            }

            return retry;
        }

        /// <summary>
        /// The handler calls a send wrapper of the try body again: the same method, with no arguments or the same first
        /// argument (the same message).
        /// </summary>
        private static bool CallsWrapperAgain(IInvocationOperation again, List<IInvocationOperation> sends)
        {
            var target = again.TargetMethod.OriginalDefinition;
            foreach (var send in sends)
            {
                if (SymbolEqualityComparer.Default.Equals(send.TargetMethod.OriginalDefinition, target)
                    && (target.MethodKind != MethodKind.DelegateInvoke || SymbolEqualityComparer.Default.Equals(InvokedParameter(again), InvokedParameter(send))))
                {
                    return again.Arguments.IsEmpty || SendsTheSameMessage(again, sends);
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the send <paramref name="again"/> in a catch repeats one of the try's <paramref name="sends"/>: its first
        /// argument (the message, or the sender of the string overload) is the same variable, or written the same way.
        /// A notification built for the failure (<c>Send(new MailMessage(...))</c>) is not a retry.
        /// </summary>
        private static bool SendsTheSameMessage(IInvocationOperation again, List<IInvocationOperation> sends)
        {
            var message = FirstArgument(again);
            if (message is null)
            {
                return false;
            }

            var symbol = ReferencedSymbol(message);
            foreach (var send in sends)
            {
                var original = FirstArgument(send);
                if (original is null)
                {
                    continue;
                }

                if (symbol is not null
                    ? SymbolEqualityComparer.Default.Equals(symbol, ReferencedSymbol(original))
                    : message is not IObjectCreationOperation && message.Syntax.IsEquivalentTo(original.Syntax, topLevel: false))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? FirstArgument(IInvocationOperation invocation)
            => Arguments.ByOrdinal(invocation, 0) is { } argument ? Unwrap.AllConversions(argument.Value) : null;

        private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IMemberReferenceOperation member => member.Member,
            _ => null,
        };
    }
}
