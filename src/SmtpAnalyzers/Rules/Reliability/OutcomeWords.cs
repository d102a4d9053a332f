using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
        private static readonly ImmutableHashSet<string> TransientWords = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "transient", "temporary", "temporarily", "temp", "retry", "retryable", "retriable", "later", "requeue", "defer", "deferred", "again", "soft", "greylisted", "recover", "recoverable");

        private static readonly ImmutableHashSet<string> PermanentWords = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "permanent", "permanently", "fatal", "failed", "invalid", "critical", "reject", "rejected", "bounce", "bounced", "hard", "abort", "aborted", "undeliverable", "unrecoverable", "dead");

        private static readonly ImmutableHashSet<string> Negations = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase, "no", "not", "non", "dont", "never");

        /// <summary>The class a name says: TransientNegative, PermanentNegative, or None when it says neither or both.</summary>
        public static ReplyClass ClassOf(string name)
        {
            var words = Split(name);
            var transient = false;
            var permanent = false;
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                if (TransientWords.Contains(word))
                {
                    // "NoRetry", "DoNotRetry", "NonRetryable", "never retry" say the opposite.
                    if (i > 0 && Negations.Contains(words[i - 1]))
                    {
                        permanent = true;
                    }
                    else
                    {
                        transient = true;
                    }
                }
                else if (PermanentWords.Contains(word)
                    && !(word.StartsWith("bounce", StringComparison.OrdinalIgnoreCase) && i > 0 && string.Equals(words[i - 1], "soft", StringComparison.OrdinalIgnoreCase)))
                {
                    // A "soft bounce" is the transient kind: "soft" has already said so.
                    permanent = true;
                }
            }

            return transient == permanent ? ReplyClass.None : transient ? ReplyClass.TransientNegative : ReplyClass.PermanentNegative;
        }

        internal static List<string> Split(string name)
        {
            var words = new List<string>();
            var start = -1;
            for (var i = 0; i <= name.Length; i++)
            {
                var c = i < name.Length ? name[i] : ' ';
                var boundary = !char.IsLetter(c)
                    || (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))));
                if (boundary && start >= 0)
                {
                    words.Add(name.Substring(start, i - start));
                    start = -1;
                }

                if (char.IsLetter(c) && start < 0)
                {
                    start = i;
                }
            }

            return words;
        }
    }
}
