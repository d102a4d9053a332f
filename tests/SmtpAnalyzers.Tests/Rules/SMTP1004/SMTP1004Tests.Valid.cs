using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.ReplyCodeInMessageTextAnalyzer, SmtpAnalyzers.ReplyCodes.ReplyCodeInMessageTextCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.ReplyCodeInMessageTextAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>Correct code and near misses that must stay free of this rule's diagnostics.</summary>
    public partial class SMTP1004Tests
    {
        [Fact]
        public Task FtpAndOtherNonSmtpExceptions_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Mail;

            class Client
            {
                SmtpClient smtp = new SmtpClient();

                bool Missing(FtpWebRequest request)
                {
                    try
                    {
                        request.GetResponse().Dispose();
                        return false;
                    }
                    catch (WebException e) when (e.Message.Contains("550"))
                    {
                        return true;
                    }
                    catch (IOException e)
                    {
                        var text = e.Message;
                        return text.Contains("5.1.1") || e.ToString().StartsWith("421") || e.Message == "550";
                    }
                }

                bool Wrapped(SmtpException ex) => ex.InnerException != null && ex.InnerException.Message.Contains("550");

                bool Mail(MailKit.Security.AuthenticationException ex) => ex.Message.Contains("535");
            }
            """);

        [Fact]
        public Task MessagePropertiesOfNonExceptionTypes_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class SendResult
            {
                public string Message { get; set; } = "";

                public SmtpStatusCode StatusCode { get; set; }

                public override string ToString() => Message;
            }

            // Hides Exception.Message: this Message is the class's own text, not the exception message.
            class RedactedSmtpException : SmtpException
            {
                public new string Message => "redacted";

                public new string ToString() => Message;
            }

            static class TextMatcher
            {
                public static bool IsMatch(string input, string pattern) => input == pattern;
            }

            class FormattingTests
            {
                bool Formats(SendResult result) => result.Message.Contains("550") && result.ToString().StartsWith("550");

                bool Redacted(RedactedSmtpException ex) => ex.Message.Contains("550") || ex.ToString().Contains("550");

                bool NotARegex(SmtpException ex) => TextMatcher.IsMatch(ex.Message, "550");
            }
            """);

        [Fact]
        public Task LoggingAndFormattingTheMessage_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;

            static class Assert
            {
                public static void Contains(string expected, string actual) { }
            }

            class Sender
            {
                readonly List<string> errors = new List<string>();

                void Log(SmtpException ex)
                {
                    Console.WriteLine("550: " + ex.Message);
                    Console.WriteLine($"smtp failed ({ex.StatusCode}): {ex.Message}");
                    errors.Add(ex.ToString().Replace("550", "mailbox unavailable"));
                    errors.Contains("550");
                    Assert.Contains("550", ex.Message);
                }
            }
            """);

        [Theory]
        [InlineData("5")]
        [InlineData("55")]
        [InlineData("5500")]
        [InlineData("550x")]
        [InlineData("x550")]
        [InlineData("Error 550")]
        [InlineData("550 5.1.1")]
        [InlineData("199")]
        [InlineData("600")]
        [InlineData("5.7.")]
        [InlineData("5.1")]
        [InlineData("3.1.1")]
        [InlineData("5.1.1.1")]
        [InlineData("5.1.1234")]
        [InlineData("1.550")]
        [InlineData("Mailbox unavailable")]
        [InlineData("")]
        public Task StringsThatAreNotOneCode_AreNotReported(string text) => VerifyAnalyzer.VerifyAsync(
            SystemNetMailTemplate.Replace("TEST", $"ex.Message.Contains(\"{text}\") || ex.Message == \"{text}\""));

        [Theory]
        [InlineData(@"\d{3}")]
        [InlineData(@"5\d\d")]
        [InlineData(@"[45]\d{2}")]
        [InlineData(@"^5[0-9]{2}")]
        [InlineData(@"x{250}")]
        [InlineData(@"\d{1,250}")]
        [InlineData(@"5550")]
        [InlineData(@"1\.550")]
        [InlineData(@"5\.7\.")]
        public Task RegexPatternsWithoutALiteralCode_AreNotReported(string pattern) => VerifyAnalyzer.VerifyAsync(
            SystemNetMailTemplate.Replace("TEST", $"Regex.IsMatch(ex.Message, @\"{pattern}\")"));

        [Fact]
        public Task ExceptionBuiltInTheCode_IsNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class SmtpExceptionTests
            {
                bool MessageKeepsTheServerText()
                {
                    var ex = new SmtpException(SmtpStatusCode.MailboxUnavailable, "5.1.1 user unknown");
                    return ex.Message.Contains("5.1.1") && new SmtpException("550 no").Message.StartsWith("550");
                }
            }
            """);

        [Fact]
        public Task ReassignedLocal_IsNotTheMessage() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool Check(SmtpException ex, string fallback)
                {
                    var text = ex.Message;
                    if (fallback != null) text = fallback;
                    return text.Contains("550");
                }
            }
            """);
    }
}
