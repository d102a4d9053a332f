using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Catches;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Engine
{
    /// <summary>
    /// Registers each operation kind that an enabled rule asked for exactly once per compilation, skips the operations of
    /// files that cannot lead to a finding (<see cref="MailFiles"/>), runs the kind's cheap first check once per
    /// operation, and only then hands the operation (or the shared facts built from it) to the rules
    /// that asked. Nothing before the first check allocates.
    /// </summary>
    internal sealed class Dispatcher
    {
        private readonly SmtpModel _model;
        private readonly MailFiles _files;
        private readonly ReplyNumberHandler[] _replyNumbers;
        private readonly Action<OperationAnalysisContext, IBinaryOperation>[] _comparisons;
        private readonly Dictionary<string, Action<OperationAnalysisContext, IInvocationOperation>[]> _invocations;
        private readonly NameFilter _invocationNames;
        private readonly Action<OperationAnalysisContext, IInvocationOperation>[] _sourceInvocations;
        /// <summary>The compilation's assembly, read at the first source call: at compilation start it would bind the references.</summary>
        private IAssemblySymbol? _sourceAssembly;
        private readonly Action<OperationAnalysisContext, TryFacts>[] _tries;

        private Dispatcher(RuleStart start, MailFiles files)
        {
            _model = start.Model;
            _files = files;
            _sourceInvocations = start.SourceInvocations.ToArray();
            _replyNumbers = start.ReplyNumbers.ToArray();
            _comparisons = start.Comparisons.ToArray();
            _invocations = new Dictionary<string, Action<OperationAnalysisContext, IInvocationOperation>[]>(StringComparer.Ordinal);
            foreach (var pair in start.InvocationsByName)
            {
                _invocations.Add(pair.Key, pair.Value.ToArray());
            }

            _invocationNames = new NameFilter(_invocations.Keys);

            _tries = start.Tries.ToArray();
        }

        /// <summary>
        /// Registers the kinds the rules of <paramref name="start"/> subscribed to; nothing when they subscribed to none.
        /// Every registered callback first asks whether the operation's file is one of <paramref name="files"/>.
        /// </summary>
        public static void Register(RuleStart start, MailFiles files, CompilationStartAnalysisContext context)
        {
            var dispatcher = new Dispatcher(start, files);
            if (dispatcher._replyNumbers.Length > 0)
            {
                context.RegisterOperationAction(dispatcher.OnLiteral, OperationKind.Literal);
            }

            if (dispatcher._comparisons.Length > 0)
            {
                context.RegisterOperationAction(dispatcher.OnBinary, OperationKind.Binary);
            }

            if (dispatcher._invocations.Count > 0 || dispatcher._sourceInvocations.Length > 0)
            {
                context.RegisterOperationAction(dispatcher.OnInvocation, OperationKind.Invocation);
            }

            if (dispatcher._tries.Length > 0)
            {
                context.RegisterOperationAction(dispatcher.OnTry, OperationKind.Try);
            }

            foreach (var assignments in start.PropertyAssignments)
            {
                if (start.Others.Exists(other => other.Kind == assignments.Kind))
                {
                    // One registration per kind: its first check is the property's name, which a rule that asked for every
                    // assignment of the kind would have to bypass. No rule does; a new one must choose one subscription.
                    throw new InvalidOperationException(assignments.Kind + " is subscribed both by property name and without one.");
                }

                context.RegisterOperationAction(new PropertyAssignments(assignments, files).Run, assignments.Kind);
            }

            foreach (var other in start.Others)
            {
                context.RegisterOperationAction(new Handlers(other.Handlers.ToArray(), files).Run, other.Kind);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void OnLiteral(OperationAnalysisContext context)
        {
            if (!_files.Holds(context.FilterTree))
            {
                return;
            }

            var literal = (ILiteralOperation)context.Operation;

            // The type first; the value from the literal's text where it can be (reading the constant boxes it).
            if (literal.Type?.SpecialType != SpecialType.System_Int32 || !IntegerConstants.TryGetInt32(literal, out var value))
            {
                return;
            }

            IOperation number = literal;
            if (value == 1)
            {
                if (literal.Parent is not IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negation)
                {
                    return;
                }

                number = negation;
                value = -1;
            }
            else if (value < ReplyCodeTable.LowestReply || value >= ReplyCodeTable.EndOfReplies)
            {
                return;
            }

            Exception? failure = null;
            foreach (var handler in _replyNumbers)
            {
                try
                {
                    handler(context, number, value);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failure ??= exception;
                }
            }

            Rethrow(failure);
        }

        [MethodImpl(HotPath.Optimized)]
        private void OnBinary(OperationAnalysisContext context)
        {
            if (!_files.Holds(context.FilterTree))
            {
                return;
            }

            var binary = (IBinaryOperation)context.Operation;
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.Equals:
                case BinaryOperatorKind.NotEquals:
                case BinaryOperatorKind.LessThan:
                case BinaryOperatorKind.LessThanOrEqual:
                case BinaryOperatorKind.GreaterThan:
                case BinaryOperatorKind.GreaterThanOrEqual:
                    break;
                default:
                    return;
            }

            // A constant other than null: no rule reads a comparison with null, the most common comparison with a constant.
            if (!IntegerConstants.IsNonNullConstant(binary.RightOperand) && !IntegerConstants.IsNonNullConstant(binary.LeftOperand))
            {
                return;
            }

            Exception? failure = null;
            foreach (var handler in _comparisons)
            {
                try
                {
                    handler(context, binary);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failure ??= exception;
                }
            }

            Rethrow(failure);
        }

        [MethodImpl(HotPath.Optimized)]
        private void OnInvocation(OperationAnalysisContext context)
        {
            if (!_files.Holds(context.FilterTree))
            {
                return;
            }

            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            Exception? failure = null;
            var name = method.Name;
            if (_invocationNames.MayContain(name) && _invocations.TryGetValue(name, out var handlers))
            {
                foreach (var handler in handlers)
                {
                    try
                    {
                        handler(context, invocation);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        failure ??= exception;
                    }
                }
            }

            if (_sourceInvocations.Length > 0
                && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
                && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _sourceAssembly ??= _model.Compilation.Assembly))
            {
                foreach (var handler in _sourceInvocations)
                {
                    try
                    {
                        handler(context, invocation);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        failure ??= exception;
                    }
                }
            }

            Rethrow(failure);
        }

        [MethodImpl(HotPath.Optimized)]
        private void OnTry(OperationAnalysisContext context)
        {
            if (!_files.Holds(context.FilterTree) || !TryFacts.TryCreate((ITryOperation)context.Operation, _model, followWrappers: true, context.CancellationToken, out var facts))
            {
                return;
            }

            Exception? failure = null;
            foreach (var handler in _tries)
            {
                try
                {
                    handler(context, facts);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failure ??= exception;
                }
            }

            Rethrow(failure);
        }

        /// <summary>The handlers of the rules that asked for one operation kind, each run even when another throws.</summary>
        private sealed class Handlers
        {
            private readonly Action<OperationAnalysisContext>[] _handlers;
            private readonly MailFiles _files;

            public Handlers(Action<OperationAnalysisContext>[] handlers, MailFiles files)
            {
                _handlers = handlers;
                _files = files;
            }

            [MethodImpl(HotPath.Optimized)]
            public void Run(OperationAnalysisContext context)
            {
                if (_files.Holds(context.FilterTree))
                {
                    RunEach(_handlers, context);
                }
            }
        }

        /// <summary>The handlers of assignments of one kind, chosen by the name of the assigned property.</summary>
        private sealed class PropertyAssignments
        {
            private readonly Dictionary<string, Action<OperationAnalysisContext>[]> _byProperty;
            private readonly NameFilter _names;
            private readonly MailFiles _files;

            public PropertyAssignments(PropertyAssignmentHandlers handlers, MailFiles files)
            {
                _files = files;
                _byProperty = new Dictionary<string, Action<OperationAnalysisContext>[]>(StringComparer.Ordinal);
                foreach (var pair in handlers.ByProperty)
                {
                    _byProperty.Add(pair.Key, pair.Value.ToArray());
                }

                _names = new NameFilter(_byProperty.Keys);
            }

            /// <summary>The target's kind, then the property's name (length and first letter before the lookup).</summary>
            [MethodImpl(HotPath.Optimized)]
            public void Run(OperationAnalysisContext context)
            {
                if (!_files.Holds(context.FilterTree))
                {
                    return;
                }

                var target = ((IAssignmentOperation)context.Operation).Target;
                if (target.Kind != OperationKind.PropertyReference)
                {
                    return;
                }

                var name = ((IPropertyReferenceOperation)target).Property.Name;
                if (!_names.MayContain(name) || !_byProperty.TryGetValue(name, out var handlers))
                {
                    return;
                }

                RunEach(handlers, context);
            }
        }

        /// <summary>Runs every handler, even when one throws, then rethrows the first exception (<see cref="Rethrow"/>).</summary>
        [MethodImpl(HotPath.Optimized)]
        private static void RunEach(Action<OperationAnalysisContext>[] handlers, OperationAnalysisContext context)
        {
            Exception? failure = null;
            foreach (var handler in handlers)
            {
                try
                {
                    handler(context);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failure ??= exception;
                }
            }

            Rethrow(failure);
        }

        /// <summary>
        /// One rule's bug must not silence the others: every handler of an operation runs, and the first exception is then
        /// rethrown so that the driver still reports it (AD0001) instead of it being lost.
        /// </summary>
        private static void Rethrow(Exception? failure)
        {
            if (failure is not null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
    }
}
