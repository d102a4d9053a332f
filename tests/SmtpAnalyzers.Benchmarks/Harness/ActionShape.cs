using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpAnalyzers.Benchmarks.Harness
{
    /// <summary>
    /// The actions one analyzer registers, recorded by running its <c>Initialize</c> and its compilation-start
    /// action on recording contexts over a compilation that uses SMTP. The no-op floor registers the same shape,
    /// so it follows the analyzers as they change instead of a hand-kept list.
    /// </summary>
    public sealed class ActionShape
    {
        private ActionShape(string analyzer)
        {
            Analyzer = analyzer;
        }

        /// <summary>The analyzer's type name.</summary>
        public string Analyzer { get; }

        public bool ConcurrentExecution { get; private set; }

        public GeneratedCodeAnalysisFlags? GeneratedCode { get; private set; }

        /// <summary>Compilation-start actions registered in Initialize.</summary>
        public int CompilationStartActions { get; private set; }

        /// <summary>Operation actions registered at compilation start, each with its kinds.</summary>
        public List<ImmutableArray<OperationKind>> OperationActions { get; } = new();

        /// <summary>Symbol-start actions registered at compilation start, with what they register per symbol.</summary>
        public List<SymbolStartShape> SymbolStartActions { get; } = new();

        /// <summary>Registrations the floor cannot mirror yet; it refuses to build while any exist.</summary>
        public List<string> Unsupported { get; } = new();

        /// <summary>Every operation kind the analyzer listens to, at compilation level or inside a symbol-start action.</summary>
        public IEnumerable<OperationKind> AllOperationKinds
            => OperationActions.SelectMany(k => k).Concat(SymbolStartActions.SelectMany(s => s.OperationActions.SelectMany(k => k))).Distinct();

        public override string ToString()
        {
            var parts = new List<string>();
            parts.AddRange(OperationActions.Select(k => "Operation(" + string.Join(", ", k) + ")"));
            parts.AddRange(SymbolStartActions.Select(s => s.ToString()));
            parts.AddRange(Unsupported);
            return Analyzer + ": CompilationStart x" + CompilationStartActions + (parts.Count == 0 ? "" : " -> " + string.Join("; ", parts));
        }

        /// <summary>Records the shape of each analyzer, with <paramref name="compilation"/> as the compilation it starts on.</summary>
        public static ImmutableArray<ActionShape> Record(IEnumerable<DiagnosticAnalyzer> analyzers, Compilation compilation)
            => analyzers.Select(a => Record(a, compilation)).ToImmutableArray();

        public static ActionShape Record(DiagnosticAnalyzer analyzer, Compilation compilation)
        {
            var shape = new ActionShape(analyzer.GetType().Name);
            var context = new RecordingAnalysisContext(shape);
            analyzer.Initialize(context);
            var someType = compilation.GetSpecialType(SpecialType.System_Object);
            foreach (var start in context.CompilationStarts)
            {
                var startContext = new RecordingCompilationStartContext(shape, compilation);
                start(startContext);
                foreach (var (kinds, action) in startContext.SymbolStarts)
                {
                    foreach (var kind in kinds)
                    {
                        var symbolShape = new SymbolStartShape(kind);
                        action(new RecordingSymbolStartContext(symbolShape, someType, compilation));
                        shape.SymbolStartActions.Add(symbolShape);
                    }
                }
            }

            return shape;
        }

        private sealed class RecordingAnalysisContext : AnalysisContext
        {
            private readonly ActionShape _shape;

            public RecordingAnalysisContext(ActionShape shape) => _shape = shape;

            public List<Action<CompilationStartAnalysisContext>> CompilationStarts { get; } = new();

            public override void EnableConcurrentExecution() => _shape.ConcurrentExecution = true;

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _shape.GeneratedCode = analysisMode;

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
            {
                _shape.CompilationStartActions++;
                CompilationStarts.Add(action);
            }

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _shape.Unsupported.Add("Compilation");

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _shape.Unsupported.Add("SyntaxTree");

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _shape.Unsupported.Add("SemanticModel");

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _shape.Unsupported.Add("Symbol in Initialize");

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _shape.Unsupported.Add("CodeBlockStart");

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _shape.Unsupported.Add("CodeBlock");

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _shape.Unsupported.Add("SyntaxNode in Initialize");

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _shape.Unsupported.Add("Operation in Initialize");

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _shape.Unsupported.Add("OperationBlock");

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _shape.Unsupported.Add("OperationBlockStart");

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _shape.Unsupported.Add("SymbolStart in Initialize");
        }

        private sealed class RecordingCompilationStartContext : CompilationStartAnalysisContext
        {
            private readonly ActionShape _shape;

            public RecordingCompilationStartContext(ActionShape shape, Compilation compilation)
                : base(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)
            {
                _shape = shape;
            }

            public List<(ImmutableArray<SymbolKind> Kinds, Action<SymbolStartAnalysisContext> Action)> SymbolStarts { get; } = new();

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
                => _shape.OperationActions.Add(operationKinds);

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
                => SymbolStarts.Add((ImmutableArray.Create(symbolKind), action));

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _shape.Unsupported.Add("CompilationEnd");

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _shape.Unsupported.Add("SemanticModel");

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _shape.Unsupported.Add("Symbol");

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _shape.Unsupported.Add("CodeBlockStart");

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _shape.Unsupported.Add("CodeBlock");

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _shape.Unsupported.Add("SyntaxTree");

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _shape.Unsupported.Add("SyntaxNode");

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _shape.Unsupported.Add("OperationBlock");

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _shape.Unsupported.Add("OperationBlockStart");
        }

        private sealed class RecordingSymbolStartContext : SymbolStartAnalysisContext
        {
            private readonly SymbolStartShape _shape;

            // Obsolete for drivers (use CompilationWithAnalyzers); this context only records, and no other constructor exists in Roslyn 4.8.
#pragma warning disable CS0618
            public RecordingSymbolStartContext(SymbolStartShape shape, ISymbol symbol, Compilation compilation)
                : base(symbol, compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)
            {
                _shape = shape;
            }
#pragma warning restore CS0618

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
                => _shape.OperationActions.Add(operationKinds);

            public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => _shape.SymbolEndActions++;

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _shape.Unsupported.Add("CodeBlockStart");

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _shape.Unsupported.Add("CodeBlock");

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _shape.Unsupported.Add("OperationBlockStart");

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _shape.Unsupported.Add("OperationBlock");

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _shape.Unsupported.Add("SyntaxNode");
        }
    }

    /// <summary>What a symbol-start action registers for its symbol.</summary>
    public sealed class SymbolStartShape
    {
        public SymbolStartShape(SymbolKind kind) => Kind = kind;

        public SymbolKind Kind { get; }

        public List<ImmutableArray<OperationKind>> OperationActions { get; } = new();

        public int SymbolEndActions { get; set; }

        public List<string> Unsupported { get; } = new();

        public override string ToString()
            => $"SymbolStart({Kind}: " + string.Join(", ", OperationActions.Select(k => "Operation(" + string.Join(", ", k) + ")").Concat(Enumerable.Repeat("SymbolEnd", SymbolEndActions)).Concat(Unsupported)) + ")";
    }
}
