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
    /// SMTP2003: a try around a send whose catch clauses lose the per-recipient outcome of RCPT: a catch of
    /// SmtpFailedRecipientsException without one of SmtpFailedRecipientException (the single-failure case goes
    /// elsewhere), a plural catch that never reads InnerExceptions (or reads its always-GeneralFailure StatusCode),
    /// a re-send of the same MailMessage after a recipient failure, and a catch of MailKit's SmtpCommandException
    /// that reads neither ErrorCode nor Mailbox.
    /// </summary>
    internal sealed partial class PartialRecipientFailureRule : SmtpRule
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
            start.OnTryAroundSend(
                (c, facts) =>
                {
                    // Symbols are resolved after compilation start, so the libraries are checked here, once per try around a send.
                    var netMail = model.SystemNetMailClient is not null && model.SmtpFailedRecipientsException is not null && model.SmtpFailedRecipientException is not null;
                    var mailKit = model.MailKitIMailTransport is not null && model.SmtpCommandException is not null;
                    if (netMail || mailKit)
                    {
                        AnalyzeTry(c, model, facts);
                    }
                });
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
            List<IOperation>? messages = null;
            foreach (var (send, library) in facts.Sends)
            {
                if (model.SendLibrary(send.TargetMethod) is null)
                {
                    // Behind a send wrapper: not followed by this rule (its message argument is the wrapper's).
                    continue;
                }

                if (library == SmtpLibrary.SystemNetMail)
                {
                    netMailSend = true;
                    var message = model.MessageArgument(send);
                    if (message is not null)
                    {
                        (messages ??= new List<IOperation>()).Add(message);
                    }
                }
                else
                {
                    mailKitSend = true;
                }
            }

            // One clause that dispatches on ErrorCode or Mailbox (or hands the exception on) tells recipient
            // rejections apart for the whole try: the clauses after it see only the rest.
            var commandDispatched = mailKitSend && commandCatch && AnyDistinguishesCommandFailure(model, catches);

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

                    if (messages is not null && IsRecipientCatch(clause, model))
                    {
                        AnalyzeResend(context, model, clause, messages);
                    }
                }

                if (mailKitSend && commandCatch && !commandDispatched && SymbolRelations.IsType(clause.ExceptionType, model.SmtpCommandException)
                    && !AdmitsOnlyTransientReplies(clause, model))
                {
                    Report(
                        context,
                        CaughtTypeLocation(clause),
                        CommandProperties,
                        "this catch of SmtpCommandException reads neither ErrorCode nor Mailbox nor hands the exception on, so it cannot tell a rejected recipient from a rejected sender or message");
                }
            }
        }

        /// <summary>Whether a catch of SmtpCommandException tells recipient rejections apart (<see cref="DistinguishesCommandFailure"/>).</summary>
        private static bool AnyDistinguishesCommandFailure(SmtpModel model, ImmutableArray<ICatchClauseOperation> catches)
        {
            foreach (var clause in catches)
            {
                if (SymbolRelations.IsType(clause.ExceptionType, model.SmtpCommandException) && DistinguishesCommandFailure(model, clause))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsRecipientCatch(ICatchClauseOperation clause, SmtpModel model)
            => SymbolRelations.IsType(clause.ExceptionType, model.SmtpFailedRecipientsException)
                || SymbolRelations.IsType(clause.ExceptionType, model.SmtpFailedRecipientException);

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

        /// <summary>
        /// (4) Whether the clause's filter lets in only transient (4yz) replies: every read of <c>StatusCode</c> in it is
        /// compared for equality with, or matched against, 4yz constants, or given to the generated
        /// <c>IsTransientFailure()</c>, and none sits under a negation. MailKit delivered the message to nobody, so sending
        /// all of it again later is right whoever was refused; every other failure leaves the try with its ErrorCode and
        /// Mailbox.
        /// </summary>
        private static bool AdmitsOnlyTransientReplies(ICatchClauseOperation clause, SmtpModel model)
        {
            if (clause.Filter is null)
            {
                return false;
            }

            var read = false;
            foreach (var operation in OperationWalk.DescendantsAndSelf(clause.Filter))
            {
                if (operation is not IPropertyReferenceOperation { Property.Name: "StatusCode" } reference
                    || !SymbolRelations.IsOrDerivesFrom(reference.Instance?.Type, model.SmtpCommandException))
                {
                    continue;
                }

                var value = Unwrap.UpThroughImplicitConversionsAndParentheses(reference);
                var transient = value.Parent switch
                {
                    IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals
                        => IsTransientConstant(ReferenceEquals(equals.LeftOperand, value) ? equals.RightOperand : equals.LeftOperand),
                    IIsPatternOperation isPattern => OnlyTransientConstants(isPattern.Pattern),
                    IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "IsTransientFailure" } check }
                        => model.IsInGeneratedHelper(check.TargetMethod),
                    _ => false,
                };
                if (!transient || Negation.IsBetween(value.Parent, clause.Filter))
                {
                    return false;
                }

                read = true;
            }

            return read;
        }

        private static bool OnlyTransientConstants(IPatternOperation pattern) => pattern switch
        {
            IConstantPatternOperation constant => IsTransientConstant(constant.Value),
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => OnlyTransientConstants(or.LeftPattern) && OnlyTransientConstants(or.RightPattern),
            _ => false,
        };

        private static bool IsTransientConstant(IOperation operation)
            => operation.ConstantValue is { HasValue: true, Value: int code } && code >= 400 && code < 500;

        private static void Report(OperationAnalysisContext context, Location location, ImmutableDictionary<string, string?> properties, string reason)
            => context.ReportDiagnostic(Diagnostic.Create(Descriptors.PartialRecipientFailure, location, properties, reason));
    }
}
