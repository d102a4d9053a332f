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
    /// <summary>The fixed code, one fix and fix-all, and the shapes that get no fix.</summary>
    public partial class SMTP1004Tests
    {
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
    }
}
