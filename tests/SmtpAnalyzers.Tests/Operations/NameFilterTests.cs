using SmtpAnalyzers.Operations;
using Xunit;

namespace SmtpAnalyzers.Tests.Operations
{
    /// <summary>The name-shape check before the dispatcher's name lookup: it may let a name through, never hold one back.</summary>
    public class NameFilterTests
    {
        [Fact]
        public void Lets_every_name_of_the_set_through()
        {
            var names = new[] { "Send", "SendMailAsync", "Or", "_private", "Ünïcode", new string('L', 70) };
            var filter = new NameFilter(names);
            foreach (var name in names)
            {
                Assert.True(filter.MayContain(name), name);
            }
        }

        [Theory]
        [InlineData("Write")] // no name of the set has five letters
        [InlineData("Tend")] // four letters, but no name starts with T
        [InlineData("")]
        [InlineData("Ébauche")]
        public void Holds_back_names_of_another_shape(string name)
        {
            Assert.False(new NameFilter(new[] { "Send", "SendMailAsync", "Or" }).MayContain(name));
        }
    }
}
