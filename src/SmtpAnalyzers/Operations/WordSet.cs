using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SmtpAnalyzers.Operations
{
    /// <summary>A set of identifiers searched for as whole words in source text, without allocating per word.</summary>
    internal sealed class WordSet
    {
        private readonly Dictionary<int, List<string>> _byShape = new Dictionary<int, List<string>>();
        private readonly char[] _firstCharacters;

        /// <summary>
        /// The second characters of the words, folded to 64 bits: the test after a first character is found, before the
        /// rest of the identifier is read. Most identifiers that share a first letter with a word differ at the second.
        /// </summary>
        private readonly ulong _secondCharacters;

        public WordSet(IEnumerable<string> words)
        {
            var first = new List<char>();
            foreach (var word in words)
            {
                var shape = Shape(word.Length, word[0]);
                if (!_byShape.TryGetValue(shape, out var list))
                {
                    list = new List<string>();
                    _byShape.Add(shape, list);
                }

                list.Add(word);
                if (!first.Contains(word[0]))
                {
                    first.Add(word[0]);
                }

                _secondCharacters |= word.Length > 1 ? SecondBit(word[1]) : SecondBit(' ');
            }

            _firstCharacters = first.ToArray();
            _prefix = CommonPrefix(words);
        }

        /// <summary>
        /// The start every word shares, when it is at least two characters long (the send names share "Send"), else null.
        /// A search for two or more characters skips the many identifiers that only share the first (a vectorized
        /// search on .NET as well).
        /// </summary>
        private readonly string? _prefix;

        private static string? CommonPrefix(IEnumerable<string> words)
        {
            string? prefix = null;
            foreach (var word in words)
            {
                if (prefix is null)
                {
                    prefix = word;
                    continue;
                }

                var length = 0;
                while (length < prefix.Length && length < word.Length && prefix[length] == word[length])
                {
                    length++;
                }

                prefix = prefix.Substring(0, length);
            }

            return prefix is { Length: >= 2 } ? prefix : null;
        }

        private const int ChunkSize = 8192;

        /// <summary>Roslyn's text over one string (internal to Roslyn): null where a version has none, and every text is read by chunks.</summary>
        private static readonly System.Type? StringTextType = typeof(SourceText).Assembly.GetType("Microsoft.CodeAnalysis.Text.StringText", throwOnError: false);

        [System.ThreadStatic]
        private static char[]? t_buffer;

        /// <summary>The string a text is made of, without a copy, when it is Roslyn's text over one string; else null.</summary>
        public static string? WholeString(SourceText text) => text.GetType() == StringTextType ? text.ToString() : null;

        public bool IsEmpty => _byShape.Count == 0;

        /// <summary>
        /// Adds to <paramref name="positions"/> the start of every whole word of the set inside <paramref name="span"/> of
        /// <paramref name="text"/>. A text over one string is searched in place; any other (a large file's) is read in
        /// small chunks into one buffer per thread: a copy of a whole large file would be a large-object allocation, and
        /// those start full garbage collections.
        /// </summary>
        public void FindAll(SourceText text, TextSpan span, List<int> positions) => Scan(text, span, positions);

        /// <summary>Whether <paramref name="span"/> of <paramref name="text"/> holds a whole word of the set; stops at the first.</summary>
        public bool ContainsAny(SourceText text, TextSpan span) => Scan(text, span, null);

        /// <summary>Adds every word found to <paramref name="positions"/>; without a list, stops at the first and returns true.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool Scan(SourceText text, TextSpan span, List<int>? positions)
        {
            var any = false;
            if (text.GetType() == StringTextType)
            {
                // Roslyn's text over one string (a small file's, a text made from a string) returns that string from
                // ToString(): it is searched in place, without the copy of every chunk. WordSetTests pins that.
                var whole = System.MemoryExtensions.AsSpan(text.ToString(), span.Start, span.Length);
                var at = 0;
                while (TryFindNext(whole, whole.Length, ref at, out var found))
                {
                    any = true;
                    if (positions is null)
                    {
                        return true;
                    }

                    positions.Add(span.Start + found);
                }

                return any;
            }

            var buffer = t_buffer ??= new char[ChunkSize];
            var start = span.Start;
            while (start < span.End)
            {
                var count = System.Math.Min(ChunkSize, span.End - start);
                text.CopyTo(start, buffer, 0, count);
                var limit = LimitOfChunk(buffer, count, start + count < span.End);
                var position = 0;
                while (TryFindNext(buffer, limit, ref position, out var found))
                {
                    any = true;
                    if (positions is null)
                    {
                        return true;
                    }

                    positions.Add(start + found);
                }

                start += limit;
            }

            return any;
        }

        /// <summary>
        /// Where the search of a chunk stops: before a word the chunk may cut in two when more text follows (the next chunk
        /// starts with it).
        /// </summary>
        private static int LimitOfChunk(char[] buffer, int count, bool more)
        {
            if (!more)
            {
                return count;
            }

            var limit = count;
            while (limit > 0 && IsIdentifierPart(buffer[limit - 1]))
            {
                limit--;
            }

            return limit == 0 ? count : limit;
        }

        /// <summary>Finds the next whole word of the set at or after <paramref name="position"/>, and moves past it.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool TryFindNext(System.ReadOnlySpan<char> text, int length, ref int position, out int start)
        {
            var i = position;
            while (i < length)
            {
                // Jump to the next start of a word of the set: its shared prefix, or else any of its first characters.
                var skip = _prefix is null
                    ? System.MemoryExtensions.IndexOfAny(text.Slice(i, length - i), new System.ReadOnlySpan<char>(_firstCharacters))
                    : System.MemoryExtensions.IndexOf(text.Slice(i, length - i), System.MemoryExtensions.AsSpan(_prefix));
                if (skip < 0)
                {
                    break;
                }

                var wordStart = i + skip;
                i = wordStart + 1;
                if (wordStart > 0 && IsIdentifierPart(text[wordStart - 1]))
                {
                    continue;
                }

                // A one-character word is followed by a character that is no identifier part, folded as a space.
                var second = i < length && IsIdentifierPart(text[i]) ? text[i] : ' ';
                if ((_secondCharacters & SecondBit(second)) == 0)
                {
                    continue;
                }

                while (i < length && IsIdentifierPart(text[i]))
                {
                    i++;
                }

                if (!_byShape.TryGetValue(Shape(i - wordStart, text[wordStart]), out var candidates))
                {
                    continue;
                }

                foreach (var candidate in candidates)
                {
                    if (Equals(text, wordStart, candidate))
                    {
                        position = i;
                        start = wordStart;
                        return true;
                    }
                }
            }

            position = length;
            start = -1;
            return false;
        }

        private static int Shape(int length, char first) => (length << 16) | first;

        private static ulong SecondBit(char c) => 1UL << (c & 63);

        private static bool Equals(System.ReadOnlySpan<char> text, int start, string word)
        {
            for (var k = 1; k < word.Length; k++)
            {
                if (text[start + k] != word[k])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsIdentifierStart(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c > 127 && char.IsLetter(c));

        private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || (c >= '0' && c <= '9') || (c > 127 && char.IsLetterOrDigit(c));
    }
}
