using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Catches;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Engine
{
    /// <summary>A number that may be a reply code: an int literal in 200-599, or the <c>-1</c> of GeneralFailure.</summary>
    internal delegate void ReplyNumberHandler(in OperationAnalysisContext context, IOperation number, int value);

    /// <summary>
    /// What a rule may subscribe to at compilation start. Each subscription names the engine's cheap first check, which runs
    /// once per operation for every rule that asked: a handler is called only for operations that passed it.
    /// </summary>
    internal sealed class RuleStart
    {
        internal readonly List<ReplyNumberHandler> ReplyNumbers = new List<ReplyNumberHandler>();
        internal readonly List<Action<OperationAnalysisContext, IBinaryOperation>> Comparisons = new List<Action<OperationAnalysisContext, IBinaryOperation>>();
        internal readonly Dictionary<string, List<Action<OperationAnalysisContext, IInvocationOperation>>> InvocationsByName =
            new Dictionary<string, List<Action<OperationAnalysisContext, IInvocationOperation>>>(StringComparer.Ordinal);

        internal readonly List<Action<OperationAnalysisContext, IInvocationOperation>> SourceInvocations = new List<Action<OperationAnalysisContext, IInvocationOperation>>();
        internal readonly List<Action<OperationAnalysisContext, TryFacts>> Tries = new List<Action<OperationAnalysisContext, TryFacts>>();
        /// <summary>
        /// The other kinds with their handlers, in order of first subscription: a list of a reference type, because a
        /// collection keyed by the OperationKind enum is a generic instantiation the runtime must compile at start.
        /// </summary>
        internal readonly List<KindHandlers> Others = new List<KindHandlers>();

        internal readonly List<PropertyAssignmentHandlers> PropertyAssignments = new List<PropertyAssignmentHandlers>();

        public RuleStart(SmtpModel model, AnalyzerOptions options)
        {
            Model = model;
            Options = options;
        }

        /// <summary>Whether any rule subscribed to anything.</summary>
        public bool HasSubscriptions => ReplyNumbers.Count > 0 || Comparisons.Count > 0 || InvocationsByName.Count > 0 || SourceInvocations.Count > 0
            || Tries.Count > 0 || Others.Count > 0 || PropertyAssignments.Count > 0;

        /// <summary>The SMTP model of the compilation (resolved symbols and SMTP questions).</summary>
        public SmtpModel Model { get; }

        /// <summary>The compilation's analyzer options (.editorconfig values, additional files).</summary>
        public AnalyzerOptions Options { get; }

        /// <summary>Int literals in the reply range 200-599 and the <c>-1</c> of <c>-1</c> (negation included in the number).</summary>
        public void OnReplyNumber(ReplyNumberHandler handler) => ReplyNumbers.Add(handler);

        /// <summary>Binary <c>== != &lt; &lt;= &gt; &gt;=</c> with a constant other than null on at least one side.</summary>
        public void OnComparisonWithConstant(Action<OperationAnalysisContext, IBinaryOperation> handler) => Comparisons.Add(handler);

        /// <summary>Invocations of a method with one of <paramref name="methodNames"/> (compared before any symbol).</summary>
        public void OnInvocation(Action<OperationAnalysisContext, IInvocationOperation> handler, params string[] methodNames)
        {
            foreach (var name in methodNames)
            {
                if (!InvocationsByName.TryGetValue(name, out var handlers))
                {
                    handlers = new List<Action<OperationAnalysisContext, IInvocationOperation>>();
                    InvocationsByName.Add(name, handlers);
                }

                handlers.Add(handler);
            }
        }

        /// <summary>
        /// Invocations of ordinary methods and local functions declared in this compilation's source, whatever their name
        /// (the application's own methods, such as send wrappers). Checked after the name map, without allocation.
        /// </summary>
        public void OnSourceInvocation(Action<OperationAnalysisContext, IInvocationOperation> handler) => SourceInvocations.Add(handler);

        /// <summary>
        /// Try statements with a catch that can receive a send's failure and at least one send in the body whose failure
        /// reaches the catches, calls to send wrappers included (<see cref="SendWrappers"/>); the facts (sends, libraries,
        /// wrapper paths) are built once per try for every rule.
        /// </summary>
        public void OnTryAroundSend(Action<OperationAnalysisContext, TryFacts> handler) => Tries.Add(handler);

        /// <summary>
        /// Assignments of the given <paramref name="kinds"/> (simple, compound, <c>??=</c>) whose target is a property with
        /// one of <paramref name="propertyNames"/>: the kind of the target and the property's name are checked by the
        /// dispatcher, once per assignment, before any handler runs.
        /// </summary>
        public void OnPropertyAssignment(Action<OperationAnalysisContext> handler, string[] propertyNames, params OperationKind[] kinds)
        {
            foreach (var kind in kinds)
            {
                var entry = EntryOf(PropertyAssignments, kind, k => new PropertyAssignmentHandlers(k));
                foreach (var name in propertyNames)
                {
                    if (!entry.ByProperty.TryGetValue(name, out var handlers))
                    {
                        handlers = new List<Action<OperationAnalysisContext>>();
                        entry.ByProperty.Add(name, handlers);
                    }

                    handlers.Add(handler);
                }
            }
        }

        /// <summary>Any other operation kind, without a shared first check: the rule does its own, cheapest first.</summary>
        public void OnOperation(Action<OperationAnalysisContext> handler, params OperationKind[] kinds)
        {
            foreach (var kind in kinds)
            {
                EntryOf(Others, kind, k => new KindHandlers(k)).Handlers.Add(handler);
            }
        }

        /// <summary>The entry of <paramref name="kind"/> in <paramref name="entries"/>, added when there is none.</summary>
        private static T EntryOf<T>(List<T> entries, OperationKind kind, Func<OperationKind, T> create)
            where T : KindEntry
        {
            foreach (var entry in entries)
            {
                if (entry.Kind == kind)
                {
                    return entry;
                }
            }

            var added = create(kind);
            entries.Add(added);
            return added;
        }
    }

    /// <summary>What the rules subscribed for one operation kind.</summary>
    internal abstract class KindEntry
    {
        protected KindEntry(OperationKind kind) => Kind = kind;

        public OperationKind Kind { get; }
    }

    /// <summary>The handlers the rules subscribed for one operation kind.</summary>
    internal sealed class KindHandlers : KindEntry
    {
        public KindHandlers(OperationKind kind)
            : base(kind)
        {
        }

        public List<Action<OperationAnalysisContext>> Handlers { get; } = new List<Action<OperationAnalysisContext>>();
    }

    /// <summary>The handlers the rules subscribed for assignments of one kind, by the name of the assigned property.</summary>
    internal sealed class PropertyAssignmentHandlers : KindEntry
    {
        public PropertyAssignmentHandlers(OperationKind kind)
            : base(kind)
        {
        }

        public Dictionary<string, List<Action<OperationAnalysisContext>>> ByProperty { get; } =
            new Dictionary<string, List<Action<OperationAnalysisContext>>>(StringComparer.Ordinal);
    }
}
