using System.Threading.Tasks;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Rules.Security.HardCodedPasswordAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3006
{
    /// <summary>SMTP3006's loopback exemption for a private client field reads the Host written in any partial part, in any file.</summary>
    public class SMTP3006PartialTypeTests
    {
        private const string Login = """
            using System.Net;

            partial class Mailer
            {
                void Login() => _client.Credentials = new NetworkCredential("catcher", "catcher");
            }
            """;

        [Fact]
        public Task LoopbackHostInAnotherFile_IsNotReported() => VerifyAnalyzer.VerifyFilesAsync(
            ("Mailer.Login.cs", Login),
            ("Mailer.cs", """
                using System.Net.Mail;

                partial class Mailer
                {
                    private readonly SmtpClient _client = new SmtpClient();

                    Mailer() => _client.Host = "localhost";
                }
                """));

        [Fact]
        public Task OtherHostInAnotherFile_IsReported() => VerifyAnalyzer.VerifyFilesAsync(
            ("Mailer.Login.cs", Login.Replace("\"catcher\", \"catcher\"", "\"catcher\", {|SMTP3006:\"catcher\"|}", System.StringComparison.Ordinal)),
            ("Mailer.cs", """
                using System.Net.Mail;

                partial class Mailer
                {
                    private readonly SmtpClient _client = new SmtpClient();

                    Mailer() => _client.Host = "smtp.example.com";
                }
                """));
    }
}
