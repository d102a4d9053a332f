using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Operations;
using Xunit;

namespace SmtpAnalyzers.Tests.Operations
{
    /// <summary>
    /// The whole-word text scan under the first checks of send wrappers and of tries around sends: a miss there hides a
    /// finding, so every way a name can be written next to other characters is pinned here. Each case runs on both ways
    /// the scan reads a text: a text over one string (searched in place) and any other text (read by chunks, as Roslyn's
    /// texts of large files are).
    /// </summary>
    public class WordSetTests
    {
        private static readonly WordSet Sends = new WordSet(new[] { "Send", "SendAsync", "SendMailAsync" });

        private static SourceText Text(string text, bool chunked) => chunked ? new OtherText(text) : SourceText.From(text);

        private static List<int> FindAll(string text, WordSet words, bool chunked)
        {
            var positions = new List<int>();
            var source = Text(text, chunked);
            words.FindAll(source, new TextSpan(0, source.Length), positions);
            return positions;
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Finds_whole_words_only(bool chunked)
        {
            const string text = "client.Send(m); SendAsync(m); Resend(m); SendNow(m); _Send(m); Send2(m); x.SendMailAsync(m)";
            Assert.Equal(new[] { 7, 16, text.IndexOf("SendMailAsync", System.StringComparison.Ordinal) }, FindAll(text, Sends, chunked));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Finds_the_verbatim_form_and_names_next_to_punctuation(bool chunked)
        {
            Assert.Equal(new[] { 1, 6, 12 }, FindAll("@Send(Send)<Send>", Sends, chunked));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Finds_a_word_that_a_chunk_boundary_would_cut(bool chunked)
        {
            // The chunked scan reads 8192 characters at a time; a word that starts 2 characters before the boundary is
            // still found.
            var text = new string(' ', 8190) + "SendMailAsync(m)";
            Assert.Equal(new[] { 8190 }, FindAll(text, Sends, chunked));
            Assert.True(Sends.ContainsAny(Text(text, chunked), new TextSpan(0, text.Length)));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Rejects_names_that_differ_from_a_word_at_the_second_character(bool chunked)
        {
            // The second character is tested before the rest of the identifier is read; one-character words pass it.
            var oneLetter = new WordSet(new[] { "S", "Sx" });
            Assert.Equal(new[] { 0, 13 }, FindAll("S(a); St(b); Sx(c)", oneLetter, chunked));
            Assert.Equal(new[] { 19 }, FindAll("Sand(a); Sendx(b); Send(c)", Sends, chunked));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Finds_words_that_share_no_prefix(bool chunked)
        {
            // Wrapper names share no start: the scan jumps to any of their first characters instead of a shared prefix.
            var wrappers = new WordSet(new[] { "Fire", "SendWithRetries", "Submit" });
            Assert.Equal(new[] { 0, 11, 32 }, FindAll("Fire(a); x.Submit(b); Fired(c); SendWithRetries(d); XFire(e)", wrappers, chunked));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Finds_words_by_their_shared_prefix_only_where_a_word_starts(bool chunked)
        {
            // The shared prefix also occurs inside longer identifiers and at the end of another; only whole words count.
            var words = new WordSet(new[] { "SendEmail", "SendEmailAsync" });
            Assert.Equal(new[] { 15, 47 }, FindAll("SendEmailX(a); SendEmail(b); SendSendEmail(c); SendEmailAsync(d)", words, chunked));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Searches_only_inside_the_span(bool chunked)
        {
            const string text = "Send(a); Other(b); Send(c)";
            var source = Text(text, chunked);
            Assert.False(Sends.ContainsAny(source, TextSpan.FromBounds(8, 18)));
            Assert.True(Sends.ContainsAny(source, TextSpan.FromBounds(8, text.Length)));

            var positions = new List<int>();
            Sends.FindAll(source, TextSpan.FromBounds(1, text.Length), positions);
            Assert.Equal(new[] { 19 }, positions);
        }

        /// <summary>
        /// The in-place search rests on Roslyn's text over one string giving that string back, without a copy. If a Roslyn
        /// version copies, the scan is still right but slower, and this test says so.
        /// </summary>
        [Fact]
        public void A_text_over_one_string_gives_that_string_back()
        {
            var text = SourceText.From("client.Send(m);");
            Assert.Same(text.ToString(), text.ToString());
        }

        [Fact]
        public void An_empty_set_finds_nothing()
        {
            var empty = new WordSet(new string[0]);
            Assert.True(empty.IsEmpty);
            Assert.Empty(FindAll("Send(m)", empty, chunked: false));
            Assert.Empty(FindAll("Send(m)", empty, chunked: true));
        }

        /// <summary>A Roslyn text that is not Roslyn's text over one string, as the texts of large files and edited texts are.</summary>
        internal sealed class OtherText : SourceText
        {
            private readonly string _text;

            public OtherText(string text) => _text = text;

            public override System.Text.Encoding? Encoding => null;

            public override int Length => _text.Length;

            public override char this[int position] => _text[position];

            public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
                => _text.CopyTo(sourceIndex, destination, destinationIndex, count);
        }
    }
}
