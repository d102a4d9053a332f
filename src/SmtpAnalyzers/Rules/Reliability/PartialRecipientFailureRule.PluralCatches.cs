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
    /// <summary>SMTP2003 for System.Net.Mail: the singular catch that is missing, the plural one that ignores InnerExceptions, and re-sends.</summary>
    internal sealed partial class PartialRecipientFailureRule
    {
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

            if (destination is not null && HandleAlike(plural, destination))
            {
                // Both cases meet the same handling (PowerShell's Send-MailMessage writes each as an error record).
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

                var message = model.MessageArgument(send);
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

        /// <summary>
        /// Whether two unfiltered catch clauses handle what they catch the same way: their blocks are the same tokens,
        /// apart from the name of each one's exception variable and the text of string literals (a message or an error
        /// id that names the exception type). The single failure then meets exactly what the plural one meets.
        /// </summary>
        private static bool HandleAlike(ICatchClauseOperation plural, ICatchClauseOperation destination)
        {
            if (plural.Filter is not null || destination.Filter is not null
                || plural.Syntax is not CatchClauseSyntax first || destination.Syntax is not CatchClauseSyntax second)
            {
                return false;
            }

            var firstName = first.Declaration?.Identifier.ValueText;
            var secondName = second.Declaration?.Identifier.ValueText;
            using var firstTokens = first.Block.DescendantTokens().GetEnumerator();
            using var secondTokens = second.Block.DescendantTokens().GetEnumerator();
            while (true)
            {
                var firstMoved = firstTokens.MoveNext();
                if (firstMoved != secondTokens.MoveNext())
                {
                    return false;
                }

                if (!firstMoved)
                {
                    return true;
                }

                var a = firstTokens.Current;
                var b = secondTokens.Current;
                if (a.RawKind != b.RawKind)
                {
                    return false;
                }

                switch ((Microsoft.CodeAnalysis.CSharp.SyntaxKind)a.RawKind)
                {
                    case Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken:
                    case Microsoft.CodeAnalysis.CSharp.SyntaxKind.InterpolatedStringTextToken:
                    case Microsoft.CodeAnalysis.CSharp.SyntaxKind.SingleLineRawStringLiteralToken:
                    case Microsoft.CodeAnalysis.CSharp.SyntaxKind.MultiLineRawStringLiteralToken:
                        continue;
                    case Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken:
                        if (a.ValueText != b.ValueText && (a.ValueText != firstName || b.ValueText != secondName))
                        {
                            return false;
                        }

                        continue;
                    default:
                        if (a.Text != b.Text)
                        {
                            return false;
                        }

                        continue;
                }
            }
        }

        /// <summary>Whether the handler rethrows: <c>throw;</c> or <c>throw ex;</c> with the caught exception.</summary>
        private static bool Rethrows(ICatchClauseOperation clause)
        {
            var local = CatchLocal(clause);
            foreach (var operation in OperationWalk.Descendants(clause.Handler))
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
            foreach (var operation in OperationWalk.Descendants(handler))
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
    }
}
