using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Tests.Infrastructure;

namespace SmtpAnalyzers.Tests.Robustness
{
    /// <summary>What the harness checks for one input.</summary>
    internal enum StressLevel
    {
        /// <summary>
        /// Incomplete code: analyzers must not throw, and every fixer must register its fixes without throwing.
        /// Compile errors are expected, so fixes are not applied.
        /// </summary>
        NoExceptions,

        /// <summary>
        /// Incomplete code with its fixes applied: no fix throws, and none adds a compiler error the cut input did not
        /// already have (compared as a multiset of error messages).
        /// </summary>
        Fixes,

        /// <summary>
        /// Also apply every offered fix and fix-all (errors compared with the input's own errors), and compare the
        /// diagnostics of a concurrent and a sequential analyzer run.
        /// </summary>
        Full,
    }

    /// <summary>One piece of C# for the stress suite, with where it came from (printed on failure).</summary>
    internal sealed class StressInput
    {
        public StressInput(string origin, string text, LanguageVersion languageVersion, bool mustCompile = false)
        {
            Origin = origin;
            Text = text;
            LanguageVersion = languageVersion;
            MustCompile = mustCompile;
        }

        public string Origin { get; }

        public string Text { get; }

        public LanguageVersion LanguageVersion { get; }

        /// <summary>The input is well-formed code (the generated corpus): it must compile with no error before any fix.</summary>
        public bool MustCompile { get; }

        public override string ToString() => $"{Origin} (C# {LanguageVersion.ToDisplayString()})";
    }

    /// <summary>Counters and failures of a stress run, safe to fill from several threads.</summary>
    internal sealed class StressReport
    {
        private readonly ConcurrentQueue<string> _failures = new ConcurrentQueue<string>();
        private int _inputs;
        private int _diagnostics;
        private int _fixesApplied;
        private int _fixAllRuns;
        private int _fixAllSecondPass;

        public int Inputs => _inputs;

        public int Diagnostics => _diagnostics;

        public int FixesApplied => _fixesApplied;

        public int FixAllRuns => _fixAllRuns;

        /// <summary>Fix-all runs whose first application left diagnostics that a second application fixed.</summary>
        public int FixAllSecondPass => _fixAllSecondPass;

        public IReadOnlyCollection<string> Failures => _failures;

        public void CountInput() => Interlocked.Increment(ref _inputs);

        public void CountDiagnostics(int count) => Interlocked.Add(ref _diagnostics, count);

        public void CountFix() => Interlocked.Increment(ref _fixesApplied);

        public void CountFixAll(bool neededSecondPass)
        {
            Interlocked.Increment(ref _fixAllRuns);
            if (neededSecondPass)
            {
                Interlocked.Increment(ref _fixAllSecondPass);
            }
        }

        private readonly ConcurrentDictionary<string, int> _kinds = new ConcurrentDictionary<string, int>();

        /// <summary>How many failures of each kind (the check and the analyzer or fixer that failed it).</summary>
        public string Kinds => string.Join("\n", _kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Value,6} {k.Key}"));

        public void Fail(StressInput input, string kind, string what)
        {
            _kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
            _failures.Enqueue($"{input}: {what}\n----- input -----\n{input.Text}\n-----------------");
        }

        public string Summary(string name)
            => string.Format(
                CultureInfo.InvariantCulture,
                "{0}: {1} inputs checked, {2} SMTP diagnostics, {3} fixes applied, {4} fix-all runs ({5} needed a second pass), {6} failures",
                name, Inputs, Diagnostics, FixesApplied, FixAllRuns, FixAllSecondPass, _failures.Count);
    }

    /// <summary>
    /// Drives Roslyn directly (no Microsoft.CodeAnalysis.Testing: too slow per input): one immutable solution per
    /// language version holding a project with <see cref="TestReferences.All"/>, forked per input. Every analyzer
    /// of the analyzer assembly and every code fix of the fixes assembly runs on every input.
    /// </summary>
    internal sealed class StressHarness
    {
        /// <summary>Fix-all is applied at most this many times before the run counts as not converging.</summary>
        public const int MaxFixAllPasses = 3;

