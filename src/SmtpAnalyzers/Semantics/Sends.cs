using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;
using static SmtpAnalyzers.Operations.LocalValues;
using static SmtpAnalyzers.Operations.SymbolRelations;

namespace SmtpAnalyzers.Semantics
{
    /// <summary>Sends: which invocations send mail, of which library, and how their outcome comes back.</summary>
    internal sealed partial class SmtpModel
    {
        /// <summary>
        /// Whether <paramref name="method"/> sends mail and how its outcome comes back: a Task (System.Net.Mail's
        /// SendMailAsync, MailKit's SendAsync on SmtpClient, ISmtpClient or IMailTransport) or the SendCompleted
        /// event (System.Net.Mail's void SendAsync), or the call itself (Send of either library). The name is
        /// compared before any symbol.
        /// </summary>
        public SendKind ClassifySend(IMethodSymbol method)
        {
            switch (method.Name)
            {
                case "SendMailAsync":
                    return !method.ReturnsVoid && IsOrDerivesFrom(method.ContainingType, SystemNetMailClient)
                        ? SendKind.Task
                        : SendKind.None;
                case "SendAsync":
                    if (method.ReturnsVoid)
                    {
                        return IsOrDerivesFrom(method.ContainingType, SystemNetMailClient) ? SendKind.Event : SendKind.None;
                    }

                    return IsMailKitTransport(method.ContainingType) ? SendKind.Task : SendKind.None;
                case "Send":
                    return IsOrDerivesFrom(method.ContainingType, SystemNetMailClient) || IsMailKitTransport(method.ContainingType)
                        ? SendKind.Sync
                        : SendKind.None;
                default:
                    return SendKind.None;
            }
        }

        /// <summary>
        /// The sends in <paramref name="root"/> whose failures are thrown to the code around them: not those inside
        /// lambdas and local functions (they run elsewhere, so a try around their declaration does not see their
        /// failures), and, unless <paramref name="includeEventBased"/>, not System.Net.Mail's event-based SendAsync
        /// (its failures go to SendCompleted).
        /// </summary>
        public System.Collections.Generic.IEnumerable<(IInvocationOperation Send, SmtpLibrary Library)> SendsIn(IOperation root, bool includeEventBased = false)
        {
            var pending = new System.Collections.Generic.Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                if (operation is IInvocationOperation invocation
                    && SendLibrary(invocation.TargetMethod) is SmtpLibrary library
                    && (includeEventBased || ClassifySend(invocation.TargetMethod) != SendKind.Event))
                {
                    yield return (invocation, library);
                }

                foreach (var child in operation.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        private static readonly WordSet SendNameWords = new WordSet(new[] { "Send", "SendAsync", "SendMailAsync" });

        /// <summary>
        /// The first check before <see cref="AddSendSites"/>, a text scan of <paramref name="root"/>'s span and no operation
        /// read: false when it cannot hold a send site, because it mentions no send name (and, with
        /// <paramref name="followWrappers"/>, no name of a declaration that may reach a send) as a whole word. Otherwise
        /// <paramref name="mentions"/> gets where those names start, for <see cref="AddSendSites"/> to walk only the
        /// operations around them; it stays empty when the tree has no text to scan. The caller owns the list, so that a
        /// try's first check allocates nothing.
        /// </summary>
        public bool MayHoldSendSites(IOperation root, bool followWrappers, System.Threading.CancellationToken cancellationToken, List<int> mentions)
        {
            var syntax = root.Syntax;
            if (!syntax.SyntaxTree.TryGetText(out var text))
            {
                return true;
            }

            var words = followWrappers ? Wrappers.SendAndWrapperWords(cancellationToken) : SendNameWords;
            if (!words.ContainsAny(text, syntax.Span))
            {
                return false;
            }

            words.FindAll(text, syntax.Span, mentions);
            return true;
        }

        /// <summary>Whether a position of the ascending <paramref name="positions"/> is inside <paramref name="span"/>.</summary>
        private static bool AnyWithin(List<int> positions, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            int low = 0, high = positions.Count - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) >> 1);
                if (positions[middle] < span.Start)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return low < positions.Count && positions[low] < span.End;
        }

