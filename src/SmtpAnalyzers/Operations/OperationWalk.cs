using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.Operations
{
    /// <summary>
    /// A walk over the operations under a root, for <c>foreach</c>, that allocates nothing per walk: no iterator, and a stack
    /// borrowed from a small per-thread pool and given back when the loop ends (<c>foreach</c> disposes it on every exit).
    /// Roslyn's <c>Descendants()</c> allocates both at every call, and the rules walk a clause, a condition or a body for
    /// many of the operations they read in mail code.
    /// </summary>
    /// <remarks>Enumerate a walk once: it is its own enumerator, and copies share the borrowed stack.</remarks>
    internal struct OperationWalk : IDisposable
    {
        private const int PoolSize = 4;

        [ThreadStatic]
        private static List<IOperation>[]? t_pool;

        [ThreadStatic]
        private static int t_pooled;

        private readonly bool _sourceOrder;
        private readonly bool _enterFunctions;
        private List<IOperation>? _stack;

        private OperationWalk(IOperation root, bool includeRoot, bool sourceOrder, bool enterFunctions)
        {
            _sourceOrder = sourceOrder;
            _enterFunctions = enterFunctions;
            _stack = Rent();
            Current = null!;
            if (includeRoot)
            {
                _stack.Add(root);
            }
            else
            {
                PushChildren(root);
            }
        }

        public IOperation Current { get; private set; }

        /// <summary>The operations under <paramref name="root"/>, in the order of Roslyn's <c>Descendants()</c>: pre-order, children in source order.</summary>
        public static OperationWalk Descendants(IOperation root) => new OperationWalk(root, includeRoot: false, sourceOrder: true, enterFunctions: true);

        /// <summary><paramref name="root"/>, then <see cref="Descendants"/>: the order of Roslyn's <c>DescendantsAndSelf()</c>.</summary>
        public static OperationWalk DescendantsAndSelf(IOperation root) => new OperationWalk(root, includeRoot: true, sourceOrder: true, enterFunctions: true);

        /// <summary>
        /// <paramref name="root"/> and the operations under it, depth first with the last child first, entering lambdas and
        /// local functions only when <paramref name="enterFunctions"/> (their code runs elsewhere). The order decides which of
        /// several candidates some messages name first, so it stays the order those rules were written with.
        /// </summary>
        public static OperationWalk LastChildFirst(IOperation root, bool enterFunctions) => new OperationWalk(root, includeRoot: true, sourceOrder: false, enterFunctions);

        public OperationWalk GetEnumerator() => this;

        public bool MoveNext()
        {
            var stack = _stack;
            if (stack is null || stack.Count == 0)
            {
                return false;
            }

            var operation = stack[stack.Count - 1];
            stack.RemoveAt(stack.Count - 1);
            Current = operation;
            if (_enterFunctions || operation.Kind is not (OperationKind.AnonymousFunction or OperationKind.LocalFunction))
            {
                PushChildren(operation);
            }

            return true;
        }

        public void Dispose()
        {
            var stack = _stack;
            _stack = null;
            if (stack is null)
            {
                return;
            }

            stack.Clear();
            var pool = t_pool ??= new List<IOperation>[PoolSize];
            if (t_pooled < PoolSize)
            {
                pool[t_pooled++] = stack;
            }
        }

        private void PushChildren(IOperation operation)
        {
            var stack = _stack!;
            if (_sourceOrder)
            {
                foreach (var child in operation.ChildOperations.Reverse())
                {
                    stack.Add(child);
                }
            }
            else
            {
                foreach (var child in operation.ChildOperations)
                {
                    stack.Add(child);
                }
            }
        }

        private static List<IOperation> Rent()
        {
            if (t_pooled > 0)
            {
                var pool = t_pool!;
                var stack = pool[--t_pooled];
                pool[t_pooled] = null!;
                return stack;
            }

            return new List<IOperation>(32);
        }
    }
}
