using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Reliability;
using SmtpAnalyzers.Knowledge;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.ReplyClassMisclassifiedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Where the rule reports, at exact spans.</summary>
    public partial class SMTP2005Tests
    {
        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task InvertedSwitch_ReportsEachMisplacedMember(LanguageVersion languageVersion) => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            enum Severity { Critical, TemporaryProblem, Ok }

            class Classifier
            {
                Severity Classify(SmtpException ex)
                {
                    switch (ex.StatusCode)
                    {
                        case {|#0:SmtpStatusCode.MailboxBusy|}:
                        case {|#1:SmtpStatusCode.ServiceNotAvailable|}:
                            return Severity.Critical;
                        case {|#2:SmtpStatusCode.TransactionFailed|}:
                            return Severity.TemporaryProblem;
                        case SmtpStatusCode.Ok:
                            return Severity.Ok;
                        default:
                            return Severity.Critical;
                    }
                }
            }
            """,
            languageVersion,
            Info(0, "SmtpStatusCode.MailboxBusy is a transient 4yz reply (450), but it is handled as 'Severity.Critical'; a transient failure may succeed later, so retry it with backoff (RFC 5321 §4.2.1)"),
            Info(1, "SmtpStatusCode.ServiceNotAvailable is a transient 4yz reply (421), but it is handled as 'Severity.Critical'; a transient failure may succeed later, so retry it with backoff (RFC 5321 §4.2.1)"),
            Info(2, "SmtpStatusCode.TransactionFailed is a permanent 5yz reply (554), but it is handled as 'Severity.TemporaryProblem'; do not send the same message again unchanged (RFC 5321 §4.2.1)"));

        [Fact]
        public Task OrPatternsInArmsAndCases_ReportEachMisplacedMember() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class Classifier
            {
                string Describe(SmtpException ex) => ex.StatusCode switch
                {
                    {|SMTP2005:SmtpStatusCode.MailboxBusy|} or SmtpStatusCode.MailboxUnavailable or {|SMTP2005:SmtpStatusCode.InsufficientStorage|} => "permanent failure",
                    _ => "unknown",
                };

                bool ShouldRetry(SmtpException ex)
                {
                    switch (ex.StatusCode)
                    {
                        case SmtpStatusCode.ServiceNotAvailable or {|SMTP2005:SmtpStatusCode.TransactionFailed|}:
                            return true;
                        default:
                            return false;
                    }
                }
            }
            """);

        [Fact]
        public Task SwitchExpressionStringsAndBoolHelpers_MailKit() => VerifyAnalyzer.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Classifier
            {
                string Describe(SmtpCommandException ex) => ex.StatusCode switch
                {
                    {|#0:SmtpStatusCode.AuthenticationInvalidCredentials|} => "temporary problem, retry",
                    SmtpStatusCode.MailboxBusy => "try again later",
                    _ => "permanent failure",
                };

                static bool IsTransient(SmtpStatusCode code)
                {
                    if (code == SmtpStatusCode.ErrorInProcessing || code == {|#1:SmtpStatusCode.MailboxUnavailable|})
                    {
                        return true;
                    }

                    return false;
                }

                static bool ShouldRetry(SmtpStatusCode code) => code is SmtpStatusCode.MailboxBusy;
            }
            """,
            LanguageVersion.Latest,
            Info(0, "SmtpStatusCode.AuthenticationInvalidCredentials is a permanent 5yz reply (535), but it is handled as 'temporary problem, retry'; do not send the same message again unchanged (RFC 5321 §4.2.1)"),
            Info(1, "SmtpStatusCode.MailboxUnavailable is a permanent 5yz reply (550), but it is handled as 'IsTransient returning true'; do not send the same message again unchanged (RFC 5321 §4.2.1)"));

        [Fact]
        public Task PredicatesThatReturnTheirList_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            static class Classifier
            {
                // The shape of a public sender's helper: the list is the returned value.
                public static bool CanRecoverFromException(SmtpException ex)
                {
                    return (ex.StatusCode == SmtpStatusCode.InsufficientStorage
                        || ex.StatusCode == SmtpStatusCode.MailboxBusy
                        || ex.StatusCode == {|#0:SmtpStatusCode.MailboxUnavailable|}
                        || ex.StatusCode == SmtpStatusCode.ServiceClosingTransmissionChannel
                        || ex.StatusCode == {|#1:SmtpStatusCode.TransactionFailed|});
                }

                public static bool IsPermanentFailure(MailKit.Net.Smtp.SmtpStatusCode code)
                    => code == MailKit.Net.Smtp.SmtpStatusCode.MailboxUnavailable || {|#2:MailKit.Net.Smtp.SmtpStatusCode.ServiceNotAvailable|} == code;
            }
            """,
            LanguageVersion.Latest,
            Info(0, "SmtpStatusCode.MailboxUnavailable is a permanent 5yz reply (550), but it is handled as 'CanRecoverFromException returning true'; do not send the same message again unchanged (RFC 5321 §4.2.1)"),
            Info(1, "SmtpStatusCode.TransactionFailed is a permanent 5yz reply (554), but it is handled as 'CanRecoverFromException returning true'; do not send the same message again unchanged (RFC 5321 §4.2.1)"),
            Info(2, "MailKit.Net.Smtp.SmtpStatusCode.ServiceNotAvailable is a transient 4yz reply (421), but it is handled as 'IsPermanentFailure returning true'; a transient failure may succeed later, so retry it with backoff (RFC 5321 §4.2.1)"));

        [Fact]
        public Task GeneralFailureAsPermanent_WithoutInnerException_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class PermanentMailException : Exception { }

            class Classifier
            {
                void Handle(SmtpException ex)
                {
                    if (ex.StatusCode == {|#0:SmtpStatusCode.GeneralFailure|})
                    {
                        throw new PermanentMailException();
                    }

                    if (ex.StatusCode == SmtpStatusCode.GeneralFailure && ex.InnerException == null)
                    {
                        throw new PermanentMailException();
                    }
                }
            }
            """,
            LanguageVersion.Latest,
            Info(0, "SmtpStatusCode.GeneralFailure is no reply at all (time-outs and network errors included), but it is handled as 'PermanentMailException'; look at InnerException first: network errors are transient"));

        /// <summary>
        /// A helper given only the code cannot look at InnerException: the advice sends the decision to where the exception
        /// is. Code that has the exception (a parameter, a catch around it, a lambda's parameter) is told to look at it.
        /// </summary>
        [Fact]
        public Task GeneralFailureAsPermanent_InAHelperGivenOnlyTheCode_SendsTheDecisionToTheException() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            enum Delivery { Sent, RetryLater, Rejected }

            class Classifier
            {
                static bool IsPermanentFailure(SmtpStatusCode code) => code == {|#0:SmtpStatusCode.GeneralFailure|} || code == SmtpStatusCode.MailboxUnavailable;

                static Delivery Classify(SmtpStatusCode code)
                {
                    switch (code)
                    {
                        case {|#1:SmtpStatusCode.GeneralFailure|}:
                            return Delivery.Rejected;
                        default:
                            return Delivery.Sent;
                    }
                }

                static Delivery FromException(SmtpException ex) => ex.StatusCode switch
                {
                    {|#2:SmtpStatusCode.GeneralFailure|} => Delivery.Rejected,
                    _ => Delivery.Sent,
                };

                void Send(SmtpClient client, MailMessage message, Action<Delivery> done)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException ex)
                    {
                        Func<SmtpStatusCode, Delivery> classify = c => c == {|#3:SmtpStatusCode.GeneralFailure|} ? Delivery.Rejected : Delivery.RetryLater;
                        done(classify(ex.StatusCode));
                    }

                    Func<SmtpException, Delivery> fromFailure = failure => failure.StatusCode == {|#4:SmtpStatusCode.GeneralFailure|} ? Delivery.Rejected : Delivery.RetryLater;
                    done(fromFailure(new SmtpException()));
                }
            }
            """,
            LanguageVersion.Latest,
            Info(0, "SmtpStatusCode.GeneralFailure is no reply at all (time-outs and network errors included), but it is handled as 'IsPermanentFailure returning true'; decide it where the exception is, by its InnerException: network errors are transient"),
            Info(1, "SmtpStatusCode.GeneralFailure is no reply at all (time-outs and network errors included), but it is handled as 'Delivery.Rejected'; decide it where the exception is, by its InnerException: network errors are transient"),
            Info(2, "SmtpStatusCode.GeneralFailure is no reply at all (time-outs and network errors included), but it is handled as 'Delivery.Rejected'; look at InnerException first: network errors are transient"),
            Info(3, "SmtpStatusCode.GeneralFailure is no reply at all (time-outs and network errors included), but it is handled as 'Delivery.Rejected'; look at InnerException first: network errors are transient"),
            Info(4, "SmtpStatusCode.GeneralFailure is no reply at all (time-outs and network errors included), but it is handled as 'Delivery.Rejected'; look at InnerException first: network errors are transient"));
    }
}
