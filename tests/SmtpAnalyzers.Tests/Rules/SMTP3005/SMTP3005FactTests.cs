using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.Tests.Rules.SMTP3005
{
    /// <summary>
    /// The compiler facts SMTP3005's docs rely on, checked against the real .NET 10 reference assemblies: the
    /// SecurityProtocolType members that System.Net.Mail reads are not obsolete (nothing warns), and the enum values
    /// the rule's bit masks assume.
    /// </summary>
    public class SMTP3005FactTests
    {
        [Fact]
        public void SecurityProtocolTypeTlsAndTls11_AreNotObsolete_SslProtocolsTlsIs()
        {
            var diagnostics = Compile("""
                using System.Net;
                using System.Security.Authentication;

                static class C
                {
                    static SecurityProtocolType Global() => SecurityProtocolType.Tls | SecurityProtocolType.Tls11;
                    static SslProtocols Client() => SslProtocols.Tls;
                }
                """);

            Assert.DoesNotContain(diagnostics, d => d.Location.GetLineSpan().StartLinePosition.Line == 5);
            Assert.Contains(diagnostics, d => d.Id == "SYSLIB0039" && d.Location.GetLineSpan().StartLinePosition.Line == 6);
        }

        [Theory]
        [InlineData(typeof(System.Security.Authentication.SslProtocols), "Ssl2", 12)]
        [InlineData(typeof(System.Security.Authentication.SslProtocols), "Ssl3", 48)]
        [InlineData(typeof(System.Security.Authentication.SslProtocols), "Tls", 192)]
        [InlineData(typeof(System.Security.Authentication.SslProtocols), "Default", 240)]
        [InlineData(typeof(System.Security.Authentication.SslProtocols), "Tls11", 768)]
        [InlineData(typeof(System.Security.Authentication.SslProtocols), "Tls12", 3072)]
        [InlineData(typeof(System.Net.SecurityProtocolType), "SystemDefault", 0)]
        [InlineData(typeof(System.Net.SecurityProtocolType), "Ssl3", 48)]
        [InlineData(typeof(System.Net.SecurityProtocolType), "Tls", 192)]
        [InlineData(typeof(System.Net.SecurityProtocolType), "Tls11", 768)]
        [InlineData(typeof(System.Net.SecurityProtocolType), "Tls13", 12288)]
        public void EnumValues_MatchTheRulesMasks(System.Type type, string member, int value)
            => Assert.Equal(value, System.Convert.ToInt32(System.Enum.Parse(type, member), System.Globalization.CultureInfo.InvariantCulture));

        private static System.Collections.Generic.List<Diagnostic> Compile(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("Facts", new[] { tree }, TestReferences.Framework, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            return compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        }
    }
}
