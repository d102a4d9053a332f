using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Rules.Security.ImplicitTlsPortAnalyzer, SmtpAnalyzers.Security.ImplicitTlsPortCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3007
{
    /// <summary>SMTP3007's fix needs EnableSsl = true on the same client: for a private field, any partial part in any file counts.</summary>
    public class SMTP3007PartialTypeTests
    {
        private const string Settings = """
            partial class Mailer
            {
                Mailer()
                {
                    _client.EnableSsl = true;
                }
            }
            """;

        [Fact]
        public Task EnableSslTrueInAnotherFile_LiteralBecomes587() => Verify.VerifyFilesAsync(
            new[]
            {
                ("Mailer.cs", """
                    using System.Net.Mail;

                    partial class Mailer
                    {
                        private readonly SmtpClient _client = new SmtpClient("smtp.example.com", {|SMTP3007:465|});
                    }
                    """),
                ("Mailer.Settings.cs", Settings),
            },
            new[]
            {
                ("Mailer.cs", """
                    using System.Net.Mail;

                    partial class Mailer
                    {
                        private readonly SmtpClient _client = new SmtpClient("smtp.example.com", 587);
                    }
                    """),
                ("Mailer.Settings.cs", Settings),
            });
    }
}
