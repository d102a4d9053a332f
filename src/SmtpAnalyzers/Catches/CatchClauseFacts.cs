using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Catches
{
    /// <summary>What one use of a caught exception does with it (see <see cref="CatchClauseFacts"/>).</summary>
    internal enum ExceptionUse
    {
        /// <summary>Only its text survives: Message, ToString(), interpolation, concatenation, a Console/Debug/Trace write.</summary>
        Flattened,

        /// <summary><c>throw ex;</c>.</summary>
        Rethrown,

        /// <summary>
        /// The exception object itself leaves the clause: passed as an argument (to a logger, an error handler, a new
        /// exception that wraps it), assigned, stored, returned, or put in an array or tuple.
        /// </summary>
        HandedOn,

        /// <summary>
        /// Looked at without being reduced to text or handed on: <c>ex is X</c>, <c>ex.Data["key"]</c>, an inner exception
        /// looked at the same way (<c>ex.InnerException is SocketException</c>).
        /// </summary>
        Inspected,

        /// <summary>
        /// A step of the walk down the inner exceptions, which neither keeps nor looks at anything:
        /// <c>ex = ex.InnerException</c>, <c>while (ex.InnerException != null)</c>. What is done with the exception at the
        /// end of the walk is a use of its own.
        /// </summary>
        Walked,
    }

    /// <summary>
    /// The one definition, shared by every failure-path rule, of what a catch clause does with the exception it caught,
    /// read from its filter and handler (lambdas and local functions declared there included). The verdicts:
    /// rethrown (<c>throw;</c> or <c>throw ex;</c>); handed on (the object itself given to other code, a wrapping exception
    /// included); flattened (every use keeps only its text); swallowed (not used at all). Text written to the console,
    /// Debug or Trace is flattened, not handed on: nobody can read the reply from it.
    /// </summary>
    internal readonly struct CatchClauseFacts
    {
        private CatchClauseFacts(ILocalSymbol? local, bool rethrows, bool handsOn, bool inspects, bool readsReply)
        {
            Local = local;
            Rethrows = rethrows;
            HandsOn = handsOn;
            Inspects = inspects;
            ReadsReply = readsReply;
        }

        /// <summary>The exception variable, or null for a clause without one.</summary>
        public ILocalSymbol? Local { get; }

        /// <summary><c>throw;</c> or <c>throw ex;</c> somewhere in the handler.</summary>
        public bool Rethrows { get; }

        /// <summary>The exception object is handed on (<see cref="ExceptionUse.HandedOn"/>).</summary>
        public bool HandsOn { get; }

        /// <summary>The exception object is inspected other than as text (<see cref="ExceptionUse.Inspected"/>).</summary>
        public bool Inspects { get; }

        /// <summary>The filter or handler reads the reply: StatusCode, ErrorCode or InnerExceptions of an SMTP type.</summary>
        public bool ReadsReply { get; }

        /// <summary>The failure leaves the clause with its reply intact: rethrown or handed on.</summary>
        public bool KeepsFailure => Rethrows || HandsOn;

        public static CatchClauseFacts Of(ICatchClauseOperation clause, SmtpModel model)
        {
            var local = (clause.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol;
            var rethrows = false;
            var handsOn = false;
            var inspects = false;
            var readsReply = false;
            if (clause.Filter is not null)
            {
                Visit(clause.Filter, filter: true);
            }

            Visit(clause.Handler, filter: false);
            return new CatchClauseFacts(local, rethrows, handsOn, inspects, readsReply);

            void Visit(IOperation root, bool filter)
            {
                foreach (var operation in OperationWalk.DescendantsAndSelf(root))
                {
                    switch (operation)
                    {
                        case IThrowOperation { Exception: null }:
                            rethrows = true;
                            break;
                        case ILocalReferenceOperation reference when local is not null && SymbolEqualityComparer.Default.Equals(reference.Local, local):
                            if (filter && ExcludesOnlyOtherFailures(reference, model))
                            {
                                // "when (ex is not OperationCanceledException)": every SMTP failure still comes in, as it was.
                                break;
                            }

                            switch (UseOf(reference))
                            {
                                case ExceptionUse.Rethrown:
                                    rethrows = true;
                                    break;
                                case ExceptionUse.HandedOn:
                                    handsOn = true;
                                    break;
                                case ExceptionUse.Inspected:
                                    inspects = true;
                                    break;
                            }

                            break;
                        case IPropertyReferenceOperation or IPropertySubpatternOperation when ReplyRead.IsReplyRead(operation, model):
                            readsReply = true;
                            break;
                    }
                }
            }
        }

        /// <summary>
        /// Whether <paramref name="reference"/> is the subject of a negated type test in a filter, of types that no send
        /// failure is (<c>ex is not OperationCanceledException</c>, <c>!(ex is TaskCanceledException)</c>): it keeps
        /// cancellation out and lets every SMTP failure in unchanged, so it neither inspects nor classifies them.
        /// </summary>
        private static bool ExcludesOnlyOtherFailures(ILocalReferenceOperation reference, SmtpModel model)
        {
            var value = Unwrap.UpThroughImplicitConversionsAndParentheses(reference);
            switch (value.Parent)
            {
                case IIsPatternOperation { Pattern: INegatedPatternOperation negated }:
                    return OnlyOtherTypes(negated.Pattern, model);
                case IIsTypeOperation isType when Unwrap.UpThroughImplicitConversionsAndParentheses(isType).Parent is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                    return !model.CatchesSendFailure(isType.TypeOperand);
                default:
                    return false;
            }
        }

        private static bool OnlyOtherTypes(IPatternOperation pattern, SmtpModel model) => pattern switch
        {
            ITypePatternOperation type => !model.CatchesSendFailure(type.MatchedType),
            IDeclarationPatternOperation declaration => declaration.MatchedType is { } matched && !model.CatchesSendFailure(matched),
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => OnlyOtherTypes(or.LeftPattern, model) && OnlyOtherTypes(or.RightPattern, model),
            _ => false,
        };

        /// <summary>What <paramref name="reference"/>, a use of the caught exception, does with it.</summary>
        public static ExceptionUse UseOf(ILocalReferenceOperation reference)
        {
            var value = Unwrap.UpThroughImplicitConversionsAndParentheses(reference);
            if (value.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, value) && IsInnerOf(assignment.Value, reference.Local))
            {
                // ex = ex.InnerException: the variable moves down the chain.
                return ExceptionUse.Walked;
            }

            return UseOfValue(value);
        }

        /// <summary>
        /// What is done with <paramref name="value"/>: the caught exception, or an exception reached from it through
        /// <c>InnerException</c> or <c>GetBaseException()</c>, whose own use then decides (<c>ex.InnerException?.Message</c>
        /// is text, <c>ex.GetBaseException() is SocketException</c> an inspection).
        /// </summary>
        private static ExceptionUse UseOfValue(IOperation value)
        {
            switch (value.Parent)
            {
                case IPropertyReferenceOperation { Property.Name: "InnerException" } inner when ReferenceEquals(inner.Instance, value):
                    return UseOfInner(inner);
                case IInvocationOperation { TargetMethod.Name: "GetBaseException", Arguments.IsEmpty: true } baseException when ReferenceEquals(baseException.Instance, value):
                    return Chained(UseOfValue(Unwrap.UpThroughImplicitConversionsAndParentheses(baseException)));
                case IPropertyReferenceOperation property when ReferenceEquals(property.Instance, value):
                    return IsFlatteningMember(property.Property.Name) ? ExceptionUse.Flattened : ExceptionUse.Inspected;
                case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, value):
                    return IsFlatteningMember(invocation.TargetMethod.Name) ? ExceptionUse.Flattened : ExceptionUse.Inspected;
                case IConditionalAccessOperation conditional when ReferenceEquals(conditional.Operation, value):
                    return conditional.WhenNotNull is IPropertyReferenceOperation { Property.Name: var name } && IsFlatteningMember(name)
                        || conditional.WhenNotNull is IInvocationOperation { TargetMethod.Name: var method } && IsFlatteningMember(method)
                        ? ExceptionUse.Flattened
                        : ExceptionUse.Inspected;
                case IInterpolationOperation:
                    return ExceptionUse.Flattened;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                    return ExceptionUse.Flattened;
                case IArgumentOperation { Parent: IInvocationOperation call } when IsTextWriter(call.TargetMethod):
                    return ExceptionUse.Flattened;
                case IThrowOperation:
                    return ExceptionUse.Rethrown;
                case IArgumentOperation:
                case IInvalidOperation:
                    // An invalid operation is a call or creation the compiler could not bind (a type whose reference is
                    // missing, an overload that does not exist yet): the exception is given to it, as to a method.
                case IVariableInitializerOperation:
                case IReturnOperation:
                case IArrayInitializerOperation:
                case ITupleOperation:
                    return ExceptionUse.HandedOn;
                case IAssignmentOperation assignment when ReferenceEquals(assignment.Value, value):
                    return ExceptionUse.HandedOn;
                default:
                    return ExceptionUse.Inspected;
            }
        }

        /// <summary>An inner exception: assigned back to the variable it was read from, or tested for null, it is a step of the walk.</summary>
        private static ExceptionUse UseOfInner(IPropertyReferenceOperation inner)
        {
            var value = Unwrap.UpThroughImplicitConversionsAndParentheses(inner);
            switch (value.Parent)
            {
                case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, value)
                    && inner.Instance is ILocalReferenceOperation source
                    && assignment.Target is ILocalReferenceOperation target
                    && SymbolEqualityComparer.Default.Equals(source.Local, target.Local):
                    return ExceptionUse.Walked;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                    when IsNull(ReferenceEquals(comparison.LeftOperand, value) ? comparison.RightOperand : comparison.LeftOperand):
                    return ExceptionUse.Walked;
                case IIsPatternOperation { Pattern: IConstantPatternOperation constant } when IsNull(constant.Value):
                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation negated } } when IsNull(negated.Value):
                    return ExceptionUse.Walked;
                default:
                    return Chained(UseOfValue(value));
            }
        }

        /// <summary>
        /// An inner exception reduced to text is the caught one reduced to text, and a step of the walk is a step; any other
        /// use of an inner exception (handed on, thrown) stays an inspection of the caught one, as it was before the chain
        /// was followed.
        /// </summary>
        private static ExceptionUse Chained(ExceptionUse use) => use is ExceptionUse.Flattened or ExceptionUse.Walked ? use : ExceptionUse.Inspected;

        private static bool IsInnerOf(IOperation value, ILocalSymbol local)
            => Unwrap.ImplicitConversionsAndParentheses(value) is IPropertyReferenceOperation { Property.Name: "InnerException", Instance: ILocalReferenceOperation source }
                && SymbolEqualityComparer.Default.Equals(source.Local, local);

        private static bool IsNull(IOperation operand)
            => Unwrap.AllConversions(operand).ConstantValue is { HasValue: true, Value: null };

        /// <summary>Members of Exception and Object that turn an exception into text or lose it.</summary>
        private static bool IsFlatteningMember(string name)
        {
            switch (name)
            {
                case "Message":
                case "ToString":
                case "StackTrace":
                case "Source":
                case "HelpLink":
                case "HResult":
                case "GetType":
                case "Data":
                case "TargetSite":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Console, Debug and Trace writes: they print the exception and keep nothing.</summary>
        private static bool IsTextWriter(IMethodSymbol method)
        {
            var type = method.ContainingType;
            return type?.Name is "Console" or "Debug" or "Trace"
                && type.ContainingNamespace?.ToDisplayString() is "System" or "System.Diagnostics";
        }
    }

    /// <summary>Reads of the reply: StatusCode, MailKit's ErrorCode, and the per-recipient InnerExceptions, on an SMTP type.</summary>
    internal static class ReplyRead
    {
        /// <summary>Whether <paramref name="operation"/> itself reads the reply (a property reference or a property subpattern).</summary>
        public static bool IsReplyRead(IOperation operation, SmtpModel model) => operation switch
        {
            IPropertyReferenceOperation property => IsReplyMember(property.Property, model),
            IPropertySubpatternOperation { Member: IPropertyReferenceOperation member } => IsReplyMember(member.Property, model),
            _ => false,
        };

        /// <summary>Whether <paramref name="root"/> or an operation in it reads the reply.</summary>
        public static bool ReadsReply(IOperation root, SmtpModel model)
        {
            foreach (var operation in OperationWalk.DescendantsAndSelf(root))
            {
                if (IsReplyRead(operation, model))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsReplyMember(IPropertySymbol property, SmtpModel model)
        {
            if (property.Name is not ("StatusCode" or "ErrorCode" or "InnerExceptions"))
            {
                return false;
            }

            var type = property.ContainingType;
            return SymbolRelations.IsOrDerivesFrom(type, model.SmtpException)
                || SymbolRelations.IsOrDerivesFrom(type, model.MailKitCommandException)
                || SymbolRelations.IsOrDerivesFrom(type, model.SmtpResponse);
        }
    }
}
