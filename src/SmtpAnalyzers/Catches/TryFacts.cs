using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Catches
{
    /// <summary>
    /// What the failure-path rules need to know about one try statement, built once per try for all of them: the sends in
    /// its body whose failures reach its catches (one walk), and their libraries. A struct, and one send is held without
    /// an array: every try around a send in the project gets one, before any rule has found anything.
    /// </summary>
    internal readonly struct TryFacts
    {
        private TryFacts(ITryOperation tryOperation, SendSites sends)
        {
            Try = tryOperation;
            Sends = sends;
            var hasDirectSend = false;
            SendWrapper? through = null;
            var systemNetMail = false;
            var mailKit = false;
            foreach (var send in sends)
            {
                if (send.Wrapper is null)
                {
                    hasDirectSend = true;
                }
                else
                {
                    through ??= send.Wrapper;
                }

                if (send.Library == SmtpLibrary.SystemNetMail)
                {
                    systemNetMail = true;
                }
                else
                {
                    mailKit = true;
                }
            }

            HasDirectSend = hasDirectSend;
            Through = through;
            SendsSystemNetMail = systemNetMail;
            SendsMailKit = mailKit;
        }

        public ITryOperation Try { get; }

        /// <summary>
        /// The sends in the try body whose failures are thrown to its catches: not those in lambdas or local functions
        /// declared there, and not System.Net.Mail's event-based SendAsync (its failures go to SendCompleted). At least one.
        /// </summary>
        public SendSites Sends { get; }

        /// <summary>Some send is written in the try body itself (or in an awaited Task.Run delegate there), not behind a wrapper.</summary>
        public bool HasDirectSend { get; }

        /// <summary>The first wrapper the try sends through; null when none.</summary>
        public SendWrapper? Through { get; }

        /// <summary>
        /// For messages: empty when a send is written in the try body, otherwise " through 'Wrapper'" (the path to the send).
        /// Built at each read: read when a rule reports.
        /// </summary>
        public string PathSuffix => HasDirectSend || Through is null ? string.Empty : " through " + Through.Path;

        public bool SendsSystemNetMail { get; }

        public bool SendsMailKit { get; }

        /// <summary>Whether the try sends mail of <paramref name="library"/>.</summary>
        public bool SendsWith(SmtpLibrary library) => library == SmtpLibrary.SystemNetMail ? SendsSystemNetMail : SendsMailKit;

        /// <summary>
        /// The facts of <paramref name="tryOperation"/>, or false when no catch can receive a send's failure (checked
        /// first: it needs no walk) or the body sends nothing.
        /// </summary>
        public static bool TryCreate(ITryOperation tryOperation, SmtpModel model, out TryFacts facts)
            => TryCreate(tryOperation, model, followWrappers: false, default, out facts);

        /// <summary>
        /// The facts of <paramref name="tryOperation"/>; with <paramref name="followWrappers"/>, calls to send wrappers and
        /// sends in an awaited Task.Run delegate count as sends (<see cref="SmtpModel.AddSendSites"/>).
        /// </summary>
        public static bool TryCreate(ITryOperation tryOperation, SmtpModel model, bool followWrappers, System.Threading.CancellationToken cancellationToken, out TryFacts facts)
        {
            facts = default;
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

            // The lists are the thread's, borrowed for this try and given back cleared (a nested use while they are out makes
            // its own): a list of mentions and an iterator were most of what a try with a send allocated.
            var scratch = t_scratch ?? new Scratch();
            t_scratch = null;
            try
            {
                if (!model.MayHoldSendSites(tryOperation.Body, followWrappers, cancellationToken, scratch.Mentions))
                {
                    return false;
                }

                var sites = scratch.Sites;
                model.AddSendSites(tryOperation.Body, followWrappers, tryOperation.SemanticModel, cancellationToken, scratch.Mentions, sites);
                if (sites.Count == 0)
                {
                    return false;
                }

                facts = new TryFacts(tryOperation, sites.Count == 1 ? new SendSites(sites[0]) : new SendSites(sites.ToArray()));
            }
            finally
            {
                scratch.Mentions.Clear();
                scratch.Sites.Clear();
                t_scratch = scratch;
            }

            return true;
        }

        [System.ThreadStatic]
        private static Scratch? t_scratch;

        /// <summary>The lists a try's facts are read with, one set per thread.</summary>
        private sealed class Scratch
        {
            public List<int> Mentions { get; } = new List<int>();

            public List<SendSite> Sites { get; } = new List<SendSite>();
        }
    }

    /// <summary>The send sites of a try, at least one: one is held in place, several in an array.</summary>
    internal readonly struct SendSites
    {
        private readonly SendSite _single;
        private readonly SendSite[]? _several;

        public SendSites(SendSite single)
        {
            _single = single;
            _several = null;
        }

        public SendSites(SendSite[] several)
        {
            _single = default;
            _several = several;
        }

        public int Count => _several?.Length ?? 1;

        public SendSite this[int index] => _several is null ? (index == 0 ? _single : throw new System.ArgumentOutOfRangeException(nameof(index))) : _several[index];

        public Enumerator GetEnumerator() => new Enumerator(this);

        /// <summary>A <c>foreach</c> over the sites, without boxing.</summary>
        public struct Enumerator
        {
            private readonly SendSites _sites;
            private int _index;

            public Enumerator(SendSites sites)
            {
                _sites = sites;
                _index = -1;
            }

            public SendSite Current => _sites[_index];

            public bool MoveNext() => ++_index < _sites.Count;
        }
    }

    /// <summary>A send in a try body, with its library; or a call to a send wrapper, with the wrapper.</summary>
    internal readonly struct SendSite
    {
        public SendSite(IInvocationOperation invocation, SmtpLibrary library, SendWrapper? wrapper = null)
        {
            Invocation = invocation;
            Library = library;
            Wrapper = wrapper;
        }

        /// <summary>The wrapper called, when the send is behind one; null for a send written here.</summary>
        public SendWrapper? Wrapper { get; }

        public IInvocationOperation Invocation { get; }

        public SmtpLibrary Library { get; }

        public void Deconstruct(out IInvocationOperation invocation, out SmtpLibrary library)
        {
            invocation = Invocation;
            library = Library;
        }
    }
}
