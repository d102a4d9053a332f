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
    /// <summary>SMTP2002: what counts as a retry: loops, attempt counters, recursion, and the walks they need.</summary>
    internal sealed partial class PermanentFailureRetriedRule
    {
        /// <summary>
        /// A counter of attempts: a field or property whose name contains "retry", "retries", "retried" or "attempt"
        /// (<c>RetryCount</c>, <c>RetriesCount</c>, <c>TimesRetried</c>, <c>Attempts</c>), or has "tries" or "try" as a
        /// word of its own (<c>Tries</c>, <c>NumTries</c>, <c>tryCount</c>). Not the shorter "retri", which is also the
        /// start of "retrieve" and "retrieval", and not "tries" inside another word (<c>Entries</c>, <c>Countries</c>).
        /// </summary>
        private static bool IsAttemptCounter(IOperation target)
        {
            if (target is not (IFieldReferenceOperation or IPropertyReferenceOperation))
            {
                return false;
            }

            var name = MemberName(target);
            return name.IndexOf("retry", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("retries", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("retried", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("attempt", StringComparison.OrdinalIgnoreCase) >= 0
                || IsWordOf(name, "tries")
                || IsWordOf(name, "try");
        }

        /// <summary>
        /// Whether <paramref name="word"/> (lower case) is a word of <paramref name="name"/> in any case: it starts the name,
        /// follows a character that is no letter, or starts with a capital after a small letter; and no small letter
        /// follows it.
        /// </summary>
        private static bool IsWordOf(string name, string word)
        {
            for (var start = name.IndexOf(word, StringComparison.OrdinalIgnoreCase); start >= 0; start = name.IndexOf(word, start + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = start + word.Length;
                var startsWord = start == 0 || !char.IsLetter(name[start - 1]) || (char.IsUpper(name[start]) && char.IsLower(name[start - 1]));
                var endsWord = end == name.Length || !char.IsLower(name[end]);
                if (startsWord && endsWord)
                {
                    return true;
                }
            }

            return false;
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
            var condition = ConditionOf(loop);
            foreach (var operation in Walk(tryOperation.Body))
            {
                switch (operation)
                {
                    case IReturnOperation { Kind: OperationKind.Return }:
                        return true;
                    case IBranchOperation { BranchKind: BranchKind.Break } branch when SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel):
                        return true;
                    case ISimpleAssignmentOperation assignment when condition is not null && WritesVariableOf(assignment, condition):
                        return true;
                }
            }

            return false;
        }

        /// <summary>Whether the handler sets a variable of the loop's condition (<c>sent = true</c>, <c>failed = true</c>): it ends the loop, not retries.</summary>
        private static bool EndsLoop(IBlockOperation handler, ILoopOperation loop)
        {
            var condition = ConditionOf(loop);
            if (condition is null)
            {
                return false;
            }

            foreach (var operation in Walk(handler))
            {
                if (operation is ISimpleAssignmentOperation assignment && WritesVariableOf(assignment, condition))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? ConditionOf(ILoopOperation loop) => loop switch
        {
            IWhileLoopOperation whileLoop => whileLoop.Condition,
            IForLoopOperation forLoop => forLoop.Condition,
            _ => null,
        };

        /// <summary>
        /// Whether <paramref name="assignment"/> writes a local or member that <paramref name="condition"/> reads. The
        /// condition is walked at each assignment instead of being collected into a set: it is a few operations, and a
        /// set was allocated for every try in a loop.
        /// </summary>
        private static bool WritesVariableOf(ISimpleAssignmentOperation assignment, IOperation condition)
        {
            ISymbol? written = assignment.Target switch
            {
                ILocalReferenceOperation local => local.Local,
                IMemberReferenceOperation member => member.Member,
                _ => null,
            };
            if (written is null)
            {
                return false;
            }

            foreach (var operation in WalkAll(condition))
            {
                var read = operation switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IMemberReferenceOperation member => member.Member,
                    _ => null,
                };
                if (read is not null && SymbolEqualityComparer.Default.Equals(read, written))
                {
                    return true;
                }
            }

            return false;
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

        /// <summary>
        /// Whether a catch that ends normally runs <paramref name="loop"/> again: the statements after
        /// <paramref name="tryOperation"/> in the loop's body (and in the blocks between) cannot leave the loop or decide:
        /// no <c>return</c>, <c>throw</c>, <c>break</c>, <c>continue</c> or <c>goto</c> among them (a wait and a doubled
        /// delay, <c>await Task.Delay(wait); wait *= 2;</c>, are the common ones).
        /// </summary>
        private static bool LoopRunsAgainAfter(ITryOperation tryOperation, ILoopOperation loop)
        {
            IOperation current = tryOperation;
            while (current.Parent is IBlockOperation block)
            {
                var after = false;
                foreach (var statement in block.Operations)
                {
                    if (after && MayLeaveOrDecide(statement))
                    {
                        return false;
                    }

                    after |= ReferenceEquals(statement, current);
                }

                if (ReferenceEquals(block, loop.Body))
                {
                    return true;
                }

                current = block;
            }

            return ReferenceEquals(loop.Body, current);
        }

        private static bool MayLeaveOrDecide(IOperation statement)
        {
            foreach (var operation in Walk(statement))
            {
                if (operation is IBranchOperation or IReturnOperation or IThrowOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The operations under <paramref name="root"/>, not entering lambdas and local functions (their code runs elsewhere).</summary>
        private static OperationWalk Walk(IOperation root) => OperationWalk.LastChildFirst(root, enterFunctions: false);

        /// <summary>The operations under <paramref name="root"/>, lambdas included (a condition may classify in one).</summary>
        private static OperationWalk WalkAll(IOperation root) => OperationWalk.LastChildFirst(root, enterFunctions: true);
    }
}
