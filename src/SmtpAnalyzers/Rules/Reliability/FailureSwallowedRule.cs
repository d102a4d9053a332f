using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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

        private static readonly ImmutableDictionary<string, string?> SystemNetMailProperties =
            ImmutableDictionary<string, string?>.Empty.Add(LibraryProperty, SmtpLibraries.Name(SmtpLibrary.SystemNetMail));

        private static readonly ImmutableDictionary<string, string?> MailKitProperties =
            ImmutableDictionary<string, string?>.Empty.Add(LibraryProperty, SmtpLibraries.Name(SmtpLibrary.MailKit));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.FailureSwallowed, Descriptors.ConnectionFailureSwallowed);

        public override void Start(RuleStart start)
        {
            // A try around a send needs a send, so a compilation without either library never reaches the handler.
            var model = start.Model;
            start.OnTryAroundSend((c, facts) => AnalyzeTry(c, model, facts));
        }

        private static void AnalyzeTry(OperationAnalysisContext context, SmtpModel model, TryFacts facts)
        {
            var tryOperation = facts.Try;
            if (IsExempt(context.ContainingSymbol, context.Options, tryOperation))
            {
                return;
            }

            var systemNetMail = false;
            var mailKit = false;
            foreach (var send in facts.Sends)
            {
                systemNetMail |= send.Library == SmtpLibrary.SystemNetMail;
                mailKit |= send.Library == SmtpLibrary.MailKit;
            }

            // The failure types still uncaught before each clause, in clause order (C# order rules apply). The list is the
            // thread's, borrowed for this try and given back cleared.
            var failures = t_failures ?? new List<INamedTypeSymbol>(4);
            t_failures = null;
            try
            {
                if (systemNetMail)
                {
                    model.AddFailureTypes(SmtpLibrary.SystemNetMail, failures);
                }

                if (mailKit)
                {
                    model.AddFailureTypes(SmtpLibrary.MailKit, failures);
                }

                AnalyzeCatches(context, model, facts, failures, systemNetMail, mailKit);
            }
            finally
            {
                failures.Clear();
                t_failures = failures;
            }
        }

        [ThreadStatic]
        private static List<INamedTypeSymbol>? t_failures;

        private static void AnalyzeCatches(OperationAnalysisContext context, SmtpModel model, TryFacts facts, List<INamedTypeSymbol> failures, bool systemNetMail, bool mailKit)
        {
            var tryOperation = facts.Try;
            var separatedEarlier = false;
            foreach (var clause in tryOperation.Catches)
            {
                var caught = clause.ExceptionType;
                var received = Received(failures, caught, model);

                // Once an earlier clause has taken failures by their reply code ("when (ex.StatusCode.IsTransientFailure())"),
                // the clauses after it see a remainder already told apart from them.
                if (received != Failure.None && !separatedEarlier && !Handles(clause, model, received) && !ExitsWithFailure(clause, context.ContainingSymbol))
                {
                    var syntax = (CatchClauseSyntax)clause.Syntax;
                    var end = syntax.Filter?.Span.End ?? syntax.Declaration?.Span.End ?? syntax.CatchKeyword.Span.End;
                    var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, end));
                    var caughtName = syntax.Declaration is null ? "every exception" : caught.Name;
                    // The fix splits a clause by reply class: nothing to split where no reply arrives (and a clause for the
                    // reply's type would repeat an earlier one), so a connection failure gets no library and no fix.
                    var properties = systemNetMail == mailKit ? ImmutableDictionary<string, string?>.Empty
                        : systemNetMail ? SystemNetMailProperties
                        : MailKitProperties;
                    properties = WrapperPathProperty.With(properties, facts.PathSuffix.Length == 0 ? null : facts.Through?.Path)!;
                    var (descriptor, reported) = received == Failure.Connection
                        ? (Descriptors.ConnectionFailureSwallowed, properties.Remove(LibraryProperty))
                        : (Descriptors.FailureSwallowed, properties);
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, location, reported, caughtName, facts.PathSuffix));
                }

                if (clause.Filter is not null && ReplyRead.ReadsReply(clause.Filter, model))
                {
                    separatedEarlier = true;
                }

                if (clause.Filter is null)
                {
                    // An unfiltered clause takes every failure of its type away from the clauses after it.
                    for (var i = failures.Count - 1; i >= 0; i--)
                    {
                        if (caught.SpecialType == SpecialType.System_Object || SymbolRelations.IsOrDerivesFrom(failures[i], caught as INamedTypeSymbol))
                        {
                            failures.RemoveAt(i);
                        }
                    }

                    if (failures.Count == 0)
                    {
                        return;
                    }
                }
            }
        }

        /// <summary>What a clause can receive of the send failures still uncaught before it.</summary>
        private enum Failure
        {
            /// <summary>Nothing, or only MailKit's ServiceNotAuthenticatedException: its type is its classification (530,
            /// authentication required), and it has no reply code to lose.</summary>
            None,

            /// <summary>A failure with a reply code: System.Net.Mail's SmtpException, MailKit's SmtpCommandException.</summary>
            Reply,

            /// <summary>No reply, but MailKit's SmtpProtocolException: a connection failure.</summary>
            Connection,
        }

        private static Failure Received(List<INamedTypeSymbol> failures, ITypeSymbol caught, SmtpModel model)
        {
            var received = Failure.None;
            foreach (var failure in failures)
            {
                if (!(caught.SpecialType == SpecialType.System_Object
                    || SymbolRelations.IsOrDerivesFrom(failure, caught as INamedTypeSymbol)
                    || SymbolRelations.IsOrDerivesFrom(caught, failure)))
                {
                    continue;
                }

                if (SymbolRelations.IsOrDerivesFrom(failure, model.MailKitProtocolException))
                {
                    received = received == Failure.None ? Failure.Connection : received;
                }
                else if (!SymbolRelations.IsOrDerivesFrom(failure, model.ServiceNotAuthenticatedException))
                {
                    return Failure.Reply;
                }
            }

            return received;
        }

        /// <summary>
        /// Whether the clause keeps the failure (<see cref="CatchClauseFacts"/>): it rethrows it, hands the exception object on
        /// (a wrapping exception included), reads the reply code (unless it only logs it and ends as if the mail was sent),
        /// or looks at the exception other than as text.
        /// </summary>
        private static bool Handles(ICatchClauseOperation clause, SmtpModel model, Failure received)
        {
            var facts = CatchClauseFacts.Of(clause, model);
            if (facts.KeepsFailure)
            {
                return true;
            }

            var endsAsIfSent = clause.Parent is ITryOperation tryOperation && EndsAsIfSent(tryOperation);
            if (received == Failure.Connection)
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
