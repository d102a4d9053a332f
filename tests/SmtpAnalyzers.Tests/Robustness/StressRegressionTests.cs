using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SmtpAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Inputs on which the stress suite found a failure, kept as they were found. Each is still reported by its
    /// analyzer, but no fix is offered until the code around it compiles, and nothing throws.
    /// </summary>
    public class StressRegressionTests
    {
        [Theory]
        [InlineData(LanguageVersion.Latest)]
        [InlineData(LanguageVersion.CSharp7_3)]
        public Task SMTP2001_CatchBodyBeingTyped_NoFixThatGarblesTheClauses(LanguageVersion languageVersion) => NoFixOffered(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;

            class Mailer
            {
                public List<string> ErrorMessages { get; } = new List<string>();

                public void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (Exception ex)
                    {
                        ErrorMessages.
            """,
            languageVersion);

        [Fact]
        public Task SMTP1001_ArrayInitializerWithoutItsBrace_NoFixThatCrashesTheSimplifier() => NoFixOffered(
            """
            using System.Linq;
            using System.Net.Mail;

            class Sender
            {
                bool IsTransient(SmtpException ex) => new[] { 421, 450 .Contains((int)ex.StatusCode);

                bool IsTransient2(SmtpException ex) => new int[] { 451, 452 }.Contains((int)ex.StatusCode);
            }
            """,
            LanguageVersion.CSharp7_3);

        [Fact]
        public Task SMTP1002_PollyChainWithoutADot_NoFixThatChangesWhatTheParserRecovered() => NoFixOffered(
            """
            using MailKit.Net.Smtp;
            using Polly;

            class Policies
            {
                Policy Retry() => Policy.Handle<SmtpCommandException>(ex => (int)ex.StatusCode is >= 400 and < 500)Retry(3);
            }
            """,
            LanguageVersion.CSharp7_3);

        [Fact]
        public Task SMTP1004_MethodWithoutReturnType_NoFixInAConstructorBody() => NoFixOffered(
            """
            using System.Net.Mail;

            class Sender
            {
                IsBusy(SmtpFailedRecipientException failed) => failed.Message.Contains("450");
            }
            """,
            LanguageVersion.CSharp7_3);

        private static async Task NoFixOffered(string text, LanguageVersion languageVersion)
        {
            var report = new StressReport();
            await new StressHarness(report).CheckAsync(new StressInput("regression", text, languageVersion), StressLevel.Fixes);
            Assert.True(report.Failures.Count == 0, string.Join("\n\n", report.Failures));
            Assert.True(report.Diagnostics > 0, "the analyzer should still report the half-typed code");
            Assert.Equal(0, report.FixesApplied);
        }
    }
}
