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
    /// <summary>
    /// SMTP2002: a retry that repeats permanent (5yz) SMTP failures. A Polly policy that handles an SMTP failure
    /// type without a predicate and retries (<c>Policy.Handle&lt;SmtpException&gt;().Retry(3)</c>, v8's
    /// <c>ShouldHandle = new PredicateBuilder().Handle&lt;SmtpException&gt;()</c>); a catch around a send that
    /// catches an SMTP failure (or everything) and retries (sends again, continues a retry loop, recurses, counts
    /// an attempt) without a reply-class condition, or with only a deny-list of codes.
    /// </summary>
    internal sealed class PermanentFailureRetriedRule : SmtpRule
    {
        /// <summary>Diagnostic property, set when a fix applies: its value is the fix's shape.</summary>
        public const string FixProperty = "Fix";

        /// <summary><see cref="FixProperty"/> value: give the Polly Handle/Or call the predicate <c>ex =&gt; ex.StatusCode.IsTransientFailure()</c>.</summary>
        public const string PredicateFix = "Predicate";

        /// <summary><see cref="FixProperty"/> value: give the catch the filter <c>when (ex.StatusCode.IsTransientFailure())</c>.</summary>
        public const string FilterFix = "Filter";

        private const int MaxChainLength = 16;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.PermanentFailureRetried);

        private static readonly ImmutableDictionary<string, string?> PredicateFixProperties =
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, PredicateFix);

        private static readonly ImmutableDictionary<string, string?> FilterFixProperties =
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FilterFix);

        /// <summary>What a condition says about the reply.</summary>
        private enum Condition
        {
            /// <summary>It does not read the reply.</summary>
            None,

            /// <summary>It reads the reply other than by excluding codes: an allow-list, a class check, a helper.</summary>
            ReplyClass,

            /// <summary>It only excludes codes (<c>StatusCode != X</c>): every other code, permanent ones included, passes.</summary>
            DenyList,

            /// <summary>It narrows the caught exception to types that carry no reply (connection failures).</summary>
            NoReplyType,

            /// <summary>It only tests codes for equality (<c>StatusCode == X || StatusCode == Y</c>): an allow-list, or a deny-list when it guards an exit.</summary>
            Membership,
        }

        public override void Start(RuleStart start)
        {
            var model = start.Model;
            if (model.SmtpException is null && model.SmtpCommandException is null)
            {
                return;
            }

            if (model.PollyPolicy is not null || model.PollyPredicateBuilderOfT is not null)
            {
                start.OnInvocation((c, _) => AnalyzeInvocation(c, model), "Handle", "Or");
            }

            if (model.SystemNetMailClient is not null || model.MailKitIMailTransport is not null)
            {
                start.OnTryAroundSend((c, facts) => AnalyzeTry(c, model, facts));
            }
        }

        // ---- Polly ----

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

        // ---- catch clauses ----

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

            var sendsSystemNetMail = facts.SendsSystemNetMail;
            var sendsMailKit = facts.SendsMailKit;
            var sends = new List<IInvocationOperation>(facts.Sends.Length);
            foreach (var send in facts.Sends)
            {
                sends.Add(send.Invocation);
            }

            var function = EnclosingFunction(tryOperation, context.ContainingSymbol);
            for (var i = 0; i < tryOperation.Catches.Length; i++)
            {
                var clause = tryOperation.Catches[i];
                var type = clause.ExceptionType;
                var catchAll = model.IsCatchAll(type);
                if (!catchAll && !model.CanCarryPermanentReply(type))
                {
                    continue;
                }

                if (catchAll && EarlierCatchesTakeReplies(tryOperation, i, sendsSystemNetMail, sendsMailKit, model))
                {
                    continue;
                }

                var exceptionLocal = (clause.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol;
                var filter = clause.Filter is null ? Condition.None : Classify(clause.Filter, exceptionLocal, model);
                if (filter == Condition.ReplyClass || filter == Condition.NoReplyType || filter == Condition.Membership)
                {
                    continue;
                }

                var retry = FindRetry(clause, tryOperation, sends, function, exceptionLocal, model, out var denyListInBody);
                if (retry is null)
                {
                    continue;
                }

                var denyList = filter == Condition.DenyList || denyListInBody;
                var typeName = catchAll ? null : type!.Name;
                var what = typeName is null ? "every exception of the send" : "every " + typeName;
                if (denyList)
                {
                    what += " except the codes it lists";
                }

                var fixable = !denyList && clause.Filter is null && model.HasReplyStatusCode(type)
                    && clause.Syntax is CatchClauseSyntax { Declaration: not null };
                var location = clause.Syntax is CatchClauseSyntax syntax
                    ? syntax.Declaration?.GetLocation() ?? syntax.CatchKeyword.GetLocation()
                    : clause.Syntax.GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PermanentFailureRetried,
                    location,
                    fixable ? FilterFixProperties : null,
                    "catch",
                    what,
                    retry));
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
        private static string? FindRetry(ICatchClauseOperation clause, ITryOperation tryOperation, List<IInvocationOperation> sends, IMethodSymbol? function, ILocalSymbol? exceptionLocal, SmtpModel model, out bool denyList)
        {
            denyList = false;
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
            }

            if (retry is null && FallsThrough(handler))
            {
                if (!retryLoopKnown)
                {
                    retryLoop = RetryLoop(tryOperation);
                }

                if (retryLoop is not null && IsLastInLoopBody(tryOperation, retryLoop) && !EndsLoop(handler, retryLoop))
                {
                    retry = "the retry loop runs again";
                }
            }

            if (retry is null || replyCondition)
            {
                return null;
            }

            return retry;
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
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    var value = argument.Value;
                    while (value is IConversionOperation conversion)
                    {
                        value = conversion.Operand;
                    }

                    return value;
                }
            }

            return null;
        }

        private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IMemberReferenceOperation member => member.Member,
            _ => null,
        };

        /// <summary>Classifies a condition by how it reads the reply.</summary>
        private static Condition Classify(IOperation condition, ILocalSymbol? exceptionLocal, SmtpModel model)
        {
            var replyClass = false;
            var deny = false;
            var member = false;
            var testedReplyType = false;
            var testedOtherType = false;
            foreach (var operation in WalkAll(condition))
            {
                switch (operation)
                {
                    case IInvocationOperation invocation when exceptionLocal is not null:
                        foreach (var argument in invocation.Arguments)
                        {
                            if (IsLocal(argument.Value, exceptionLocal))
                            {
                                // A helper that classifies the exception itself.
                                replyClass = true;
                            }
                        }

                        break;
                    case IIsTypeOperation isType:
                        Tested(isType.TypeOperand, IsNegated(isType));
                        break;
                    case ITypePatternOperation typePattern:
                        Tested(typePattern.MatchedType, IsNegated(typePattern));
                        break;
                    case IDeclarationPatternOperation declarationPattern when declarationPattern.MatchedType is not null:
                        Tested(declarationPattern.MatchedType, IsNegated(declarationPattern));
                        break;
                    case IConversionOperation:
                    case IParenthesizedOperation:
                        break;
                    default:
                        if (model.IsStatusCode(operation, out _))
                        {
                            if (IsExclusion(operation))
                            {
                                deny = true;
                            }
                            else if (IsInclusion(operation))
                            {
                                member = true;
                            }
                            else
                            {
                                replyClass = true;
                            }
                        }

                        break;
                }
            }

            if (replyClass || (deny && member))
            {
                return Condition.ReplyClass;
            }

            if (deny)
            {
                return Condition.DenyList;
            }

            if (member)
            {
                return Condition.Membership;
            }

            return testedOtherType && !testedReplyType ? Condition.NoReplyType : Condition.None;

            void Tested(ITypeSymbol? type, bool negated)
            {
                if (type is null)
                {
                    return;
                }

                if (model.CanCarryPermanentReply(type) || model.IsCatchAll(type))
                {
                    if (negated)
                    {
                        testedOtherType = true;
                    }
                    else
                    {
                        testedReplyType = true;
                    }
                }
                else if (!negated)
                {
                    testedOtherType = true;
                }
            }
        }

        /// <summary>Whether a status code read only excludes a constant: <c>code != X</c>, <c>code is not X</c>.</summary>
        private static bool IsExclusion(IOperation statusCode)
        {
            var current = statusCode;
            var parent = current.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } binary:
                    var other = ReferenceEquals(binary.LeftOperand, current) ? binary.RightOperand : binary.LeftOperand;
                    return other.ConstantValue.HasValue;
                case IIsPatternOperation { Pattern: INegatedPatternOperation negated } isPattern when ReferenceEquals(isPattern.Value, current):
                    foreach (var pattern in WalkAll(negated.Pattern))
                    {
                        if (pattern is IPatternOperation && pattern is not (IConstantPatternOperation or IBinaryPatternOperation))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Whether a status code read only tests equality with constants: <c>code == X</c>, <c>code is X or Y</c>.</summary>
        private static bool IsInclusion(IOperation statusCode)
        {
            var current = statusCode;
            var parent = current.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary:
                    var other = ReferenceEquals(binary.LeftOperand, current) ? binary.RightOperand : binary.LeftOperand;
                    return other.ConstantValue.HasValue;
                case IIsPatternOperation isPattern when ReferenceEquals(isPattern.Value, current):
                    foreach (var pattern in WalkAll(isPattern.Pattern))
                    {
                        if (pattern is IPatternOperation && pattern is not (IConstantPatternOperation or IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or }))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Whether <paramref name="branch"/> always leaves the catch without retrying: it ends in return, throw or break.</summary>
        private static bool Exits(IOperation branch)
        {
            var last = branch is IBlockOperation block
                ? (block.Operations.IsEmpty ? null : block.Operations[block.Operations.Length - 1])
                : branch;
            return last is IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }
                || last is IBranchOperation { BranchKind: BranchKind.Break };
        }

        private static bool IsNegated(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case INegatedPatternOperation:
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                        return true;
                    case IParenthesizedOperation:
                    case IBinaryPatternOperation:
                    case IIsPatternOperation:
                    case IConversionOperation:
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        private static bool IsLocal(IOperation? operation, ILocalSymbol? local)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return local is not null && operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
        }

        /// <summary>A counter of attempts: a field or property whose name contains "retry" or "attempt".</summary>
        private static bool IsAttemptCounter(IOperation target)
        {
            if (target is not (IFieldReferenceOperation or IPropertyReferenceOperation))
            {
                return false;
            }

            var name = MemberName(target);
            return name.IndexOf("retry", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("attempt", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private static string MemberName(IOperation target)
            => (target as IMemberReferenceOperation)?.Member.Name ?? string.Empty;

        /// <summary>
        /// The loop around <paramref name="tryOperation"/> that retries it: not a foreach (that moves on to the next
        /// item), and one the try leaves on success (a break out of it or a return in the try body), or whose condition
        /// reads a variable the try body sets (<c>while (!sent)</c>).
        /// </summary>
        private static ILoopOperation? RetryLoop(ITryOperation tryOperation)
        {
            for (var parent = tryOperation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return null;
                    case ILoopOperation loop:
                        if (loop.LoopKind == LoopKind.ForEach)
                        {
                            return null;
                        }

                        return LeavesOnSuccess(tryOperation, loop) ? loop : null;
                }
            }

            return null;
        }

        private static bool LeavesOnSuccess(ITryOperation tryOperation, ILoopOperation loop)
        {
            var conditionSymbols = ConditionSymbols(loop);
            foreach (var operation in Walk(tryOperation.Body))
            {
                switch (operation)
                {
                    case IReturnOperation { Kind: OperationKind.Return }:
                        return true;
                    case IBranchOperation { BranchKind: BranchKind.Break } branch when SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel):
                        return true;
                    case ISimpleAssignmentOperation assignment when conditionSymbols.Count > 0 && WritesOneOf(assignment, conditionSymbols):
                        return true;
                }
            }

            return false;
        }

        /// <summary>Whether the handler sets a variable of the loop's condition (<c>sent = true</c>, <c>failed = true</c>): it ends the loop, not retries.</summary>
        private static bool EndsLoop(IBlockOperation handler, ILoopOperation loop)
        {
            var conditionSymbols = ConditionSymbols(loop);
            if (conditionSymbols.Count == 0)
            {
                return false;
            }

            foreach (var operation in Walk(handler))
            {
                if (operation is ISimpleAssignmentOperation assignment && WritesOneOf(assignment, conditionSymbols))
                {
                    return true;
                }
            }

            return false;
        }

        private static HashSet<ISymbol> ConditionSymbols(ILoopOperation loop)
        {
            var condition = loop switch
            {
                IWhileLoopOperation whileLoop => whileLoop.Condition,
                IForLoopOperation forLoop => forLoop.Condition,
                _ => null,
            };
            var symbols = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            if (condition is not null)
            {
                foreach (var operation in WalkAll(condition))
                {
                    switch (operation)
                    {
                        case ILocalReferenceOperation local:
                            symbols.Add(local.Local);
                            break;
                        case IMemberReferenceOperation member:
                            symbols.Add(member.Member);
                            break;
                    }
                }
            }

            return symbols;
        }

        private static bool WritesOneOf(ISimpleAssignmentOperation assignment, HashSet<ISymbol> symbols)
        {
            ISymbol? written = assignment.Target switch
            {
                ILocalReferenceOperation local => local.Local,
                IMemberReferenceOperation member => member.Member,
                _ => null,
            };
            return written is not null && symbols.Contains(written);
        }

        /// <summary>Whether the end of the handler is reachable: its last statement is not a jump.</summary>
        private static bool FallsThrough(IBlockOperation handler)
        {
            if (handler.Operations.IsEmpty)
            {
                return true;
            }

            var last = handler.Operations[handler.Operations.Length - 1];
            return last is not (IBranchOperation or IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation });
        }

        /// <summary>Whether <paramref name="tryOperation"/> is the last statement of <paramref name="loop"/>'s body.</summary>
        private static bool IsLastInLoopBody(ITryOperation tryOperation, ILoopOperation loop)
        {
            IOperation current = tryOperation;
            while (current.Parent is IBlockOperation block && !ReferenceEquals(block, loop.Body))
            {
                if (!ReferenceEquals(block.Operations[block.Operations.Length - 1], current))
                {
                    return false;
                }

                current = block;
            }

            return current.Parent is IBlockOperation body && ReferenceEquals(body, loop.Body)
                ? ReferenceEquals(body.Operations[body.Operations.Length - 1], current)
                : ReferenceEquals(loop.Body, current);
        }

        private static IMethodSymbol? EnclosingFunction(IOperation operation, ISymbol containingSymbol)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation anonymous:
                        return anonymous.Symbol;
                    case ILocalFunctionOperation local:
                        return local.Symbol;
                }
            }

            return containingSymbol as IMethodSymbol;
        }

        /// <summary>The operations under <paramref name="root"/>, not entering lambdas and local functions (their code runs elsewhere).</summary>
        private static IEnumerable<IOperation> Walk(IOperation root)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                yield return operation;
                if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                foreach (var child in operation.ChildOperations)
                {
                    stack.Push(child);
                }
            }
        }

        /// <summary>The operations under <paramref name="root"/>, lambdas included (a condition may classify in one).</summary>
        private static IEnumerable<IOperation> WalkAll(IOperation root)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                yield return operation;
                foreach (var child in operation.ChildOperations)
                {
                    stack.Push(child);
                }
            }
        }
    }
}