        public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = RuleCatalogTests.AnalyzerTypes()
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(SmtpAnalyzers.ReplyCodes.UseNamedStatusCodeCodeFixProvider).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        private static readonly ConcurrentDictionary<LanguageVersion, (Solution Solution, ProjectId ProjectId)> Bases = new();

        private readonly StressReport _report;

        public StressHarness(StressReport report) => _report = report;

        /// <summary>Runs the checks of <paramref name="level"/> on <paramref name="input"/>; failures go to the report.</summary>
        public async Task CheckAsync(StressInput input, StressLevel level)
        {
            _report.CountInput();
            try
            {
                await CheckCoreAsync(input, level).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _report.Fail(input, "harness threw", "the harness itself threw (a fixer's code action or a workspace operation): " + ex);
            }
        }

        private async Task CheckCoreAsync(StressInput input, StressLevel level)
        {
            var (baseSolution, projectId) = Base(input.LanguageVersion);
            var documentId = DocumentId.CreateNewId(projectId, "Input.cs");
            var solution = baseSolution.AddDocument(documentId, "Input.cs", SourceText.From(input.Text), filePath: "Input.cs");
            var document = solution.GetDocument(documentId)!;
            var compilation = (await document.Project.GetCompilationAsync().ConfigureAwait(false))!;

            if (input.MustCompile)
            {
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0)
                {
                    _report.Fail(input, "generated program does not compile", "the generated program does not compile (a generator bug):\n" + string.Join("\n", errors));
                    return;
                }
            }

            var diagnostics = await AnalyzeAsync(input, compilation, concurrent: true).ConfigureAwait(false);
            if (diagnostics is null)
            {
                return;
            }

            _report.CountDiagnostics(diagnostics.Value.Length);
            if (level == StressLevel.Full)
            {
                var sequential = await AnalyzeAsync(input, compilation, concurrent: false).ConfigureAwait(false);
                if (sequential is not null && !Describe(sequential.Value).SequenceEqual(Describe(diagnostics.Value)))
                {
                    _report.Fail(input, "nondeterministic diagnostics", "diagnostics differ between a concurrent and a sequential run:\nconcurrent:\n"
                        + string.Join("\n", Describe(diagnostics.Value)) + "\nsequential:\n" + string.Join("\n", Describe(sequential.Value)));
                }
            }

