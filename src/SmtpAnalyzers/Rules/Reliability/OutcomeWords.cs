using System;
using SmtpAnalyzers.Knowledge;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// Reads which reply class a name of an outcome stands for: <c>Outcome.RetryLater</c>, <c>"temporary problem"</c>,
    /// <c>PermanentMailException</c>, a method named <c>IsTransient</c>. Words are split at case changes, digits,
    /// underscores, hyphens and spaces.
    /// </summary>
    internal static class OutcomeWords
    {
        private static readonly string[] TransientWords =
        {
            "transient", "temporary", "temporarily", "temp", "retry", "retryable", "retriable", "later", "requeue", "defer", "deferred", "again", "soft", "greylisted", "recover", "recoverable",
        };

        private static readonly string[] PermanentWords =
        {
            "permanent", "permanently", "fatal", "failed", "invalid", "critical", "reject", "rejected", "bounce", "bounced", "hard", "abort", "aborted", "undeliverable", "unrecoverable", "dead",
        };

        private static readonly string[] Negations = { "no", "not", "non", "dont", "never" };

        /// <summary>
        /// The class a name says: TransientNegative, PermanentNegative, or None when it says neither or both. The words are
        /// read in place: this runs for the outcome of every branch of a switch or an <c>if</c> on a reply code.
        /// </summary>
        public static ReplyClass ClassOf(string name)
        {
            var transient = false;
            var permanent = false;
            var previousStart = -1;
            var previousLength = 0;
            var start = -1;
            for (var i = 0; i <= name.Length; i++)
            {
                var c = i < name.Length ? name[i] : ' ';
                var boundary = !char.IsLetter(c)
                    || (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))));
                if (boundary && start >= 0)
                {
                    var word = name.AsSpan(start, i - start);
                    var previous = previousStart < 0 ? default : name.AsSpan(previousStart, previousLength);
                    if (IsOneOf(word, TransientWords))
                    {
                        // "NoRetry", "DoNotRetry", "NonRetryable", "never retry" say the opposite.
                        if (previousStart >= 0 && IsOneOf(previous, Negations))
                        {
                            permanent = true;
                        }
                        else
                        {
                            transient = true;
                        }
                    }
                    else if (IsOneOf(word, PermanentWords)
                        && !(word.StartsWith("bounce".AsSpan(), StringComparison.OrdinalIgnoreCase) && previousStart >= 0 && previous.Equals("soft".AsSpan(), StringComparison.OrdinalIgnoreCase)))
                    {
                        // A "soft bounce" is the transient kind: "soft" has already said so.
                        permanent = true;
                    }

                    previousStart = start;
                    previousLength = i - start;
                    start = -1;
                }

                if (char.IsLetter(c) && start < 0)
                {
                    start = i;
                }
            }

            return transient == permanent ? ReplyClass.None : transient ? ReplyClass.TransientNegative : ReplyClass.PermanentNegative;
        }

        private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
        {
            foreach (var candidate in words)
            {
                if (candidate.Length == word.Length && word.Equals(candidate.AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
