using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Catches
{
    /// <summary>
    /// What the failure-path rules need to know about one try statement, built once per try for all of them: the sends in
    /// its body whose failures reach its catches (one walk), and their libraries.
    /// </summary>
    internal sealed class TryFacts
    {
        private TryFacts(ITryOperation tryOperation, ImmutableArray<SendSite> sends)
        {
            Try = tryOperation;
            Sends = sends;
            foreach (var send in sends)
            {
                if (send.Library == SmtpLibrary.SystemNetMail)
                {
                    SendsSystemNetMail = true;
                }
                else
                {
                    SendsMailKit = true;
                }
            }
        }

        public ITryOperation Try { get; }

        /// <summary>
        /// The sends in the try body whose failures are thrown to its catches: not those in lambdas or local functions
        /// declared there, and not System.Net.Mail's event-based SendAsync (its failures go to SendCompleted).
        /// </summary>
        public ImmutableArray<SendSite> Sends { get; }

        public bool SendsSystemNetMail { get; }

        public bool SendsMailKit { get; }

        /// <summary>Whether the try sends mail of <paramref name="library"/>.</summary>
        public bool SendsWith(SmtpLibrary library) => library == SmtpLibrary.SystemNetMail ? SendsSystemNetMail : SendsMailKit;

        /// <summary>
        /// The facts of <paramref name="tryOperation"/>, or false when no catch can receive a send's failure (checked
        /// first: it needs no walk) or the body sends nothing.
        /// </summary>
        public static bool TryCreate(ITryOperation tryOperation, SmtpModel model, out TryFacts facts)
        {
            facts = null!;
            var catches = tryOperation.Catches;
            if (catches.IsEmpty)
            {
                return false;
            }

            var receives = false;
            foreach (var clause in catches)
            {
                if (model.CatchesSendFailure(clause.ExceptionType) || model.CanCarryPermanentReply(clause.ExceptionType))
                {
                    receives = true;
                    break;
                }
            }

            if (!receives)
            {
                return false;
            }

            ImmutableArray<SendSite>.Builder? sends = null;
            foreach (var (send, library) in model.SendsIn(tryOperation.Body))
            {
                sends ??= ImmutableArray.CreateBuilder<SendSite>();
                sends.Add(new SendSite(send, library));
            }

            if (sends is null)
            {
                return false;
            }

            facts = new TryFacts(tryOperation, sends.ToImmutable());
            return true;
        }
    }

    /// <summary>A send in a try body, with its library.</summary>
    internal readonly struct SendSite
    {
        public SendSite(IInvocationOperation invocation, SmtpLibrary library)
        {
            Invocation = invocation;
            Library = library;
        }

        public IInvocationOperation Invocation { get; }

        public SmtpLibrary Library { get; }

        public void Deconstruct(out IInvocationOperation invocation, out SmtpLibrary library)
        {
            invocation = Invocation;
            library = Library;
        }
    }
}
