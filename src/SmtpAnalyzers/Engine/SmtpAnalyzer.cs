using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Engine
{
    /// <summary>
    /// Base of every SmtpAnalyzers analyzer: builds the per-compilation <see cref="SmtpModel"/> and registers
    /// the rule's actions only when the compilation uses SMTP.
    /// </summary>
    public abstract class SmtpAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var model = SmtpModel.TryCreate(start.Compilation, start.CancellationToken);
                if (model is not null)
                {
                    Register(start, model);
                }
            });
        }

        private protected abstract void Register(CompilationStartAnalysisContext context, SmtpModel model);
    }
}