        /// <summary>
        /// The sends in a try body <paramref name="root"/> whose failures reach the try's catches: those of
        /// <see cref="SendsIn"/>, the sends in the delegate of an awaited <c>Task.Run</c> (a returned one fails after the try), and calls to send
        /// wrappers (<see cref="SendWrappers"/>) that no try inside <paramref name="root"/> catches without rethrowing.
        /// A send inside a nested try that takes every reply-carrying failure of its library (<see cref="RepliesTaken"/>, without rethrowing)
        /// is not one: only failures without a reply can still reach the outer catches.
        /// </summary>
        /// <remarks>
        /// With <paramref name="mentions"/> (from <see cref="MayHoldSendSites"/>), an operation whose text holds none of them
        /// is not entered: a send or a call of a wrapper always has the name in its own text. An empty list filters nothing.
        /// The sites are added to <paramref name="sites"/> in the order of the walk; a caller's list, not an iterator, so
        /// that reading a try allocates nothing but its facts.
        /// </remarks>
        public void AddSendSites(IOperation root, bool followWrappers, SemanticModel? semanticModel, System.Threading.CancellationToken cancellationToken, List<int> mentions, List<Catches.SendSite> sites)
        {
            var filter = mentions.Count == 0 ? null : mentions;
            var wrappers = followWrappers ? Wrappers : null;

            // The stack is borrowed from the thread (a nested walk, through a wrapper's body, makes its own): it is taken at
            // every try with a send name, and its growth was most of what a try's facts allocated.
            var pending = t_pending ?? new Stack<(IOperation Operation, bool Caught, int Taken)>();
            t_pending = null;
            try
            {
                pending.Push((root, false, 0));
                while (pending.Count > 0)
                {
                    var (operation, caught, taken) = pending.Pop();
                    if (operation is IInvocationOperation invocation)
                    {
                        var method = invocation.TargetMethod;
                        if (SendLibrary(method) is SmtpLibrary library)
                        {
                            var kind = ClassifySend(method);
                            if ((kind == SendKind.Sync || (kind == SendKind.Task && !IsTaskLeftUnobserved(invocation)))
                                && (taken & LibraryBit(library)) == 0)
                            {
                                sites.Add(new Catches.SendSite(invocation, library));
                            }
                        }
                        else if (wrappers is not null && !caught && wrappers.MayFollow(method))
                        {
                            if (wrappers.Of(method, semanticModel, cancellationToken) is { } wrapper
                                && !(IsTaskLike(method.ReturnType) && IsTaskLeftUnobserved(invocation)))
                            {
                                sites.Add(new Catches.SendSite(invocation, wrapper.Library, wrapper));
                            }
                        }
                        else if (followWrappers && IsTaskRun(method) && SendWrappers.IsAwaitedOrReturned(invocation, returnedCounts: false))
                        {
                            foreach (var argument in invocation.Arguments)
                            {
                                if (Unwrap.AllConversions(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                                {
                                    pending.Push((lambda.Body, caught, taken));
                                }
                            }
                        }
                    }

                    var childCaught = caught;
                    var childTaken = taken;
                    if (operation is ITryOperation nested)
                    {
                        foreach (var clause in nested.Catches)
                        {
                            var replies = RepliesTaken(clause);
                            var receivesFailure = wrappers is not null && !childCaught && CatchesSendFailure(clause.ExceptionType);
                            if ((replies != 0 || receivesFailure) && !Catches.CatchClauseFacts.Of(clause, this).Rethrows)
                            {
                                childCaught |= receivesFailure;
                                childTaken |= replies;
                            }
                        }
                    }

                    foreach (var child in operation.ChildOperations)
                    {
                        if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation)
                            && (filter is null || AnyWithin(filter, child.Syntax.Span)))
                        {
                            // Only the nested try's body is covered by its catches.
                            var isBody = ReferenceEquals(child, (operation as ITryOperation)?.Body);
                            pending.Push((child, caught || (childCaught && isBody), isBody ? childTaken : taken));
                        }
                    }
                }
            }
            finally
            {
                pending.Clear();
                t_pending = pending;
            }
        }

        [ThreadStatic]
        private static Stack<(IOperation Operation, bool Caught, int Taken)>? t_pending;

