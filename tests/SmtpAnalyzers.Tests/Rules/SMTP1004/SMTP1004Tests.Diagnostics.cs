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
    /// <summary>Where the rule reports, at exact spans.</summary>
    public partial class SMTP1004Tests
    {
        [Theory]
        [InlineData("ex.Message.Contains({|SMTP1004:\"550\"|})")]
        [InlineData("ex.Message.Contains({|SMTP1004:\"550\"|}, StringComparison.Ordinal)")]
        [InlineData("ex.Message.StartsWith({|SMTP1004:\"421\"|})")]
        [InlineData("ex.Message.IndexOf({|SMTP1004:\"5.1.1\"|}) >= 0")]
        [InlineData("ex.Message.IndexOf({|SMTP1004:\"552\"|}) == 12")]
        [InlineData("ex.Message == {|SMTP1004:\"550\"|}")]
        [InlineData("{|SMTP1004:\"550\"|} != ex.Message")]
        [InlineData("ex.Message.Equals({|SMTP1004:\"550\"|})")]
        [InlineData("{|SMTP1004:\"550\"|}.Equals(ex.Message)")]
        [InlineData("string.Equals(ex.Message, {|SMTP1004:\"4.7.0\"|}, StringComparison.OrdinalIgnoreCase)")]
        [InlineData("Regex.IsMatch(ex.Message, {|SMTP1004:@\"\\b5\\.7\\.57\\b\"|})")]
        [InlineData("Regex.Match(ex.Message, {|SMTP1004:\"^550\"|}, RegexOptions.Multiline).Success")]
        [InlineData("new Regex({|SMTP1004:\"5.1.1\"|}).IsMatch(ex.ToString())")]
        [InlineData("ex.ToString().Contains({|SMTP1004:\"550\"|})")]
        [InlineData("ex.Message.ToLowerInvariant().Trim().StartsWith({|SMTP1004:\" 550 \"|})")]
        [InlineData("(ex.Message).Substring(0, 3) == {|SMTP1004:\"550\"|}")]
        public async Task TextSearches_AreReportedOnBothLibraries(string test)
        {
            foreach (var languageVersion in new[] { LanguageVersion.CSharp7_3, LanguageVersion.Latest })
            {
                await VerifyAnalyzer.VerifyAsync(SystemNetMailTemplate.Replace("TEST", test), languageVersion);
                await VerifyAnalyzer.VerifyAsync(MailKitTemplate.Replace("TEST", test), languageVersion);
            }
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task LocalHoldingTheText_IsReported(LanguageVersion languageVersion) => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using MailKit.Net.Smtp;

            class Sender
            {
                string Classify(SmtpClient client, MimeKit.MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return "sent";
                    }
                    catch (Exception e)
                    {
                        var smtpEx = e as SmtpCommandException;
                        if (smtpEx != null)
                        {
                            var text = smtpEx.Message;
                            var full = smtpEx.ToString().ToUpperInvariant();
                            if (text.Contains({|SMTP1004:"5.7.57"|})) return "auth";
                            if (full.IndexOf({|SMTP1004:"421"|}, StringComparison.Ordinal) > -1) return "closing";
                        }

                        return "failed";
                    }
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task NewerSyntax_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Sender
            {
                const string Busy = "450";

                string Classify(Exception e) => e switch
                {
                    SmtpFailedRecipientException { FailedRecipient: not null } one when one.Message.Contains({|SMTP1004:Busy|}) => "busy",
                    SmtpException smtp when smtp.Message?.Contains({|SMTP1004:$"5.2.2"|}) is true => "full",
                    SmtpException smtp when smtp.Message.Contains({|SMTP1004:"421"|}) is not true => "other",
                    _ => "unknown",
                };
            }
            """,
            LanguageVersion.Latest);

        [Fact]
        public Task Messages_SayWhatToCompareInstead() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;
            using System.Text.RegularExpressions;

            class Sender
            {
                bool A(SmtpException ex) => ex.Message.Contains({|#0:"550"|});
                bool B(SmtpException ex) => Regex.IsMatch(ex.Message, {|#1:@"5\.1\.1"|});
                bool C(SmtpException error) => error.Message.Contains({|#2:"535"|});
                bool D(SmtpFailedRecipientsException ex) => ex.Message.Contains({|#3:"550"|});
                bool E(MailKit.Net.Smtp.SmtpProtocolException ex) => ex.Message.Contains({|#4:"421"|});
                bool F(MailKit.Net.Smtp.SmtpCommandException ex) => ex.Message.Contains({|#5:"451"|});
                bool G(SmtpException[] errors) => errors[0].Message.Contains({|#6:"550"|});
                bool H(MailKit.Net.Smtp.SmtpProtocolException ex) => ex.Message.Contains({|#7:"4.4.2"|});
            }
            """,
            LanguageVersion.Latest,
            VerifyAnalyzer.Diagnostic("SMTP1004").WithLocation(0).WithMessage("Compare ex.StatusCode with SmtpStatusCode.MailboxUnavailable instead of searching the message for \"550\""),
            VerifyAnalyzer.Diagnostic("SMTP1004").WithLocation(1).WithMessage("Decide on the status code's reply class instead of searching the message for the enhanced status code \"5.1.1\""),
            VerifyAnalyzer.Diagnostic("SMTP1004").WithLocation(2).WithMessage("Compare error.StatusCode with a named constant for 535 (System.Net.Mail's SmtpStatusCode has no member for it) instead of searching the message for \"535\""),
            VerifyAnalyzer.Diagnostic("SMTP1004").WithLocation(3).WithMessage("Compare the StatusCode of each of ex.InnerExceptions with SmtpStatusCode.MailboxUnavailable instead of searching the message for \"550\""),
            VerifyAnalyzer.Diagnostic("SMTP1004").WithLocation(4).WithMessage("Handle SmtpProtocolException by its type, which carries no reply code, instead of searching the message for \"421\""),
            VerifyAnalyzer.Diagnostic("SMTP1004").WithLocation(5).WithMessage("Compare ex.StatusCode with SmtpStatusCode.ErrorInProcessing instead of searching the message for \"451\""),
            VerifyAnalyzer.Diagnostic("SMTP1004").WithLocation(6).WithMessage("Compare the exception's StatusCode with SmtpStatusCode.MailboxUnavailable instead of searching the message for \"550\""),
            VerifyAnalyzer.Diagnostic("SMTP1004").WithLocation(7).WithMessage("Handle SmtpProtocolException by its type, which carries no reply code, instead of searching the message for the enhanced status code \"4.4.2\""));

        [Fact]
        public Task OurGeneratedHelpers_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.CodeDom.Compiler;
            using System.Net.Mail;

            [GeneratedCode("SmtpAnalyzers", "0.1.0")]
            static class SmtpReplyText
            {
                public static bool IsUnknownMailbox(SmtpException ex) => ex.Message.Contains("550");
            }

            static class HandWritten
            {
                public static bool IsUnknownMailbox(SmtpException ex) => ex.Message.Contains({|SMTP1004:"550"|});
            }
            """);
    }
}
