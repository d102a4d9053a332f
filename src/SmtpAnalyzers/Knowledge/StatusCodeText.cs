using System.Globalization;

namespace SmtpAnalyzers.Knowledge
{
    /// <summary>
    /// A reply code or an enhanced status code written as text: a three-digit reply code of RFC 5321 §4.2
    /// ("550") or an enhanced status code <c>class.subject.detail</c> of RFC 3463 ("5.1.1").
    /// </summary>
    internal readonly struct StatusCodeText
    {
        /// <summary>RFC 3463 §2: subject and detail are each one to three digits.</summary>
        private const int MaxEnhancedPartLength = 3;

        private const int ReplyCodeLength = 3;

        private StatusCodeText(string text, int replyCode)
        {
            Text = text;
            ReplyCode = replyCode;
        }

        /// <summary>The code as it would appear in a reply: "550" or "5.1.1".</summary>
        public string Text { get; }

        /// <summary>The three-digit reply code, or 0 for an enhanced status code.</summary>
        public int ReplyCode { get; }

        public bool IsEnhanced => ReplyCode == 0;

        /// <summary>
        /// Whether <paramref name="value"/>, without surrounding white space, is exactly one code: a reply code
        /// in the 200-599 range or an enhanced status code of class 2, 4 or 5. Phrases ("Error 550"), prefixes
        /// ("5.7."), single digits and other numbers ("550x", "600") are not codes.
        /// </summary>
        public static bool TryParse(string? value, out StatusCodeText code)
        {
            code = default;
            if (value is null)
            {
                return false;
            }

            var text = value.Trim();
            return TryReadAt(text, 0, out code, out var end) && end == text.Length;
        }

        /// <summary>
        /// Whether the regular expression <paramref name="pattern"/> matches a code literally: a reply code or an
        /// enhanced status code standing on its own in it (<c>\b550\b</c>, <c>5\.1\.1</c>, <c>^5.7.57</c>), not
        /// part of a longer number or a quantifier. <paramref name="exact"/> tells whether the pattern is
        /// nothing but the code.
        /// </summary>
        public static bool TryFindInPattern(string? pattern, out StatusCodeText code, out bool exact)
        {
            code = default;
            exact = false;
            if (pattern is null)
            {
                return false;
            }

            // In a pattern a dot may be escaped; read "\." as ".".
            var text = pattern.Replace("\\.", ".");
            for (var i = 0; i < text.Length; i++)
            {
                if (!IsDigit(text[i]) || (i > 0 && (IsDigit(text[i - 1]) || IsNumberContext(text[i - 1]) || IsDottedNumberBefore(text, i))))
                {
                    continue;
                }

                if (TryReadAt(text, i, out code, out var end))
                {
                    exact = i == 0 && end == text.Length;
                    return true;
                }
            }

            code = default;
            return false;
        }

        /// <summary>Reads one code starting at <paramref name="start"/>; it must not run on into more digits or dotted parts.</summary>
        private static bool TryReadAt(string text, int start, out StatusCodeText code, out int end)
        {
            code = default;
            end = start;
            var first = DigitRun(text, start);
            if (first == ReplyCodeLength)
            {
                // Three ASCII digits (DigitRun), read in place: no string until the code is known to be one.
                end = start + first;
                var value = ((text[start] - '0') * 100) + ((text[start + 1] - '0') * 10) + (text[start + 2] - '0');
                if (value < ReplyCodeTable.LowestReply || value >= ReplyCodeTable.EndOfReplies || ContinuesNumber(text, end))
                {
                    return false;
                }

                code = new StatusCodeText(start == 0 && end == text.Length ? text : text.Substring(start, first), value);
                return true;
            }

            if (first != 1 || !IsEnhancedClass(text[start]))
            {
                return false;
            }

            var position = start + 1;
            for (var part = 0; part < 2; part++)
            {
                if (position >= text.Length || text[position] != '.')
                {
                    return false;
                }

                var length = DigitRun(text, position + 1);
                if (length == 0 || length > MaxEnhancedPartLength)
                {
                    return false;
                }

                position += 1 + length;
            }

            if (ContinuesNumber(text, position))
            {
                return false;
            }

            end = position;
            code = new StatusCodeText(text.Substring(start, position - start), 0);
            return true;
        }

        /// <summary>Enhanced status codes have class 2 (success), 4 (persistent transient) or 5 (permanent), RFC 3463 §3.1.</summary>
        private static bool IsEnhancedClass(char c)
        {
            switch ((ReplyClass)(c - '0'))
            {
                case ReplyClass.PositiveCompletion:
                case ReplyClass.TransientNegative:
                case ReplyClass.PermanentNegative:
                    return true;
                default:
                    return false;
            }
        }

        private static int DigitRun(string text, int start)
        {
            var i = start;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            return i - start;
        }

        /// <summary>A digit, or a dot followed by a digit, right after a code: the code is part of a longer number.</summary>
        private static bool ContinuesNumber(string text, int end)
            => end < text.Length && (IsDigit(text[end]) || (text[end] == '.' && end + 1 < text.Length && IsDigit(text[end + 1])));

        /// <summary>"1.550" or "x.5.1.1": a digit and a dot right before the number make it part of a longer one.</summary>
        private static bool IsDottedNumberBefore(string text, int i)
            => i >= 2 && text[i - 1] == '.' && IsDigit(text[i - 2]);

        /// <summary>Characters before a number in a pattern that make it a quantifier ("{250}", "{1,250}") or an escape ("\550").</summary>
        private static bool IsNumberContext(char c) => c == '{' || c == ',' || c == '\\';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