        private static int LibraryBit(SmtpLibrary library) => library == SmtpLibrary.SystemNetMail ? 1 : 2;

        /// <summary>
        /// The libraries (<see cref="LibraryBit"/>) whose every reply-carrying failure <paramref name="clause"/> takes, when
        /// it does not rethrow: no filter, and a type that is the library's reply exception or a base of it
        /// (<c>SmtpException</c>; <c>SmtpCommandException</c>, <c>CommandException</c>; <c>Exception</c> for both).
        /// </summary>
        private int RepliesTaken(ICatchClauseOperation clause)
        {
            if (clause.Filter is not null)
            {
                return 0;
            }

            var caught = clause.ExceptionType as INamedTypeSymbol;
            var bits = 0;
            if (caught is null || caught.SpecialType == SpecialType.System_Object || IsOrDerivesFrom(SmtpException, caught))
            {
                bits |= LibraryBit(SmtpLibrary.SystemNetMail);
            }

            if (caught is null || caught.SpecialType == SpecialType.System_Object || IsOrDerivesFrom(SmtpCommandException, caught))
            {
                bits |= LibraryBit(SmtpLibrary.MailKit);
            }

            return bits;
        }

        /// <summary>
        /// Whether the Task of <paramref name="call"/> is left to fail after the code around the call: discarded
        /// (<c>client.SendMailAsync(m);</c>, <c>_ = ...</c>), continued (<c>.ContinueWith(...)</c>), or returned from the
        /// method or local function. Its failure is then in the Task, and a catch around the call does not receive it. A
        /// return from a lambda counts as observed: the only lambdas <see cref="AddSendSites"/> enters are those of an
        /// awaited <c>Task.Run</c>, which awaits the returned Task.
        /// </summary>
        internal static bool IsTaskLeftUnobserved(IInvocationOperation call)
        {
            var value = Unwrap.TaskValue(call);
            switch (value.Parent)
            {
                case IExpressionStatementOperation:
                    return true;
                case ISimpleAssignmentOperation { Target: IDiscardOperation } discard:
                    return ReferenceEquals(discard.Value, value);
                case IInvocationOperation { TargetMethod.Name: "ContinueWith" } continuation:
                    return ReferenceEquals(continuation.Instance, value);
                case IReturnOperation returned:
                    for (var parent = returned.Parent; parent is not null; parent = parent.Parent)
                    {
                        if (parent is IAnonymousFunctionOperation)
                        {
                            return false;
                        }

                        if (parent is ILocalFunctionOperation)
                        {
                            return true;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The library of a send (<see cref="ClassifySend"/> is not None): System.Net.Mail's SmtpClient or a MailKit
        /// transport. Null for anything else.
        /// </summary>
        public SmtpLibrary? SendLibrary(IMethodSymbol method)
        {
            if (ClassifySend(method) == SendKind.None)
            {
                return null;
            }

            return IsOrDerivesFrom(method.ContainingType, SystemNetMailClient) ? SmtpLibrary.SystemNetMail : SmtpLibrary.MailKit;
        }

        /// <summary>The MailMessage passed to a System.Net.Mail send, without its implicit conversions; null for the string overloads.</summary>
        public IOperation? MessageArgument(IInvocationOperation send)
        {
            foreach (var argument in send.Arguments)
            {
                if (SymbolRelations.IsType(argument.Parameter?.Type, MailMessage))
                {
                    return Unwrap.ImplicitConversionsAndParentheses(argument.Value);
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="method"/> is <c>Task.Run</c>.</summary>
        public bool IsTaskRun(IMethodSymbol method)
            => method.Name == "Run" && method.IsStatic && Task is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, Task);

        /// <summary>Whether <paramref name="symbol"/> is System.Net.Mail.SmtpClient.SendCompleted.</summary>
        public bool IsSendCompleted(IEventSymbol symbol)
            => symbol.Name == "SendCompleted" && SendCompleted is not null && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, SendCompleted);

        private bool IsMailKitTransport(INamedTypeSymbol? type)
        {
            if (type is null || MailKitIMailTransport is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, MailKitIMailTransport))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, MailKitIMailTransport))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