            var actions = new List<(CodeFixProvider Fixer, CodeAction Action, Diagnostic Diagnostic)>();
            foreach (var diagnostic in diagnostics.Value)
            {
                foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add((fixer, action, diagnostic)), CancellationToken.None);
                    try
                    {
                        await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        _report.Fail(input, fixer.GetType().Name + " registration threw", $"{fixer.GetType().Name}.RegisterCodeFixesAsync threw for {Describe(diagnostic)}: {ex}");
                    }
                }
            }

            if (level == StressLevel.NoExceptions || actions.Count == 0)
            {
                return;
            }

            var errorsBefore = ErrorKeys(compilation);
            foreach (var (fixer, action, diagnostic) in actions)
            {
                Solution changed;
                try
                {
                    changed = await ApplyAsync(action, solution).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    _report.Fail(input, fixer.GetType().Name + " fix threw", $"the fix '{action.Title}' of {fixer.GetType().Name} threw for {Describe(diagnostic)}: {ex}");
                    continue;
                }

                _report.CountFix();
                var introduced = await NewErrorsAsync(errorsBefore, changed, projectId).ConfigureAwait(false);
                if (introduced.Count > 0)
                {
                    _report.Fail(input, fixer.GetType().Name + " fix introduces errors", $"the fix '{action.Title}' of {fixer.GetType().Name} for {Describe(diagnostic)} introduces errors:\n"
                        + string.Join("\n", introduced) + "\n----- fixed -----\n" + await TextOfAsync(changed, documentId).ConfigureAwait(false));
                }
            }

            if (level != StressLevel.Full)
            {
                return;
            }

            foreach (var group in actions.Where(a => a.Action.EquivalenceKey is not null).GroupBy(a => (a.Fixer, a.Action.EquivalenceKey)))
            {
                await CheckFixAllAsync(input, group.Key.Fixer, group.Key.EquivalenceKey!, solution, documentId, errorsBefore).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Fix-all in document scope, applied until nothing changes. The contract:
        /// <list type="bullet">
        /// <item>no application throws, and none introduces a compiler error the input did not have;</item>
        /// <item>it converges: some application among the first <see cref="MaxFixAllPasses"/> changes nothing (or no
        /// fix is left to offer). One application is expected to do everything; a second is allowed only because a fix
        /// may cover several diagnostics and then skips the ones nested inside what it rewrote (for instance a bound
        /// and the magic code inside it), which it reports again afterwards. The run counts such cases;</item>
        /// <item>an application that changes nothing is the fixed point: applying fix-all again to fixed code
        /// leaves every document (including the generated holder) byte for byte the same.</item>
        /// </list>
        /// </summary>
        private async Task CheckFixAllAsync(StressInput input, CodeFixProvider fixer, string equivalenceKey, Solution solution, DocumentId documentId, Dictionary<string, int> errorsBefore)
        {
            var fixAll = fixer.GetFixAllProvider();
            if (fixAll is null)
            {
                return;
            }

            var current = solution;
            for (var pass = 1; ; pass++)
            {
                var document = current.GetDocument(documentId)!;
                var provider = new StressDiagnosticProvider(this, input);
                var context = new FixAllContext(document, fixer, FixAllScope.Document, equivalenceKey, fixer.FixableDiagnosticIds, provider, CancellationToken.None);
                CodeAction? action;
                Solution next;
                try
                {
                    action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
                    next = action is null ? current : await ApplyAsync(action, current).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    _report.Fail(input, fixer.GetType().Name + " fix-all threw", $"fix-all of {fixer.GetType().Name} ({equivalenceKey}) threw on pass {pass}: {ex}");
                    return;
                }

                if (await SameTextAsync(current, next).ConfigureAwait(false))
                {
                    _report.CountFixAll(neededSecondPass: pass > 2);
                    return;
                }

                if (pass == MaxFixAllPasses)
                {
                    _report.Fail(input, fixer.GetType().Name + " fix-all does not converge", $"fix-all of {fixer.GetType().Name} ({equivalenceKey}) still changes the code on pass {pass}:\n"
                        + await TextOfAsync(next, documentId).ConfigureAwait(false));
                    return;
                }

                var introduced = await NewErrorsAsync(errorsBefore, next, documentId.ProjectId).ConfigureAwait(false);
                if (introduced.Count > 0)
                {
                    _report.Fail(input, fixer.GetType().Name + " fix-all introduces errors", $"fix-all of {fixer.GetType().Name} ({equivalenceKey}) pass {pass} introduces errors:\n"
                        + string.Join("\n", introduced) + "\n----- fixed -----\n" + await TextOfAsync(next, documentId).ConfigureAwait(false));
                    return;
                }

                current = next;
            }
        }

        /// <summary>Runs every analyzer; null (and a failure) when one of them threw.</summary>
        internal async Task<ImmutableArray<Diagnostic>?> AnalyzeAsync(StressInput input, Compilation compilation, bool concurrent)
        {
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (ex, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw: {ex}"),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            foreach (var crash in diagnostics.Where(d => d.Id == "AD0001"))
            {
                exceptions.Enqueue(crash.GetMessage(CultureInfo.InvariantCulture));
            }

            if (!exceptions.IsEmpty)
            {
                _report.Fail(input, "analyzer exception (AD0001)", "analyzer exception (AD0001):\n" + string.Join("\n", exceptions.Distinct()));
                return null;
            }

            return diagnostics.Where(d => d.Id.StartsWith("SMTP", StringComparison.Ordinal)).ToImmutableArray();
        }

        private static (Solution, ProjectId) Base(LanguageVersion languageVersion)
            => Bases.GetOrAdd(languageVersion, version =>
            {
                var workspace = new AdhocWorkspace();
                var projectId = ProjectId.CreateNewId("Stress");
                var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable)
                    .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1998"] = ReportDiagnostic.Suppress });
                var project = ProjectInfo.Create(projectId, VersionStamp.Default, "Stress", "Stress", LanguageNames.CSharp,
                    compilationOptions: compilationOptions,
                    parseOptions: new CSharpParseOptions(version),
                    metadataReferences: TestReferences.All);
                var solution = workspace.CurrentSolution.AddProject(project);

                // Bind the references once: every input forks this solution and reuses them.
                solution.GetProject(projectId)!.GetCompilationAsync().GetAwaiter().GetResult();
                return (solution, projectId);
            });

        private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
            var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault();
            return apply?.ChangedSolution ?? solution;
        }

        /// <summary>
        /// Errors keyed by "ID: message" (positions move when a fix edits the text, messages do not). A fix introduces an
        /// error when a key appears that the input did not have. Counts are kept for the report but not compared: a fix
        /// that moves a body into two catch clauses (SMTP2001) repeats that body's existing errors, which are not new.
        /// </summary>
        private static Dictionary<string, int> ErrorKeys(Compilation compilation)
            => compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .GroupBy(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture))
                .ToDictionary(g => g.Key, g => g.Count());

        private static async Task<List<string>> NewErrorsAsync(Dictionary<string, int> before, Solution changed, ProjectId projectId)
        {
            var compilation = (await changed.GetProject(projectId)!.GetCompilationAsync().ConfigureAwait(false))!;
            var after = ErrorKeys(compilation);
            return after.Keys.Where(k => !before.ContainsKey(k)).ToList();
        }

        private static async Task<bool> SameTextAsync(Solution a, Solution b)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            var projectA = a.Projects.Single();
            var projectB = b.Projects.Single();
            if (!projectA.DocumentIds.OrderBy(d => d.Id).SequenceEqual(projectB.DocumentIds.OrderBy(d => d.Id)))
            {
                return false;
            }

            foreach (var documentA in projectA.Documents)
            {
                var textA = await documentA.GetTextAsync().ConfigureAwait(false);
                var textB = await projectB.GetDocument(documentA.Id)!.GetTextAsync().ConfigureAwait(false);
                if (!textA.ContentEquals(textB))
                {
                    return false;
                }
            }

            return true;
        }

        private static async Task<string> TextOfAsync(Solution solution, DocumentId documentId)
        {
            var parts = new List<string>();
            foreach (var document in solution.GetProject(documentId.ProjectId)!.Documents)
            {
                parts.Add("// " + document.Name + "\n" + (await document.GetTextAsync().ConfigureAwait(false)));
            }

            return string.Join("\n", parts);
        }

        private static string Describe(Diagnostic diagnostic)
            => $"{diagnostic.Id} at {diagnostic.Location.SourceSpan} '{diagnostic.Location.SourceTree?.GetText().ToString(diagnostic.Location.SourceSpan)}'";

        private static IEnumerable<string> Describe(ImmutableArray<Diagnostic> diagnostics)
            => diagnostics.Select(d => $"{d.Id} {d.Location.SourceSpan} {d.GetMessage(CultureInfo.InvariantCulture)} {string.Join(",", d.Properties.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value))}")
                .OrderBy(s => s, StringComparer.Ordinal);

        /// <summary>Diagnostics for fix-all: the analyzers run again on the document as it is now.</summary>
        private sealed class StressDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly StressHarness _harness;
            private readonly StressInput _input;

            public StressDiagnosticProvider(StressHarness harness, StressInput input)
            {
                _harness = harness;
                _input = input;
            }

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                return (await GetAllDiagnosticsAsync(document.Project, cancellationToken).ConfigureAwait(false)).Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult(Enumerable.Empty<Diagnostic>());

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            {
                var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
                var diagnostics = await _harness.AnalyzeAsync(_input, compilation, concurrent: true).ConfigureAwait(false);
                return diagnostics ?? ImmutableArray<Diagnostic>.Empty;
            }
        }
    }
}
