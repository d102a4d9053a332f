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
    public class SMTP1004Tests
    {
        private const string SystemNetMailTemplate = """
            using System;
            using System.Net.Mail;
            using System.Text.RegularExpressions;

            class Sender
            {
                bool Check(SmtpException ex) => TEST;

                static T[] Errors<T>(T e) => new[] { e };
            }
            """;

        private const string MailKitTemplate = """
            using System;
            using System.Text.RegularExpressions;
            using MailKit.Net.Smtp;

            class Sender
            {
                bool Check(SmtpCommandException ex) => TEST;

                static T[] Errors<T>(T e) => new[] { e };
            }
            """;

        // ---------------------------------------------------------------- diagnostics on both libraries

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

        // ---------------------------------------------------------------- the fix

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task SystemNetMail_ContainsInCatchFilter_ComparesStatusCode(LanguageVersion languageVersion) => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                string Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return "sent";
                    }
                    catch (SmtpException ex) when (ex.Message.Contains({|SMTP1004:"550"|}))
                    {
                        return "unknown mailbox";
                    }
                }
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                string Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return "sent";
                    }
                    catch (SmtpException ex) when (ex.StatusCode == SmtpStatusCode.MailboxUnavailable)
                    {
                        return "unknown mailbox";
                    }
                }
            }
            """,
            languageVersion);

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task MailKit_ContainsInCatchFilter_ComparesStatusCode(LanguageVersion languageVersion) => Verify.VerifyAsync(
            """
            using MailKit.Net.Smtp;
            using MimeKit;

            class Sender
            {
                string Send(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return "sent";
                    }
                    catch (SmtpCommandException ex) when (ex.Message.Contains({|SMTP1004:"550"|}))
                    {
                        return "unknown mailbox";
                    }
                }
            }
            """,
            """
            using MailKit.Net.Smtp;
            using MimeKit;

            class Sender
            {
                string Send(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return "sent";
                    }
                    catch (SmtpCommandException ex) when (ex.StatusCode == SmtpStatusCode.MailboxUnavailable)
                    {
                        return "unknown mailbox";
                    }
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task SystemNetMail_451_IsLocalErrorInProcessing() => Verify.VerifyAsync(
            SystemNetMailTemplate.Replace("TEST", "ex.Message.Contains({|SMTP1004:\"451\"|})"),
            SystemNetMailTemplate.Replace("TEST", "ex.StatusCode == SmtpStatusCode.LocalErrorInProcessing"));

        [Fact]
        public Task MailKit_451_IsErrorInProcessing() => Verify.VerifyAsync(
            MailKitTemplate.Replace("TEST", "ex.Message.Contains({|SMTP1004:\"451\"|})"),
            MailKitTemplate.Replace("TEST", "ex.StatusCode == SmtpStatusCode.ErrorInProcessing"));

        [Fact]
        public Task MailKit_535_HasAMember() => Verify.VerifyAsync(
            MailKitTemplate.Replace("TEST", "ex.Message.Contains({|SMTP1004:\"535\"|})"),
            MailKitTemplate.Replace("TEST", "ex.StatusCode == SmtpStatusCode.AuthenticationInvalidCredentials"));

        [Theory]
        [InlineData("!ex.Message.Contains({|SMTP1004:\"550\"|})", "ex.StatusCode != SmtpStatusCode.MailboxUnavailable")]
        [InlineData("!(ex.Message.StartsWith({|SMTP1004:\"421\"|}))", "ex.StatusCode != SmtpStatusCode.ServiceNotAvailable")]
        [InlineData("!!ex.Message.Contains({|SMTP1004:\"550\"|})", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("!(ex.Message != {|SMTP1004:\"550\"|})", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("!(ex.Message.IndexOf({|SMTP1004:\"550\"|}) >= 0)", "ex.StatusCode != SmtpStatusCode.MailboxUnavailable")]
        public async Task Negation_IsFoldedIntoTheComparison(string test, string fixedTest)
        {
            await Verify.VerifyAsync(SystemNetMailTemplate.Replace("TEST", test), SystemNetMailTemplate.Replace("TEST", fixedTest));
            await Verify.VerifyAsync(MailKitTemplate.Replace("TEST", test), MailKitTemplate.Replace("TEST", fixedTest));
        }

        [Theory]
        [InlineData("ex.Message.Contains({|SMTP1004:\"550\"|}, StringComparison.Ordinal)", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("ex.Message.StartsWith({|SMTP1004:\"550\"|})", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("ex.Message.EndsWith({|SMTP1004:\"550\"|})", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("ex.Message.IndexOf({|SMTP1004:\"550\"|}) >= 0", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("ex.Message.IndexOf({|SMTP1004:\"550\"|}) != -1", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("-1 < ex.Message.LastIndexOf({|SMTP1004:\"550\"|})", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("ex.Message.IndexOf({|SMTP1004:\"550\"|}, StringComparison.Ordinal) < 0", "ex.StatusCode != SmtpStatusCode.MailboxUnavailable")]
        [InlineData("-1 == ex.Message.IndexOf({|SMTP1004:\"550\"|})", "ex.StatusCode != SmtpStatusCode.MailboxUnavailable")]
        [InlineData("ex.Message == {|SMTP1004:\"550\"|}", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("{|SMTP1004:\"550\"|} != ex.Message", "ex.StatusCode != SmtpStatusCode.MailboxUnavailable")]
        [InlineData("ex.Message.Equals({|SMTP1004:\"550\"|})", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("{|SMTP1004:\"550\"|}.Equals(ex.Message)", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("string.Equals(ex.Message, {|SMTP1004:\"550\"|}, StringComparison.Ordinal)", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("Regex.IsMatch(ex.Message, {|SMTP1004:\"550\"|})", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("Regex.Match(ex.ToString(), {|SMTP1004:\"550\"|}).Success", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("new Regex({|SMTP1004:\"550\"|}).IsMatch(ex.Message)", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("ex.ToString().Contains({|SMTP1004:\"550\"|})", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("ex.Message.Substring(0, 3) == {|SMTP1004:\"550\"|}", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("ex.Message.Contains({|SMTP1004:\"550\"|}) && ex.Message.Length > 0", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable && ex.Message.Length > 0")]
        [InlineData("ex.Message.Contains({|SMTP1004:\"550\"|}) is false", "(ex.StatusCode == SmtpStatusCode.MailboxUnavailable) is false")]
        [InlineData("true == ex.Message.Contains({|SMTP1004:\"550\"|})", "true == (ex.StatusCode == SmtpStatusCode.MailboxUnavailable)")]
        public Task EveryTextTest_BecomesAStatusCodeComparison(string test, string fixedTest) => Verify.VerifyAsync(
            SystemNetMailTemplate.Replace("TEST", test),
            SystemNetMailTemplate.Replace("TEST", fixedTest));

        [Fact]
        public Task NotEqualsTestIsNegated_InLatestSyntax() => Verify.VerifyAsync(
            MailKitTemplate.Replace("TEST", "ex.Message.Contains({|SMTP1004:\"421\"|}) is not true"),
            MailKitTemplate.Replace("TEST", "(ex.StatusCode == SmtpStatusCode.ServiceNotAvailable) is not true"),
            LanguageVersion.Latest);

        [Fact]
        public Task PollyPredicate_LambdaParameterIsFixed() => Verify.VerifyAsync(
            """
            using MailKit.Net.Smtp;
            using Polly;

            class Sender
            {
                Policy Retry() => Policy
                    .Handle<SmtpCommandException>(ex => ex.Message.Contains({|SMTP1004:"421"|}) || !ex.Message.Contains({|SMTP1004:"554"|}))
                    .WaitAndRetry(3, attempt => System.TimeSpan.FromSeconds(attempt));
            }
            """,
            """
            using MailKit.Net.Smtp;
            using Polly;

            class Sender
            {
                Policy Retry() => Policy
                    .Handle<SmtpCommandException>(ex => ex.StatusCode == SmtpStatusCode.ServiceNotAvailable || ex.StatusCode != SmtpStatusCode.TransactionFailed)
                    .WaitAndRetry(3, attempt => System.TimeSpan.FromSeconds(attempt));
            }
            """);

        [Fact]
        public Task SingularRecipientException_IsFixed() => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsBusy(SmtpFailedRecipientException failed) => failed.Message.Contains({|SMTP1004:"450"|});
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsBusy(SmtpFailedRecipientException failed) => failed.StatusCode == SmtpStatusCode.MailboxBusy;
            }
            """);

        [Fact]
        public Task NoUsingDirective_MemberIsQualified() => Verify.VerifyAsync(
            """
            class Sender
            {
                bool IsBusy(MailKit.Net.Smtp.SmtpCommandException ex) => ex.Message.Contains({|SMTP1004:"450"|});
            }
            """,
            """
            class Sender
            {
                bool IsBusy(MailKit.Net.Smtp.SmtpCommandException ex) => ex.StatusCode == MailKit.Net.Smtp.SmtpStatusCode.MailboxBusy;
            }
            """);

        [Fact]
        public Task FixAll_FixesEveryFixableSearchInTheDocument()
        {
            var test = Verify.Create(
            """
            using System.Net.Mail;

            class Sender
            {
                string Describe(SmtpException ex)
                {
                    if (ex.Message.Contains({|SMTP1004:"421"|}) || ex.Message.Contains({|SMTP1004:"451"|})) return "try later";
                    if (!ex.Message.Contains({|SMTP1004:"550"|}) && ex.Message.Contains({|SMTP1004:"5.1.1"|})) return "odd";
                    if (ex.Message.IndexOf({|SMTP1004:"552"|}) >= 0) return "full";
                    return ex.Message.Contains({|SMTP1004:"535"|}) ? "credentials" : "other";
                }
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                string Describe(SmtpException ex)
                {
                    if (ex.StatusCode == SmtpStatusCode.ServiceNotAvailable || ex.StatusCode == SmtpStatusCode.LocalErrorInProcessing) return "try later";
                    if (ex.StatusCode != SmtpStatusCode.MailboxUnavailable && ex.Message.Contains({|SMTP1004:"5.1.1"|})) return "odd";
                    if (ex.StatusCode == SmtpStatusCode.ExceededStorageAllocation) return "full";
                    return ex.StatusCode == SmtpReplyCodes.SystemNetMail.AuthenticationInvalidCredentials ? "credentials" : "other";
                }
            }
            """);

            // The fixed code keeps the search that has no fix (an enhanced code); its markup is what is left.
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.FixedState.Sources.Add(Holder.File(Holder535));
            return test.RunAsync(CancellationToken.None);
        }

        // ---------------------------------------------------------------- reported without a fix

        [Theory]
        [InlineData("ex.Message.Contains({|SMTP1004:\"5.1.1\"|})")]
        [InlineData("ex.Message.StartsWith({|SMTP1004:\"5.7.57\"|})")]
        [InlineData("Regex.IsMatch(ex.Message, {|SMTP1004:@\"4\\.7\\.0\"|})")]
        [InlineData("Regex.IsMatch(ex.Message, {|SMTP1004:@\"\\b550\\b\"|})")]
        [InlineData("Regex.Match(ex.Message, {|SMTP1004:\"550\"|}) != null")]
        [InlineData("ex.Message.IndexOf({|SMTP1004:\"550\"|}) == 0")]
        [InlineData("ex?.Message.Contains({|SMTP1004:\"550\"|}) == true")]
        [InlineData("Errors(ex)[0].Message.Contains({|SMTP1004:\"550\"|})")]
        public async Task NoFix_WhenTheRewriteWouldNotMeanTheSame(string test)
        {
            await Verify.VerifyNoFixAsync(SystemNetMailTemplate.Replace("TEST", test));
            await Verify.VerifyNoFixAsync(MailKitTemplate.Replace("TEST", test));
        }

        private const string Holder535 = """
            internal static class SmtpReplyCodes
            {
                /// <summary>Reply codes that <see cref="global::System.Net.Mail.SmtpStatusCode"/> has no member for.</summary>
                internal static class SystemNetMail
                {
                    /// <summary>535: authentication credentials invalid (RFC 4954 §6). Permanent: do not retry; ask for new credentials.</summary>
                    internal const global::System.Net.Mail.SmtpStatusCode AuthenticationInvalidCredentials = (global::System.Net.Mail.SmtpStatusCode)535;
                }
            }

            """;

        [Fact]
        public Task SystemNetMail535_WhichHasNoMember_GetsTheDocumentedConstant()
        {
            var test = Verify.Create(
                SystemNetMailTemplate.Replace("TEST", "ex.Message.Contains({|SMTP1004:\"535\"|})"),
                SystemNetMailTemplate.Replace("TEST", "ex.StatusCode == SmtpReplyCodes.SystemNetMail.AuthenticationInvalidCredentials"));
            test.FixedState.Sources.Add(Holder.File(Holder535));
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task NoFix_ForALocalHoldingTheMessage() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                string Send(SmtpClient client, MailMessage message)
                {
                    string text;
                    try
                    {
                        client.Send(message);
                        return "sent";
                    }
                    catch (SmtpException ex)
                    {
                        var captured = ex.Message;
                        text = captured;
                        if (captured.Contains({|SMTP1004:"550"|})) return "unknown mailbox";
                    }

                    return text;
                }
            }
            """);

        [Fact]
        public Task NoFix_ForThePluralRecipientsException_WhoseStatusCodeIsGeneralFailure() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                string Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return "sent";
                    }
                    catch (SmtpFailedRecipientsException ex) when (ex.Message.Contains({|SMTP1004:"550"|}))
                    {
                        return "unknown mailboxes";
                    }
                }
            }
            """);

        [Fact]
        public Task NoFix_ForSmtpProtocolException_WhichHasNoStatusCode() => Verify.VerifyNoFixAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsClosing(SmtpProtocolException ex) => ex.Message.Contains({|SMTP1004:"421"|});
            }
            """);

        // ---------------------------------------------------------------- quiet

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
