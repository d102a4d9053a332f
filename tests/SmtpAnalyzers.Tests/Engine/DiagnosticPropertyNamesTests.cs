using System;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.ReplyCodes;
using Xunit;

namespace SmtpAnalyzers.Tests.Engine
{
    /// <summary>
    /// The enum members that diagnostics carry to the fixes as properties are written without <see cref="Enum.ToString()"/>
    /// (reflection at its first call in a process) and read back with <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/>:
    /// each writer must give every member's own name, so a member added later cannot be written as another one.
    /// </summary>
    public class DiagnosticPropertyNamesTests
    {
        [Fact]
        public void SmtpLibrary_NamesEveryMemberAsItself()
        {
            foreach (var library in Enum.GetValues<SmtpLibrary>())
            {
                Assert.Equal(library.ToString(), SmtpLibraries.Name(library));
            }
        }

        [Fact]
        public void MagicCodeUseKind_NamesEveryMemberAsItself()
        {
            foreach (var kind in Enum.GetValues<MagicCodeUseKind>())
            {
                Assert.Equal(kind.ToString(), MagicCodeUse.Name(kind));
            }
        }

        [Fact]
        public void ReplyClassCheck_NamesEveryMemberAsItself()
        {
            foreach (var check in Enum.GetValues<ReplyClassCheck>())
            {
                Assert.Equal(check.ToString(), ReplyClassRangeRule.Name(check));
            }
        }
    }
}
