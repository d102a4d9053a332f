using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Catches;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2001: a catch that reads the reply and still loses it. "Reads StatusCode somewhere" is not "handles the
    /// classes": a catch whose every path ends as if the mail was sent (it logs the code, or returns on some named codes
    /// and falls out on the others) tells nobody outside it which class the failure was.
    /// </summary>
    internal sealed partial class FailureSwallowedRule
    {
        /// <summary>
        /// Whether <paramref name="clause"/> lets nothing of the failure leave it: no filter, no
        /// throw, no return of a value, no jump, no write outside its own locals, no object created, no lambda, and
        /// every call a log or text write (a logger's level method, Console/Debug/Trace, string formatting); the caught
        /// exception is looked at only through its reply members or as text. Conservative: any other statement or
        /// call may tell someone, and then the clause counts as handling the failure.
        /// </summary>
        private static bool OnlyLogs(ICatchClauseOperation clause, ILocalSymbol? local)
        {
            if (clause.Filter is not null)
            {
                return false;
            }

            foreach (var operation in OperationWalk.Descendants(clause.Handler))
            {
                switch (operation)
                {
                    case IThrowOperation:
                    case IBranchOperation:
                    case IReturnOperation { ReturnedValue: not null }:
                    case IReturnOperation { Kind: not OperationKind.Return }:
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                    case IObjectCreationOperation:
                    case IAnonymousObjectCreationOperation:
                    case IIncrementOrDecrementOperation:
                    case IDelegateCreationOperation:
                    case IAwaitOperation:
                    case IUsingOperation:
                    case ILockOperation:
                        return false;
                    case IAssignmentOperation assignment when !IsHandlerLocal(assignment.Target, clause.Handler):
                        return false;
                    case IInvocationOperation invocation when !IsTextOrLog(invocation.TargetMethod):
                        return false;
                    case IDynamicInvocationOperation:
                        return false;
                    case ILocalReferenceOperation reference when local is not null && SymbolEqualityComparer.Default.Equals(reference.Local, local):
                        if (CatchClauseFacts.UseOf(reference) == ExceptionUse.Inspected && !IsReplyMemberRead(reference))
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether falling out of a catch of <paramref name="tryOperation"/> ends as if the mail was sent: the try is in no
        /// for/while/do loop of its function (that may retry), and the code after it throws nothing and returns nothing or
        /// <c>true</c>. A later <c>return false</c> or <c>return result</c> tells the caller; then the clause is not reported.
        /// </summary>
        private static bool EndsAsIfSent(ITryOperation tryOperation)
        {
            IOperation current = tryOperation;
            while (current.Parent is { } parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                    case IMethodBodyBaseOperation:
                        return true;
                    case ILoopOperation { LoopKind: not LoopKind.ForEach }:
                        return false;
                    case IBlockOperation block:
                        var after = false;
                        foreach (var statement in block.Operations)
                        {
                            if (after && !EndsQuietly(statement))
                            {
                                return false;
                            }

                            after |= ReferenceEquals(statement, current);
                        }

                        break;
                }

                current = parent;
            }

            return true;
        }

        private static bool EndsQuietly(IOperation statement)
        {
            foreach (var operation in OperationWalk.DescendantsAndSelf(statement))
            {
                switch (operation)
                {
                    case IThrowOperation:
                        return false;
                    case IReturnOperation { ReturnedValue: { } value } when value.ConstantValue.Value is not true:
                        return false;
                }
            }

            return true;
        }

        private static bool IsHandlerLocal(IOperation target, IBlockOperation handler)
            => target is ILocalReferenceOperation { Local: var written }
                && !written.Locations.IsEmpty
                && handler.Syntax.Span.Contains(written.Locations[0].SourceSpan);

        private static bool IsReplyMemberRead(ILocalReferenceOperation reference)
        {
            var value = Unwrap.UpThroughImplicitConversionsAndParentheses(reference);
            return value.Parent is IPropertyReferenceOperation { Property.Name: "StatusCode" or "ErrorCode" } property
                && ReferenceEquals(property.Instance, value);
        }

        /// <summary>
        /// A call that only writes or formats text: a method of string, ToString, Console/Debug/Trace writes, or a log call
        /// (a method named Log*, or named for a level, on a type whose name contains "Log": ILogger, LoggerExtensions,
        /// Serilog's Log, log4net's ILog, NLog's Logger).
        /// </summary>
        internal static bool IsTextOrLog(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return false;
            }

            if (type.SpecialType == SpecialType.System_String || method.Name == "ToString")
            {
                return true;
            }

            if (type.Name is "Console" or "Debug" or "Trace" && type.ContainingNamespace?.ToDisplayString() is "System" or "System.Diagnostics")
            {
                return true;
            }

            if (type.Name.IndexOf("Log", StringComparison.Ordinal) < 0 || !method.ReturnsVoid)
            {
                return false;
            }

            switch (method.Name)
            {
                case "Trace":
                case "Debug":
                case "Verbose":
                case "Info":
                case "Information":
                case "Warn":
                case "Warning":
                case "Error":
                case "Fatal":
                case "Critical":
                    return true;
                default:
                    return method.Name.StartsWith("Log", StringComparison.Ordinal);
            }
        }
    }
}
