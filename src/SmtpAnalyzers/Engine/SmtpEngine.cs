using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Engine
{
    /// <summary>
    /// The engine every SmtpAnalyzers rule runs in: at compilation start it applies the usage gate once, drops the rules
    /// whose diagnostics are all configured off, lets the others subscribe, and registers each operation kind they asked
    /// for once (<see cref="Dispatcher"/>). The package exports one engine with every rule
    /// (<see cref="SmtpRulesAnalyzer"/>); engines with a subset of the rules serve the tests and the benchmark's time per rule.
    /// </summary>
    public abstract class SmtpEngine : DiagnosticAnalyzer
    {
        private readonly ImmutableArray<SmtpRule> _rules;

        /// <summary>An engine with the rules that report any of <paramref name="ruleIds"/>; every rule when none is given.</summary>
        protected SmtpEngine(params string[] ruleIds)
        {
            _rules = RuleCatalog.Select(ruleIds);
            if (_rules.IsEmpty)
            {
                throw new ArgumentException("No rule reports " + string.Join(", ", ruleIds), nameof(ruleIds));
            }

            var descriptors = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
            var seen = new HashSet<DiagnosticDescriptor>();
            foreach (var rule in _rules)
            {
                foreach (var descriptor in rule.SupportedDiagnostics)
                {
                    if (seen.Add(descriptor))
                    {
                        descriptors.Add(descriptor);
                    }
                }
            }

            SupportedDiagnostics = descriptors.ToImmutable();
        }

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(Start);
        }

        private void Start(CompilationStartAnalysisContext context)
        {
            var model = SmtpModel.TryCreate(context.Compilation, context.CancellationToken);
            if (model is null)
            {
                return;
            }

            var start = new RuleStart(model, context.Options);
            foreach (var rule in _rules)
            {
                if (RuleEnablement.IsEnabled(rule, context.Compilation, context.Options, context.CancellationToken))
                {
                    rule.Start(start);
                }
            }

            if (start.Tries.Count > 0 || start.SourceInvocations.Count > 0)
            {
                // The rules that follow send wrappers will ask for the reach index at their first try or source call. Built
                // here, once and on one thread, it is not built inside an operation callback while the driver's other
                // threads wait for it in theirs.
                model.Wrappers.PrepareReach(context.CancellationToken);
            }

            Dispatcher.Register(start, context);
        }
    }

    /// <summary>The package's analyzer: every SmtpAnalyzers rule, behind one usage gate and one dispatch per operation kind.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SmtpRulesAnalyzer : SmtpEngine
    {
        public SmtpRulesAnalyzer()
        {
        }
    }
}
