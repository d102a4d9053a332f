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

        [Fact]
        public Task TestBranchOfAGeneralAction_IsExempt() => VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;
            using System.Threading.Tasks;

            public class EmailSettingsController
            {
                public Dictionary<string, string> TempData { get; } = new Dictionary<string, string>();

                // A settings page's "send a test mail" button, handled inside the general action: the reply is shown.
                public async Task<string> EmailSettings(string command, string testEmail)
                {
                    if (command == "Test")
                    {
                        try
                        {
                            using var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                            await client.SendMailAsync(new MailMessage("from@example.com", testEmail));
                            TempData["Success"] = "Email sent to " + testEmail;
                        }
                        catch (Exception ex) { TempData["Error"] = ex.Message; }
                    }

                    return "EmailSettings";
                }

                public void Run(string action, SmtpClient client, MailMessage message)
                {
                    switch (action)
                    {
                        case "send-test":
                            try { client.Send(message); }
                            catch (Exception ex) { TempData["Error"] = ex.Message; }
                            break;
                    }

                    if (string.Equals(action, "SendTest", StringComparison.OrdinalIgnoreCase) && message != null)
                    {
                        try { client.Send(message); }
                        catch (Exception ex) { TempData["Error"] = ex.Message; }
                    }

                    if (action is "test")
                    {
                        try { client.Send(message); }
                        catch (Exception ex) { TempData["Error"] = ex.Message; }
                    }
                }
            }
            """,
            editorConfig: null);

        [Fact]
        public Task OtherBranchesAndOtherWords_AreReported() => VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;

            public class EmailSettingsController
            {
                public Dictionary<string, string> TempData { get; } = new Dictionary<string, string>();

                public void Run(string command, SmtpClient client, MailMessage message)
                {
                    // The else branch of a test is the real send.
                    if (command == "Test")
                    {
                        Console.WriteLine("test");
                    }
                    else
                    {
                        try { client.Send(message); }
                        {|SMTP2001:catch (Exception ex)|} { TempData["Error"] = ex.Message; }
                    }

                    // Not equal to the word.
                    if (command != "Test")
                    {
                        try { client.Send(message); }
                        {|SMTP2001:catch (Exception ex)|} { TempData["Error"] = ex.Message; }
                    }

                    // A word that only contains "test".
                    switch (command)
                    {
                        case "Latest":
                        case "contest":
                            try { client.Send(message); }
                            {|SMTP2001:catch (Exception ex)|} { TempData["Error"] = ex.Message; }
                            break;
                    }
                }
            }
            """,
            editorConfig: null);

        [Fact]
        public Task TestBranch_FollowsTheExemptWordsOption() => Task.WhenAll(
            VerifyAsync(
                """
                using System;
                using System.Net.Mail;

                class Mailer
                {
                    public void Run(string command, SmtpClient client, MailMessage message)
                    {
                        if (command == "probe")
                        {
                            try { client.Send(message); }
                            catch (Exception ex) { Console.WriteLine(ex.Message); }
                        }
                    }
                }
                """,
                "smtp_analyzers.SMTP2001.exempt_words = Probe"),
            VerifyAsync(
                """
                using System;
                using System.Net.Mail;

                class Mailer
                {
                    public void Run(string command, SmtpClient client, MailMessage message)
                    {
                        if (command == "Test")
                        {
                            try { client.Send(message); }
                            {|SMTP2001:catch (Exception ex)|} { Console.WriteLine(ex.Message); }
                        }
                    }
                }
                """,
                "smtp_analyzers.SMTP2001.exempt_words = none"));

        [Fact]
        public Task EntryPointThatExitsWithAFailureCode_IsExempt_AndOtherEndingsAreNot() => VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            public static class Program
            {
                public static int Main(string[] args)
                {
                    try
                    {
                        using var client = new SmtpClient(args[0], 587) { EnableSsl = true };
                        client.Send("a@example.com", "b@example.com", "s", "b");
                    }
                    catch (Exception ex)
                    {
                        Console.Error.WriteLine(ex.Message);
                        return 1;
                    }

                    try { new SmtpClient(args[0]).Send("a@example.com", "b@example.com", "s", "b"); }
                    catch (Exception ex) { Console.Error.WriteLine(ex.Message); Environment.Exit(2); }

                    try { new SmtpClient(args[0]).Send("a@example.com", "b@example.com", "s", "b"); }
                    catch (Exception ex) { Console.Error.WriteLine(ex.Message); Environment.ExitCode = 3; }

                    // Exit code 0 says "sent".
                    try { new SmtpClient(args[0]).Send("a@example.com", "b@example.com", "s", "b"); }
                    {|SMTP2001:catch (Exception ex)|} { Console.Error.WriteLine(ex.Message); return 0; }

                    // A lambda's return is not the program's.
                    Func<int> later = () =>
                    {
                        try { new SmtpClient(args[0]).Send("a@example.com", "b@example.com", "s", "b"); }
                        {|SMTP2001:catch (Exception ex)|} { Console.Error.WriteLine(ex.Message); return 1; }
                        return 0;
                    };

                    return later();
                }

                // Not the entry point: a caller could have classified the failure.
                public static int SendOnce(SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); }
                    {|SMTP2001:catch (Exception ex)|} { Console.Error.WriteLine(ex.Message); return 1; }
                    return 0;
                }
            }
            """,
            editorConfig: null);

        [Fact]
        public Task TopLevelStatementsThatExitWithAFailureCode_AreExempt()
        {
            var test = new CSharpAnalyzerTest<FailureSwallowedAnalyzer, DefaultVerifier>
            {
                TestCode = """
                    using System;
                    using System.Net.Mail;

                    try
                    {
                        using var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                        await client.SendMailAsync(new MailMessage("a@example.com", "b@example.com", "s", "b"));
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine($"Details: {ex}");
                        Environment.Exit(1);
                    }

                    try { new SmtpClient("smtp.example.com").Send("a@example.com", "b@example.com", "s", "b"); }
                    {|SMTP2001:catch (Exception ex)|} { Console.WriteLine(ex.Message); }
                    """,
            };
            TestSetup.Configure(test, LanguageVersion.Latest);
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test.RunAsync(CancellationToken.None);
        }

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
