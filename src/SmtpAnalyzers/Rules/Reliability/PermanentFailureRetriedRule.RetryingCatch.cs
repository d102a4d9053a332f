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
            found = new RetryingCatch(catchAll ? null : type!.Name, listed ?? listedInBody, authentication, filter == Condition.DenyList || denyListInBody, retry);
            return true;
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
