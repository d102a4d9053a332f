using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Operations;
using Xunit;

namespace SmtpAnalyzers.Tests.Operations
{
    /// <summary>
    /// The whole-word text scan under the first checks of send wrappers and of tries around sends: a miss there hides a
    /// finding, so every way a name can be written next to other characters is pinned here.
    /// </summary>
    public class WordSetTests
    {
        private static readonly WordSet Sends = new WordSet(new[] { "Send", "SendAsync", "SendMailAsync" });

        private static List<int> FindAll(string text, WordSet words)
        {
            var positions = new List<int>();
            var source = SourceText.From(text);
            words.FindAll(source, new TextSpan(0, source.Length), positions);
            return positions;
        }

        [Fact]
        public void Finds_whole_words_only()
        {
            const string text = "client.Send(m); SendAsync(m); Resend(m); SendNow(m); _Send(m); Send2(m); x.SendMailAsync(m)";
            Assert.Equal(new[] { 7, 16, text.IndexOf("SendMailAsync", System.StringComparison.Ordinal) }, FindAll(text, Sends));
        }

        [Fact]
        public void Finds_the_verbatim_form_and_names_next_to_punctuation()
        {
            Assert.Equal(new[] { 1, 6, 12 }, FindAll("@Send(Send)<Send>", Sends));
        }

        [Fact]
        public void Finds_a_word_that_a_chunk_boundary_would_cut()
        {
            // The scan reads 8192 characters at a time; a word that starts 2 characters before the boundary is still found.
            var text = new string(' ', 8190) + "SendMailAsync(m)";
            Assert.Equal(new[] { 8190 }, FindAll(text, Sends));
            Assert.True(Sends.ContainsAny(SourceText.From(text), new TextSpan(0, text.Length)));
        }

        [Fact]
        public void Searches_only_inside_the_span()
        {
            const string text = "Send(a); Other(b); Send(c)";
            var source = SourceText.From(text);
            Assert.False(Sends.ContainsAny(source, TextSpan.FromBounds(8, 18)));
            Assert.True(Sends.ContainsAny(source, TextSpan.FromBounds(8, text.Length)));

            var positions = new List<int>();
            Sends.FindAll(source, TextSpan.FromBounds(1, text.Length), positions);
            Assert.Equal(new[] { 19 }, positions);
        }

        [Fact]
        public void An_empty_set_finds_nothing()
        {
            var empty = new WordSet(new string[0]);
            Assert.True(empty.IsEmpty);
            Assert.Empty(FindAll("Send(m)", empty));
        }
    }
}
