using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>SMTP2002: the one decision whether a catch retries permanent failures, shared by tries around sends and retry helpers.</summary>
    internal sealed partial class PermanentFailureRetriedRule
    {
        /// <summary>
        /// Whether catch <paramref name="index"/> of <paramref name="tryOperation"/> retries permanent failures of
        /// <paramref name="sends"/> (sends, calls to send wrappers, or invocations of a delegate that sends): it receives a
        /// failure that can be permanent, has no reply-class condition, and its body retries (<see cref="FindRetry"/>).
        /// </summary>
        private static bool TryFindRetryingCatch(ITryOperation tryOperation, int index, bool sendsSystemNetMail, bool sendsMailKit, List<IInvocationOperation> sends, IMethodSymbol? function, SmtpModel model, out RetryingCatch found)
        {
            found = default;
            var clause = tryOperation.Catches[index];
            var type = clause.ExceptionType;
            var catchAll = model.IsCatchAll(type);
            if (!catchAll && !model.CanCarryPermanentReply(type))
            {
                return false;
            }

            if (catchAll && EarlierCatchesTakeReplies(tryOperation, index, sendsSystemNetMail, sendsMailKit, model))
            {
                return false;
            }

            var exceptionLocal = (clause.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol;
            var filter = clause.Filter is null ? Condition.None : Classify(clause.Filter, exceptionLocal, model);
            var listed = filter == Condition.Membership ? PermanentCodeListed(clause.Filter!, model) : null;
            if (filter == Condition.ReplyClass || filter == Condition.NoReplyType || (filter == Condition.Membership && listed is null))
            {
                return false;
            }

            var retry = FindRetry(clause, tryOperation, sends, function, exceptionLocal, model, out var denyListInBody, out var listedInBody);
            if (retry is null)
            {
                return false;
            }

            var authentication = listed is null && listedInBody is null && catchAll && clause.Filter is not null
                ? AuthenticationFailureListed(clause.Filter, model)
                : null;

            // A catch that takes only authentication failures (by its type, or by a filter naming only them and failures
            // without a reply) and renews the session before sending again (reconnects, authenticates, refreshes a token)
            // does not repeat the same send: "not authenticated" is cured by authenticating. As SMTP2005 decides it.
            if (((authentication is not null && AdmitsOnlyAuthenticationFailures(clause.Filter!, model))
                    || (!catchAll && model.IsAuthenticationFailure(type)))
                && MayRenewSession(clause.Handler, sends, function, model))
            {
                return false;
            }

            found = new RetryingCatch(catchAll ? null : type!.Name, listed ?? listedInBody, authentication, filter == Condition.DenyList || denyListInBody, retry);
            return true;
        }

        /// <summary>
        /// Whether <paramref name="condition"/> is a disjunction of type tests (<c>ex is A || ex is B</c>, <c>ex is A or B</c>)
        /// each of which admits an authentication failure or a failure that carries no reply.
        /// </summary>
        private static bool AdmitsOnlyAuthenticationFailures(IOperation condition, SmtpModel model)
        {
            while (condition is IParenthesizedOperation or IConversionOperation)
            {
                condition = condition is IParenthesizedOperation parenthesized ? parenthesized.Operand : ((IConversionOperation)condition).Operand;
            }

            switch (condition)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return AdmitsOnlyAuthenticationFailures(or.LeftOperand, model) && AdmitsOnlyAuthenticationFailures(or.RightOperand, model);
                case IIsTypeOperation isType:
                    return IsAuthenticationOrNoReply(isType.TypeOperand, model);
                case IIsPatternOperation isPattern:
                    return PatternAdmitsOnlyAuthenticationFailures(isPattern.Pattern, model);
                default:
                    return false;
            }
        }

        private static bool PatternAdmitsOnlyAuthenticationFailures(IPatternOperation pattern, SmtpModel model) => pattern switch
        {
            ITypePatternOperation typePattern => IsAuthenticationOrNoReply(typePattern.MatchedType, model),
            IDeclarationPatternOperation { MatchedType: { } matched } => IsAuthenticationOrNoReply(matched, model),
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or
                => PatternAdmitsOnlyAuthenticationFailures(or.LeftPattern, model) && PatternAdmitsOnlyAuthenticationFailures(or.RightPattern, model),
            _ => false,
        };

        private static bool IsAuthenticationOrNoReply(ITypeSymbol type, SmtpModel model)
            => model.IsAuthenticationFailure(type) || !(model.CanCarryPermanentReply(type) || model.IsCatchAll(type));

        /// <summary>
        /// Whether the handler calls something that may renew the session before it sends again: anything but the retry
        /// itself (a send, the wrapper again, the enclosing method again), logging and text, and the framework's own
        /// helpers (<c>Task.Delay</c>, <c>TimeSpan</c>, <c>Math</c>...). A reconnect, an Authenticate, a method of the
        /// project, a token refresh of another library all count.
        /// </summary>
        private static bool MayRenewSession(IBlockOperation handler, List<IInvocationOperation> sends, IMethodSymbol? function, SmtpModel model)
        {
            foreach (var operation in Walk(handler))
            {
                if (operation is not IInvocationOperation invocation)
                {
                    continue;
                }

                var method = invocation.TargetMethod;
                if (model.ClassifySend(method) != SendKind.None
                    || CallsWrapperAgain(invocation, sends)
                    || (function is not null && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, function.OriginalDefinition))
                    || FailureSwallowedRule.IsTextOrLog(method)
                    || IsFrameworkMethod(method))
                {
                    continue;
                }

                return true;
            }

            return false;
        }

        /// <summary>A method of a type in the System namespace or one under it.</summary>
        private static bool IsFrameworkMethod(IMethodSymbol method)
        {
            var outermost = method.ContainingNamespace;
            while (outermost?.ContainingNamespace is { IsGlobalNamespace: false } parent)
            {
                outermost = parent;
            }

            return outermost is { IsGlobalNamespace: false, Name: "System" };
        }

        /// <summary>A catch that retries permanent failures, as its message describes it.</summary>
        private readonly struct RetryingCatch
        {
            public RetryingCatch(string? typeName, string? listed, string? authentication, bool denyList, string retry)
            {
                TypeName = typeName;
                Listed = listed;
                Authentication = authentication;
                DenyList = denyList;
                Retry = retry;
            }

            /// <summary>The caught type's name; null for a catch of every exception.</summary>
            public string? TypeName { get; }

            /// <summary>The permanent code an allow-list lets into the retry, named for the message.</summary>
            public string? Listed { get; }

            /// <summary>The authentication failure a filter of every exception names.</summary>
            public string? Authentication { get; }

            /// <summary>The only reply conditions are deny-lists.</summary>
            public bool DenyList { get; }

            /// <summary>How the catch retries: "the retry loop runs again".</summary>
            public string Retry { get; }

            /// <summary>What is retried, for the message; <paramref name="path"/> is " through 'Wrapper'" or empty.</summary>
            public string What(string path)
            {
                if (Listed is not null)
                {
                    return (TypeName ?? "the exception") + " with the listed code " + Listed;
                }

                if (Authentication is not null)
                {
                    return Authentication + ", an authentication failure that fails again with the same credentials";
                }

                var what = TypeName is null ? "every exception of the send" + path : "every " + TypeName + (path.Length == 0 ? string.Empty : " of the send" + path);
                return DenyList ? what + " except the codes it lists" : what;
            }
        }
    }
}
