using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Reliability;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Which test code is exempt: whole PascalCase words, the exempt_words option, unit-test attributes.</summary>
    public partial class SMTP2001Tests
    {
        private const string SwallowingMethods = """
            using System;
            using System.Net.Mail;

            class {0}
            {
                public void {1}(SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); }
                    {2}catch (Exception ex){3} { Console.WriteLine(ex.Message); }
                }
            }
            """;

        [Theory]
        [InlineData("Mailer", "SendTestEmail")]
        [InlineData("MailerTests", "Send")]
        [InlineData("SmtpTest", "Send")]
        [InlineData("ITestMailer", "Send")]
        [InlineData("Mailer", "Test_Send")]
        [InlineData("Mailer", "SMTPTest")]
        public Task WholeWordTest_IsExempt(string type, string method)
            => VerifyAsync(Swallowing(type, method, reported: false), editorConfig: null);

        [Theory]
        [InlineData("AttestationMailer", "Send")]
        [InlineData("Mailer", "SendContestResults")]
        [InlineData("TestimonialMailer", "Send")]
        [InlineData("Mailer", "SendLatestNews")]
        [InlineData("Mailer", "Testing")]
        public Task TestInsideAnotherWord_IsReported(string type, string method)
            => VerifyAsync(Swallowing(type, method, reported: true), editorConfig: null);

        [Fact]
        public Task ExemptWordsOption_ReplacesTheDefaultWords() => Task.WhenAll(
            VerifyAsync(Swallowing("Mailer", "SendProbeMail", reported: false), "smtp_analyzers.SMTP2001.exempt_words = Probe, Diagnostics"),
            VerifyAsync(Swallowing("DiagnosticsPage", "Send", reported: false), "smtp_analyzers.SMTP2001.exempt_words = Probe, Diagnostics"),
            VerifyAsync(Swallowing("Mailer", "SendTestEmail", reported: true), "smtp_analyzers.SMTP2001.exempt_words = Probe"),
            VerifyAsync(Swallowing("MailerTests", "Send", reported: true), "smtp_analyzers.SMTP2001.exempt_words = none"));

        [Fact]
        public Task UnitTestMethods_AreExemptByAttribute() => VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using Xunit;

            public class MailerSpecification
            {
                [Fact]
                public void Send_Swallows()
                {
                    try { new SmtpClient().Send(new MailMessage()); }
                    catch (Exception ex) { Console.WriteLine(ex.Message); }
                }

                [Theory]
                [InlineData(1)]
                public void Send_Swallows_Theory(int n)
                {
                    try { new SmtpClient().Send(new MailMessage()); }
                    catch (Exception ex) { Console.WriteLine(ex.Message + n); }
                }

                // Not a test: a helper of the test class.
                public void Helper()
                {
                    try { new SmtpClient().Send(new MailMessage()); }
                    {|SMTP2001:catch (Exception ex)|} { Console.WriteLine(ex.Message); }
                }
            }
            """,
            editorConfig: "smtp_analyzers.SMTP2001.exempt_words = none");

        private static string Swallowing(string type, string method, bool reported)
            => SwallowingMethods
                .Replace("{0}", type)
                .Replace("{1}", method)
                .Replace("{2}", reported ? "{|SMTP2001:" : string.Empty)
                .Replace("{3}", reported ? "|}" : string.Empty);

        private static Task VerifyAsync(string source, string? editorConfig)
        {
            var test = new CSharpAnalyzerTest<FailureSwallowedAnalyzer, DefaultVerifier> { TestCode = source };
            TestSetup.Configure(test, LanguageVersion.Latest);
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
            }

            return test.RunAsync(CancellationToken.None);
        }
    }
}
