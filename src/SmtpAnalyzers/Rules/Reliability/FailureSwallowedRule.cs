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
    internal sealed partial class FailureSwallowedRule : SmtpRule
    {
        /// <summary>Diagnostic property: the library of the sends in the try block, when there is exactly one.</summary>
        public const string LibraryProperty = "Library";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.FailureSwallowed, Descriptors.ConnectionFailureSwallowed);

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
            if (IsExempt(context.ContainingSymbol, context.Options, tryOperation))
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
            properties = WrapperPathProperty.With(properties, facts.PathSuffix.Length == 0 ? null : facts.Through?.Path)!;

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
                    var descriptor = SymbolRelations.IsOrDerivesFrom(caught, model.MailKitProtocolException)
                        ? Descriptors.ConnectionFailureSwallowed
                        : Descriptors.FailureSwallowed;
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, caughtName, facts.PathSuffix));
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
        /// (a wrapping exception included), reads the reply code (unless it only logs it and ends as if the mail was sent),
        /// or looks at the exception other than as text.
        /// </summary>
        private static bool Handles(ICatchClauseOperation clause, SmtpModel model)
        {
            var facts = CatchClauseFacts.Of(clause, model);
            if (facts.KeepsFailure)
            {
                return true;
            }

            var endsAsIfSent = clause.Parent is ITryOperation tryOperation && EndsAsIfSent(tryOperation);
            if (SymbolRelations.IsOrDerivesFrom(clause.ExceptionType, model.MailKitProtocolException))
            {
                // A connection failure has no reply to lose: it is swallowed only when nothing is done about it
                // (a reconnect, a send again, a status set for a later retry all are).
                return !(OnlyLogs(clause, facts.Local) && endsAsIfSent);
            }

            return (facts.ReadsReply || facts.Inspects)
                && !(facts.ReadsReply && OnlyLogs(clause, facts.Local) && endsAsIfSent);
        }
    }
}
