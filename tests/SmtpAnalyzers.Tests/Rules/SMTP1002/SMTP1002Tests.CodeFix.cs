using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.ReplyClassRangeAnalyzer, SmtpAnalyzers.ReplyCodes.ReplyClassRangeCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.ReplyClassRangeAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>The fixed code, one fix and fix-all, and the shapes that get no fix.</summary>
    public partial class SMTP1002Tests
    {
        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task CatchFilterWithLowerBound_BecomesIsPermanentFailure(LanguageVersion languageVersion) => Verify.VerifyWithClassChecksAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException ex) when ({|SMTP1002:(int)ex.StatusCode >= 500|})
                    {
                        throw new System.InvalidOperationException("permanent", ex);
                    }
                }
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException ex) when (ex.StatusCode.IsPermanentFailure())
                    {
                        throw new System.InvalidOperationException("permanent", ex);
                    }
                }
            }
            """,
            languageVersion);

        [Fact]
        public Task LocalRangeWithAnd_IsOneDiagnosticAndUsesTheIntCheck() => Verify.VerifyWithClassChecksAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsTransient(SmtpException smtpEx)
                {
                    var code = (int)smtpEx.StatusCode;
                    if ({|SMTP1002:code >= 400 && code < 500|})
                    {
                        return true;
                    }

                    return {|SMTP1002:code < 500|};
                }
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                bool IsTransient(SmtpException smtpEx)
                {
                    var code = (int)smtpEx.StatusCode;
                    if (SmtpReplyCodes.IsTransientFailure(code))
                    {
                        return true;
                    }

                    return !SmtpReplyCodes.IsPermanentFailure(code);
                }
            }
            """);

        [Fact]
        public Task RelationalPatterns_OnBothLibraries() => Verify.VerifyWithClassChecksAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsTransient(SmtpCommandException ex) => (int)ex.StatusCode is {|SMTP1002:>= 400 and < 500|};

                bool IsPermanent(SmtpCommandException ex) => ex.StatusCode is {|SMTP1002:>= (SmtpStatusCode)500 and < (SmtpStatusCode)600|};

                bool IsPermanent2(System.Net.Mail.SmtpException ex) => ex.StatusCode is {|SMTP1002:>= (System.Net.Mail.SmtpStatusCode)500|};
            }
            """,
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsTransient(SmtpCommandException ex) => ex.StatusCode.IsTransientFailure();

                bool IsPermanent(SmtpCommandException ex) => ex.StatusCode.IsPermanentFailure();

                bool IsPermanent2(System.Net.Mail.SmtpException ex) => ex.StatusCode.IsPermanentFailure();
            }
            """);

        [Fact]
        public Task DivisionAndFirstCharacter_AreReported() => Verify.VerifyWithClassChecksAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                bool A(SmtpException ex) => {|SMTP1002:(int)ex.StatusCode / 100 == 4|};

                bool B(SmtpException ex) => {|SMTP1002:((int)ex.StatusCode).ToString().StartsWith("5")|};

                bool C(SmtpException ex) => {|SMTP1002:((int)ex.StatusCode).ToString()[0] != '5'|};

                bool D(SmtpException ex) => {|SMTP1002:((int)ex.StatusCode).ToString().StartsWith('4')|};
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                bool A(SmtpException ex) => ex.StatusCode.IsTransientFailure();

                bool B(SmtpException ex) => ex.StatusCode.IsPermanentFailure();

                bool C(SmtpException ex) => !ex.StatusCode.IsPermanentFailure();

                bool D(SmtpException ex) => ex.StatusCode.IsTransientFailure();
            }
            """);

        [Fact]
        public Task PropertyPattern_IsReportedWithoutAFix() => Verify.VerifyNoFixAsync(
            """
            using System;
            using MailKit.Net.Smtp;

            class Sender
            {
                bool IsPermanent(Exception ex) => ex is SmtpCommandException { StatusCode: {|SMTP1002:>= (SmtpStatusCode)500|} };
            }
            """);

        [Fact]
        public Task NamedClassEdge_IsStillAClassBoundary() => Verify.VerifyWithClassChecksAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                // CommandUnrecognized is the reply 500, not "every 5yz reply".
                bool IsPermanent(SmtpException ex) => {|SMTP1002:ex.StatusCode >= SmtpStatusCode.CommandUnrecognized|};
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                // CommandUnrecognized is the reply 500, not "every 5yz reply".
                bool IsPermanent(SmtpException ex) => ex.StatusCode.IsPermanentFailure();
            }
            """);

        [Fact]
        public Task PollyPredicate_IsFixed() => Verify.VerifyWithClassChecksAsync(
            """
            using MailKit.Net.Smtp;
            using Polly;

            class Policies
            {
                Policy Retry() => Policy.Handle<SmtpCommandException>(ex => (int)ex.StatusCode is {|SMTP1002:>= 400 and < 500|}).Retry(3);
            }
            """,
            """
            using MailKit.Net.Smtp;
            using Polly;

            class Policies
            {
                Policy Retry() => Policy.Handle<SmtpCommandException>(ex => ex.StatusCode.IsTransientFailure()).Retry(3);
            }
            """);

        [Fact]
        public Task FixAllAcrossTheProject_AddsOneHolder()
        {
            var test = Verify.Create("", "");
            test.TestState.Sources.Clear();
            test.FixedState.Sources.Clear();
            test.TestState.Sources.Add("""
                using System.Net.Mail;

                class A
                {
                    bool P(SmtpException ex) => {|SMTP1002:(int)ex.StatusCode >= 500|};
                }
                """);
            test.TestState.Sources.Add("""
                using MailKit.Net.Smtp;

                class B
                {
                    bool T(SmtpCommandException ex) => {|SMTP1002:(int)ex.StatusCode >= 400 && (int)ex.StatusCode < 500|};
                }
                """);
            test.FixedState.Sources.Add("""
                using System.Net.Mail;

                class A
                {
                    bool P(SmtpException ex) => ex.StatusCode.IsPermanentFailure();
                }
                """);
            test.FixedState.Sources.Add("""
                using MailKit.Net.Smtp;

                class B
                {
                    bool T(SmtpCommandException ex) => ex.StatusCode.IsTransientFailure();
                }
                """);
            test.FixedState.Sources.Add(Holder.WithClassChecks());
            return test.RunAsync();
        }
    }
}
