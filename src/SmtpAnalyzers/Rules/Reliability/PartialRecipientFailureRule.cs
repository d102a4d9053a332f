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
    /// SMTP2003: a try around a send whose catch clauses lose the per-recipient outcome of RCPT: a catch of
    /// SmtpFailedRecipientsException without one of SmtpFailedRecipientException (the single-failure case goes
    /// elsewhere), a plural catch that never reads InnerExceptions (or reads its always-GeneralFailure StatusCode),
    /// a re-send of the same MailMessage after a recipient failure, and a catch of MailKit's SmtpCommandException
    /// that reads neither ErrorCode nor Mailbox.
    /// </summary>
    internal sealed class PartialRecipientFailureRule : SmtpRule
    {
        /// <summary>Diagnostic property: which of the rule's shapes was found.</summary>
        public const string KindProperty = "Kind";

        /// <summary><see cref="KindProperty"/>: a catch of the plural type with no catch of the singular one.</summary>
        public const string MissingSingleRecipientCatch = "MissingSingleRecipientCatch";

        /// <summary><see cref="KindProperty"/>: StatusCode read on SmtpFailedRecipientsException.</summary>
        public const string PluralStatusCode = "PluralStatusCode";

        /// <summary><see cref="KindProperty"/>: a plural catch that never reads InnerExceptions nor hands the exception on.</summary>
        public const string InnerExceptionsIgnored = "InnerExceptionsIgnored";

        /// <summary><see cref="KindProperty"/>: the same MailMessage sent again after a recipient failure.</summary>
        public const string Resend = "Resend";

        /// <summary><see cref="KindProperty"/>: a catch of SmtpCommandException that reads neither ErrorCode nor Mailbox.</summary>
        public const string CommandExceptionUndispatched = "CommandExceptionUndispatched";

        /// <summary>Diagnostic property, set when a fix keeps the behaviour: its value is the fix's shape.</summary>
        public const string FixProperty = "Fix";

        /// <summary>
        /// <see cref="FixProperty"/> value: insert <c>catch (SmtpFailedRecipientException) { throw; }</c> after the plural
        /// catch. Set only when no later clause of the try can catch the singular type, so that it escaped the try before.
        /// </summary>
        public const string RethrowFix = "Rethrow";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.PartialRecipientFailure);

        private static readonly ImmutableDictionary<string, string?> MissingFixable =
            Properties(MissingSingleRecipientCatch).Add(FixProperty, RethrowFix);

        private static readonly ImmutableDictionary<string, string?> MissingUnfixable = Properties(MissingSingleRecipientCatch);
        private static readonly ImmutableDictionary<string, string?> PluralStatusCodeProperties = Properties(PluralStatusCode);
        private static readonly ImmutableDictionary<string, string?> InnerExceptionsIgnoredProperties = Properties(InnerExceptionsIgnored);
        private static readonly ImmutableDictionary<string, string?> ResendProperties = Properties(Resend);
        private static readonly ImmutableDictionary<string, string?> CommandProperties = Properties(CommandExceptionUndispatched);

        private static ImmutableDictionary<string, string?> Properties(string kind)
            => ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind);

        public override void Start(RuleStart start)
        {
            var model = start.Model;
            var netMail = model.SystemNetMailClient is not null && model.SmtpFailedRecipientsException is not null && model.SmtpFailedRecipientException is not null;
            var mailKit = model.MailKitIMailTransport is not null && model.SmtpCommandException is not null;
            if (!netMail && !mailKit)
            {
                return;
            }

            start.OnTryAroundSend((c, facts) => AnalyzeTry(c, model, facts));
        }

        private static void AnalyzeTry(OperationAnalysisContext context, SmtpModel model, TryFacts facts)
        {
            var tryOperation = facts.Try;
            var catches = tryOperation.Catches;

            // Cheapest first: a catch of one of the three exception types, before the try body is walked.
            var recipientCatch = false;
            var commandCatch = false;
            foreach (var clause in catches)
            {
                if (IsRecipientCatch(clause, model))
                {
                    recipientCatch = true;
                }
                else if (SymbolRelations.IsType(clause.ExceptionType, model.SmtpCommandException))
                {
                    commandCatch = true;
                }
            }

            if (!recipientCatch && !commandCatch)
            {
                return;
            }

            // The sends whose exceptions reach these catches: in the try body, not in functions declared there, and not
            // the event-based SendAsync, whose failures go to SendCompleted.
            var netMailSend = false;
            var mailKitSend = false;
            var messages = new List<IOperation>();
            foreach (var (send, library) in facts.Sends)
            {
                if (library == SmtpLibrary.SystemNetMail)
                {
                    netMailSend = true;
                    var message = MessageArgument(send, model);
                    if (message is not null)
                    {
                        messages.Add(message);
                    }
                }
                else
                {
                    mailKitSend = true;
                }
            }

            // One clause that dispatches on ErrorCode or Mailbox (or hands the exception on) tells recipient
            // rejections apart for the whole try: the clauses after it see only the rest.
            var commandDispatched = mailKitSend && commandCatch && catches.Any(c =>
                SymbolRelations.IsType(c.ExceptionType, model.SmtpCommandException) && DistinguishesCommandFailure(model, c));

            for (var i = 0; i < catches.Length; i++)
            {
                var clause = catches[i];
                if (netMailSend && recipientCatch)
                {
                    if (SymbolRelations.IsType(clause.ExceptionType, model.SmtpFailedRecipientsException))
                    {
                        AnalyzeMissingSingleRecipientCatch(context, model, catches, i);
                        AnalyzePluralHandler(context, model, clause);
                    }

                    if (messages.Count > 0 && IsRecipientCatch(clause, model))
                    {
                        AnalyzeResend(context, model, clause, messages);
                    }
                }

                if (mailKitSend && commandCatch && !commandDispatched && SymbolRelations.IsType(clause.ExceptionType, model.SmtpCommandException))
                {
                    Report(
                        context,
                        CaughtTypeLocation(clause),
                        CommandProperties,
                        "this catch of SmtpCommandException reads neither ErrorCode nor Mailbox nor hands the exception on, so it cannot tell a rejected recipient from a rejected sender or message");
                }
            }
        }

        private static bool IsRecipientCatch(ICatchClauseOperation clause, SmtpModel model)
            => SymbolRelations.IsType(clause.ExceptionType, model.SmtpFailedRecipientsException)
                || SymbolRelations.IsType(clause.ExceptionType, model.SmtpFailedRecipientException);

        /// <summary>(1) The plural catch with no singular one: exactly one failed recipient goes elsewhere.</summary>
        private static void AnalyzeMissingSingleRecipientCatch(OperationAnalysisContext context, SmtpModel model, ImmutableArray<ICatchClauseOperation> catches, int index)
        {
            var single = model.SmtpFailedRecipientException;
            if (single is null)
            {
                return;
            }

            foreach (var clause in catches)
            {
                if (SymbolRelations.IsType(clause.ExceptionType, single))
                {
                    return;
                }
            }

            ICatchClauseOperation? destination = null;
            for (var j = index + 1; j < catches.Length; j++)
            {
                var later = catches[j];
                if (MentionsSingleRecipient(later, model))
                {
                    // The general handler looks for the single failure itself: be conservative.
                    return;
                }

                if (destination is null && SymbolRelations.IsCaughtBy(single, later.ExceptionType))
                {
                    destination = later;
                }
            }

            var plural = catches[index];
            if (destination is null && Rethrows(plural))
            {
                // Both cases reach the caller as the exception they were thrown as.
                return;
            }

            string where;
            if (destination is null)
            {
                where = "it escapes this try";
            }
            else
            {
                var name = destination.ExceptionType is null ? "the catch without a type" : "the catch of '" + destination.ExceptionType.Name + "'";
                where = destination.Filter is null ? "it goes to " + name + " below" : "it goes to the filtered " + name.Substring(4) + " below or escapes";
            }

            Report(
                context,
                CatchDeclarationLocation(plural),
                destination is null ? MissingFixable : MissingUnfixable,
                "when exactly one recipient fails, the send throws SmtpFailedRecipientException, which this catch does not catch: " + where);
        }

        /// <summary>(2) A plural catch that ignores InnerExceptions, or reads its own StatusCode (always GeneralFailure).</summary>
        private static void AnalyzePluralHandler(OperationAnalysisContext context, SmtpModel model, ICatchClauseOperation clause)
        {
            if (CatchClauseFacts.Of(clause, model).KeepsFailure)
            {
                return;
            }

            List<IOperation>? statusReads = null;
            foreach (var operation in FilterAndHandler(clause))
            {
                if (operation is IPropertyReferenceOperation reference)
                {
                    if (SymbolRelations.IsProperty(reference.Property, model.InnerExceptions))
                    {
                        return;
                    }

                    if (SymbolRelations.IsProperty(reference.Property, model.SmtpExceptionStatusCode)
                        && SymbolRelations.IsType(reference.Instance?.Type, model.SmtpFailedRecipientsException)
                        && !reference.IsImplicit)
                    {
                        (statusReads ??= new List<IOperation>()).Add(reference);
                    }
                }
            }

            if (statusReads is not null)
            {
                foreach (var read in statusReads)
                {
                    Report(
                        context,
                        read.Syntax.GetLocation(),
                        PluralStatusCodeProperties,
                        "the StatusCode of SmtpFailedRecipientsException is always GeneralFailure; each failed recipient's reply code is in InnerExceptions[i].StatusCode");
                }

                return;
            }

            Report(
                context,
                CaughtTypeLocation(clause),
                InnerExceptionsIgnoredProperties,
                "this catch never reads InnerExceptions, which holds each failed recipient and its reply code, nor hands the exception on");
        }

        /// <summary>(3) The same MailMessage sent again from a catch of a recipient failure.</summary>
        private static void AnalyzeResend(OperationAnalysisContext context, SmtpModel model, ICatchClauseOperation clause, List<IOperation> messages)
        {
            List<(IInvocationOperation Send, IOperation Message)>? resends = null;
            // A re-send delivers again however it reports its outcome, so the event-based SendAsync counts here.
            foreach (var (send, library) in model.SendsIn(clause.Handler, includeEventBased: true))
            {
                if (library != SmtpLibrary.SystemNetMail)
                {
                    continue;
                }

                var message = MessageArgument(send, model);
                if (message is not null && messages.Exists(m => SameVariable(m, message)))
                {
                    (resends ??= new List<(IInvocationOperation, IOperation)>()).Add((send, message));
                }
            }

            if (resends is null)
            {
                return;
            }

            foreach (var (send, message) in resends)
            {
                if (ChangesMessage(clause.Handler, message, send))
                {
                    continue;
                }

                Report(
                    context,
                    send.Syntax.GetLocation(),
                    ResendProperties,
                    "sending '" + message.Syntax + "' again after a recipient failure delivers it a second time to the recipients that accepted it; send a new message to the failed recipients whose reply was 4yz");
            }
        }

        /// <summary>(4) Whether a catch of SmtpCommandException reads ErrorCode or Mailbox, or hands the exception on.</summary>
        private static bool DistinguishesCommandFailure(SmtpModel model, ICatchClauseOperation clause)
        {
            if (CatchClauseFacts.Of(clause, model).KeepsFailure)
            {
                return true;
            }

            foreach (var operation in FilterAndHandler(clause))
            {
                if (operation is IPropertyReferenceOperation reference
                    && (SymbolRelations.IsProperty(reference.Property, model.SmtpCommandErrorCode) || SymbolRelations.IsProperty(reference.Property, model.SmtpCommandMailbox)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a later clause tests for, or reads, the single failed recipient itself.</summary>
        private static bool MentionsSingleRecipient(ICatchClauseOperation clause, SmtpModel model)
        {
            var single = model.SmtpFailedRecipientException;
            foreach (var operation in FilterAndHandler(clause))
            {
                switch (operation)
                {
                    case IIsTypeOperation isType when SymbolRelations.IsType(isType.TypeOperand, single):
                    case IDeclarationPatternOperation declaration when SymbolRelations.IsType(declaration.MatchedType, single):
                    case ITypePatternOperation typePattern when SymbolRelations.IsType(typePattern.MatchedType, single):
                    case IRecursivePatternOperation recursive when SymbolRelations.IsType(recursive.MatchedType, single):
                    case IConversionOperation conversion when SymbolRelations.IsType(conversion.Type, single):
                    case IPropertyReferenceOperation property when SymbolRelations.IsProperty(property.Property, model.FailedRecipient):
                        return true;
                }
            }

            return false;
        }

        /// <summary>Whether the handler rethrows: <c>throw;</c> or <c>throw ex;</c> with the caught exception.</summary>
        private static bool Rethrows(ICatchClauseOperation clause)
        {
            var local = CatchLocal(clause);
            foreach (var operation in clause.Handler.Descendants())
            {
                if (operation is IThrowOperation thrown
                    && (thrown.Exception is null || (local is not null && IsLocal(thrown.Exception, local))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the handler may change <paramref name="message"/> before <paramref name="send"/>: assigns the variable,
        /// calls a method of one of its properties (<c>message.To.Clear()</c>), or passes it to a method other than the send.
        /// </summary>
        private static bool ChangesMessage(IOperation handler, IOperation message, IInvocationOperation send)
        {
            foreach (var operation in handler.Descendants())
            {
                switch (operation)
                {
                    case IAssignmentOperation assignment when SameVariable(assignment.Target, message)
                        || (assignment.Target is IMemberReferenceOperation member && member.Instance is not null && SameVariable(member.Instance, message)):
                        return true;
                    case IInvocationOperation invocation when !ReferenceEquals(invocation, send)
                        && invocation.Instance is IMemberReferenceOperation { Instance: { } owner } && SameVariable(owner, message):
                        return true;
                    case IArgumentOperation argument when !ReferenceEquals(argument.Parent, send) && SameVariable(argument.Value, message):
                        return true;
                }
            }

            return false;
        }

        /// <summary>The MailMessage passed to a System.Net.Mail send, without its implicit conversions; null for the string overloads.</summary>
        private static IOperation? MessageArgument(IInvocationOperation send, SmtpModel model)
        {
            foreach (var argument in send.Arguments)
            {
                if (SymbolRelations.IsType(argument.Parameter?.Type, model.MailMessage))
                {
                    return Unwrap.ImplicitConversionsAndParentheses(argument.Value);
                }
            }

            return null;
        }

        /// <summary>Whether two expressions name the same variable: a local, a parameter, <c>this</c>, or a field or property of one.</summary>
        private static bool SameVariable(IOperation? first, IOperation? second)
        {
            first = first is null ? null : Unwrap.ImplicitConversionsAndParentheses(first);
            second = second is null ? null : Unwrap.ImplicitConversionsAndParentheses(second);
            switch (first)
            {
                case ILocalReferenceOperation local:
                    return second is ILocalReferenceOperation otherLocal && SymbolEqualityComparer.Default.Equals(local.Local, otherLocal.Local);
                case IParameterReferenceOperation parameter:
                    return second is IParameterReferenceOperation otherParameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, otherParameter.Parameter);
                case IInstanceReferenceOperation:
                    return second is IInstanceReferenceOperation;
                case IFieldReferenceOperation field:
                    return second is IFieldReferenceOperation otherField
                        && SymbolEqualityComparer.Default.Equals(field.Field, otherField.Field)
                        && SameInstance(field.Instance, otherField.Instance);
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                    return second is IPropertyReferenceOperation otherProperty
                        && otherProperty.Arguments.IsEmpty
                        && SymbolEqualityComparer.Default.Equals(property.Property, otherProperty.Property)
                        && SameInstance(property.Instance, otherProperty.Instance);
                default:
                    return false;
            }
        }

        private static bool SameInstance(IOperation? first, IOperation? second)
            => (first is null && second is null) || (first is not null && second is not null && SameVariable(first, second));

        private static bool IsLocal(IOperation operation, ILocalSymbol local)
            => Unwrap.ImplicitConversionsAndParentheses(operation) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

        private static ILocalSymbol? CatchLocal(ICatchClauseOperation clause)
            => (clause.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol;

        /// <summary>Every operation of the clause's filter and handler, functions declared there included.</summary>
        private static IEnumerable<IOperation> FilterAndHandler(ICatchClauseOperation clause)
        {
            if (clause.Filter is not null)
            {
                yield return clause.Filter;
                foreach (var operation in clause.Filter.Descendants())
                {
                    yield return operation;
                }
            }

            foreach (var operation in clause.Handler.Descendants())
            {
                yield return operation;
            }
        }

        /// <summary><c>catch (SmtpFailedRecipientsException ex)</c>: from the keyword to the end of the declaration.</summary>
        private static Location CatchDeclarationLocation(ICatchClauseOperation clause)
        {
            if (clause.Syntax is CatchClauseSyntax syntax)
            {
                var end = syntax.Declaration?.Span.End ?? syntax.CatchKeyword.Span.End;
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, end));
            }

            return clause.Syntax.GetLocation();
        }

        /// <summary>The caught type as written in the declaration.</summary>
        private static Location CaughtTypeLocation(ICatchClauseOperation clause)
            => clause.Syntax is CatchClauseSyntax { Declaration: { } declaration }
                ? declaration.Type.GetLocation()
                : CatchDeclarationLocation(clause);

        private static void Report(OperationAnalysisContext context, Location location, ImmutableDictionary<string, string?> properties, string reason)
            => context.ReportDiagnostic(Diagnostic.Create(Descriptors.PartialRecipientFailure, location, properties, reason));
    }
}
