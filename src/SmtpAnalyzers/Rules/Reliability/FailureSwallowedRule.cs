using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Catches;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2001: a catch clause that receives the failure of a send in its try block and neither rethrows (or
    /// wraps it), nor reads the reply code, nor hands the exception object on: the reply class is lost.
    /// </summary>
    internal sealed class FailureSwallowedRule : SmtpRule
    {
        /// <summary>Diagnostic property: the library of the sends in the try block, when there is exactly one.</summary>
        public const string LibraryProperty = "Library";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.FailureSwallowed);

        public override void Start(RuleStart start)
        {
            var model = start.Model;
            if (model.SystemNetMailClient is null && model.MailKitIMailTransport is null)
            {
                return;
            }

            start.OnTryAroundSend((c, facts) => AnalyzeTry(c, model, facts));
        }

        private static void AnalyzeTry(OperationAnalysisContext context, SmtpModel model, TryFacts facts)
        {
            var tryOperation = facts.Try;
            if (IsExempt(context.ContainingSymbol))
            {
                return;
            }

            var libraries = new HashSet<SmtpLibrary>();
            foreach (var send in facts.Sends)
            {
                libraries.Add(send.Library);
            }

            // The failure types still uncaught before each clause, in clause order (C# order rules apply).
            var failures = libraries.SelectMany(model.FailureTypes).ToList();
            var properties = libraries.Count == 1
                ? ImmutableDictionary<string, string?>.Empty.Add(LibraryProperty, libraries.First().ToString())
                : ImmutableDictionary<string, string?>.Empty;

            var separatedEarlier = false;
            foreach (var clause in tryOperation.Catches)
            {
                var caught = clause.ExceptionType;
                var receives = failures.Any(f => SymbolRelations.IsOrDerivesFrom(f, caught as INamedTypeSymbol) || SymbolRelations.IsOrDerivesFrom(caught, f))
                    || caught.SpecialType == SpecialType.System_Object;

                // Once an earlier clause has taken failures by their reply code ("when (ex.StatusCode.IsTransientFailure())"),
                // the clauses after it see a remainder already told apart from them.
                if (receives && !separatedEarlier && !Handles(clause, model))
                {
                    var syntax = (CatchClauseSyntax)clause.Syntax;
                    var end = syntax.Filter?.Span.End ?? syntax.Declaration?.Span.End ?? syntax.CatchKeyword.Span.End;
                    var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, end));
                    var caughtName = syntax.Declaration is null ? "every exception" : caught.Name;
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.FailureSwallowed, location, properties, caughtName, facts.PathSuffix));
                }

                if (clause.Filter is not null && ReplyRead.ReadsReply(clause.Filter, model))
                {
                    separatedEarlier = true;
                }

                if (clause.Filter is null)
                {
                    // An unfiltered clause takes every failure of its type away from the clauses after it.
                    failures.RemoveAll(f => SymbolRelations.IsOrDerivesFrom(f, caught as INamedTypeSymbol) || caught.SpecialType == SpecialType.System_Object);
                    if (failures.Count == 0)
                    {
                        return;
                    }
                }
            }
        }

        /// <summary>
        /// Whether the clause keeps the failure (<see cref="CatchClauseFacts"/>): it rethrows it, hands the exception object on
        /// (a wrapping exception included), reads the reply code, or looks at the exception other than as text.
        /// </summary>
        private static bool Handles(ICatchClauseOperation clause, SmtpModel model)
        {
            var facts = CatchClauseFacts.Of(clause, model);
            return facts.KeepsFailure || facts.ReadsReply || facts.Inspects;
        }

        /// <summary>
        /// Interactive "send a test mail" actions show the server's reply text to an administrator, and unit tests
        /// assert on it: a method or type whose name says Test is left alone.
        /// </summary>
        private static bool IsExempt(ISymbol symbol)
        {
            for (var current = symbol; current is not null; current = current.ContainingSymbol)
            {
                if (current is IMethodSymbol or INamedTypeSymbol && current.Name.IndexOf("Test", StringComparison.Ordinal) >= 0)
                {
                    return true;
                }

                if (current is INamespaceSymbol)
                {
                    return false;
                }
            }

            return false;
        }
    }
}
