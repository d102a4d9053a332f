using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SmtpAnalyzers.Tests.Robustness
{
    /// <summary>The inputs of the stress suite that come from the project itself: every test input, whole and cut.</summary>
    internal static class StressInputs
    {
        private static readonly Regex RawString = new Regex("\"\"\"\\r?\\n(?<body>.*?)\\r?\\n(?<indent>[ \\t]*)\"\"\"", RegexOptions.Singleline | RegexOptions.Compiled);
        private static readonly Regex MarkupOpen = new Regex(@"\{\|[^:|{}\s]*:|\[\|", RegexOptions.Compiled);
        private static readonly Regex MarkupClose = new Regex(@"\|\}|\|\]", RegexOptions.Compiled);

        /// <summary>
        /// Every raw string literal of the test files (markup removed), and every file of the valid-code corpus. The
        /// stress suite's own files are left out: their strings are templates, not programs.
        /// </summary>
        public static IReadOnlyList<(string Origin, string Text)> TestSources()
        {
            var testsDirectory = Path.Combine(RuleCatalogTests.RepositoryRoot(), "tests", "SmtpAnalyzers.Tests");
            var sources = new List<(string, string)>();
            foreach (var file in Directory.GetFiles(testsDirectory, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(testsDirectory, file).Replace('\\', '/');
                if (relative.StartsWith("Robustness/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
                {
                    continue;
                }

                var text = File.ReadAllText(file);
                if (relative.StartsWith("ValidCode/", StringComparison.Ordinal))
                {
                    sources.Add((relative, text));
                    continue;
                }

                var index = 0;
                foreach (Match match in RawString.Matches(text))
                {
                    var body = Dedent(match.Groups["body"].Value, match.Groups["indent"].Value.Length);
                    sources.Add(($"{relative}#{index++}", RemoveMarkup(body)));
                }
            }

            return sources;
        }

        /// <summary><c>{|SMTP1001:550|}</c>, <c>{|#0:x|}</c> and <c>[|x|]</c> become the text they mark.</summary>
        public static string RemoveMarkup(string text) => MarkupClose.Replace(MarkupOpen.Replace(text, string.Empty), string.Empty);

        /// <summary>
        /// Incomplete versions of <paramref name="text"/>, as an IDE sees code being typed: prefixes ending at token
        /// boundaries, and the text with one token removed. <paramref name="perKind"/> of each, spread over the file
        /// (deterministic for a given origin).
        /// </summary>
        public static IEnumerable<(string What, string Text)> Cuts(string origin, string text, int perKind)
        {
            var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
            if (tokens.Count == 0)
            {
                yield break;
            }

            var random = new Random(StableHash(origin));
            foreach (var i in Sample(tokens.Count, perKind, random))
            {
                yield return ($"prefix to token {i} '{tokens[i]}'", text.Substring(0, tokens[i].Span.End));
            }

            foreach (var i in Sample(tokens.Count, perKind, random))
            {
                yield return ($"without token {i} '{tokens[i]}'", text.Remove(tokens[i].SpanStart, tokens[i].Span.Length));
            }
        }

        /// <summary>Up to <paramref name="count"/> distinct indexes below <paramref name="total"/>: one at random in each of equal strata.</summary>
        private static IEnumerable<int> Sample(int total, int count, Random random)
        {
            if (total <= count)
            {
                return Enumerable.Range(0, total);
            }

            var picked = new SortedSet<int>();
            for (var s = 0; s < count; s++)
            {
                var start = (int)((long)s * total / count);
                var end = (int)((long)(s + 1) * total / count);
                picked.Add(start + random.Next(Math.Max(1, end - start)));
            }

            return picked;
        }

        private static string Dedent(string body, int indent)
        {
            var lines = body.Split('\n');
            return string.Join("\n", lines.Select(l => l.Length >= indent && l.Take(indent).All(char.IsWhiteSpace) ? l.Substring(indent) : l.TrimStart()).Select(l => l.TrimEnd('\r')));
        }

        private static int StableHash(string text)
        {
            unchecked
            {
                var hash = 17;
                foreach (var c in text)
                {
                    hash = (hash * 31) + c;
                }

                return hash;
            }
        }
    }
}
