using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Reliability;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer, SmtpAnalyzers.Reliability.FailureSwallowedCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>The reply read only to be logged, connection failures without a reply, and the exemption of test code.</summary>
    public partial class SMTP2001Tests
    {
        private const string Logger = """

            interface IAppLogger
            {
                void LogError(string message, params object[] args);
                void Warn(string message);
            }
            """;

        [Fact]
        public Task InnerExceptionsFollowedOnlyToKeepTheirText_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                private readonly IAppLogger _log;

                public Mailer(IAppLogger log) => _log = log;

                public void Walk(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch (Exception ex)|}
                    {
                        while (ex.InnerException != null)
                        {
                            ex = ex.InnerException;
                        }

                        _log.Warn("mail failed: " + ex.Message);
                    }
                }

                public void WalkWithPattern(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch (Exception ex)|}
                    {
                        while (ex.InnerException is not null) ex = ex.InnerException;
                        Console.WriteLine(ex.Message);
                    }
                }

                public void BaseException(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch (SmtpException ex)|}
                    {
                        _log.Warn(ex.GetBaseException().Message);
                    }
                }

                public void InnerOrOuterText(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch (SmtpException ex)|}
                    {
                        _log.Warn(ex.InnerException?.Message ?? ex.Message);
                    }
                }
            }
            """ + Logger);

        [Fact]
        public Task InnerExceptionsLookedAtOrHandedOn_AreQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Net.Sockets;

            class Mailer
            {
                private readonly IAppLogger _log;
                private readonly Action<Exception> _onError;

                public Mailer(IAppLogger log, Action<Exception> onError)
                {
                    _log = log;
                    _onError = onError;
                }

                public void Classified(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (Exception ex)
                    {
                        while (ex.InnerException != null)
                        {
                            ex = ex.InnerException;
                        }

                        if (ex is SocketException)
                        {
                            _log.Warn("network: " + ex.Message);
                        }
                    }
                }

                public void HandedOn(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (Exception ex)
                    {
                        _onError(ex.GetBaseException());
                        _log.Warn(ex.Message);
                    }
                }

                public void InnerTypeChecked(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException ex)
                    {
                        _log.Warn(ex.InnerException is SocketException ? "network" : ex.Message);
                    }
                }
            }
            """ + Logger);

        [Fact]
        public Task ReplyReadOnlyToBeLogged_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                private readonly IAppLogger _log;

                public Mailer(IAppLogger log) => _log = log;

                public async Task<bool> Send(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        await client.SendAsync(message);
                    }
                    {|SMTP2001:catch (SmtpCommandException ex)|}
                    {
                        _log.LogError("SMTP failure {Code} {ErrorCode}: {Text}", ex.StatusCode, ex.ErrorCode, ex.Message);
                    }

                    return true;
                }

                public void ReturnsOnTwoCodes(System.Net.Mail.SmtpClient client, System.Net.Mail.MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch (System.Net.Mail.SmtpException ex)|}
                    {
                        if (ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxBusy)
                        {
                            _log.Warn("busy, " + ex.StatusCode);
                            return;
                        }

                        if (ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxUnavailable)
                        {
                            return;
                        }

                        var text = $"failed with {(int)ex.StatusCode}";
                        Console.WriteLine(text.ToUpperInvariant());
                    }
                }
            }
            """ + Logger);

        [Fact]
        public Task ReplyReadOnlyToBeLogged_GetsTheClauseSplitByClass() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch (SmtpException ex)|}
                    {
                        Console.WriteLine("SMTP failure " + (int)ex.StatusCode);
                    }
                }
            }
            """,
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        // Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.
                        Console.WriteLine("SMTP failure " + (int)ex.StatusCode);
                    }
                    catch (SmtpException ex)
                    {
                        // Not a 4yz reply: a 5yz reply is permanent (RFC 5321 §4.2.1); do not send the same message again unchanged.
                        Console.WriteLine("SMTP failure " + (int)ex.StatusCode);
                    }
                }
            }
            """);

        [Fact]
        public Task ProtocolFailure_IsReportedAsAConnectionFailureWithoutAReply() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                public void Send(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|#0:catch (SmtpProtocolException ex)|}
                    {
                        Console.WriteLine(ex.Message);
                    }
                    {|#1:catch (SmtpCommandException ex)|}
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """,
            LanguageVersion.Latest,
            new DiagnosticResult("SMTP2001", DiagnosticSeverity.Warning).WithLocation(0)
                .WithMessage("This catch of SmtpProtocolException around an SMTP send swallows a connection failure, which carries no reply code: the mail was not sent and nobody outside learns it; rethrow, pass the exception on, or reconnect and send again"),
            new DiagnosticResult("SMTP2001", DiagnosticSeverity.Warning).WithLocation(1)
                .WithArguments("SmtpCommandException", string.Empty));

        [Fact]
        public Task CatchOfExceptionWithoutAVariable_GetsANamedTransientClause() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public void Send(SmtpClient client, MailMessage message, string reply)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch (Exception)|}
                    {
                        Console.WriteLine(reply);
                    }
                }
            }
            """,
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public void Send(SmtpClient client, MailMessage message, string reply)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        // Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.
                        Console.WriteLine(reply);
                    }
                    catch (Exception)
                    {
                        // Permanent SMTP failures (5yz, RFC 5321 §4.2.1) and every other error arrive here: do not send the same message again unchanged.
                        Console.WriteLine(reply);
                    }
                }
            }
            """);

        [Fact]
        public Task ProtocolFailure_GetsNoFix() => Verify.VerifyNoFixAsync(
            """
            using System;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                public void Send(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch (SmtpProtocolException ex)|}
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """);

        private const string CommandClauseThenCatchAll = """
            using System;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                public void Send(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpCommandException ex)
                    {
                        Console.WriteLine(ex.StatusCode);
                        throw;
                    }
                    [|catch (Exception ex)|]
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """;

        [Fact]
        public Task CatchThatReceivesNoReplyAfterAnEarlierCommandClause_IsAConnectionFailureWithoutAFix() => Task.WhenAll(
            VerifyAnalyzer.VerifyAsync(
                CommandClauseThenCatchAll.Replace("[|", "{|#0:").Replace("|]", "|}"),
                LanguageVersion.Latest,
                new DiagnosticResult("SMTP2001", DiagnosticSeverity.Warning).WithLocation(0)
                    .WithMessage("This catch of Exception around an SMTP send swallows a connection failure, which carries no reply code: the mail was not sent and nobody outside learns it; rethrow, pass the exception on, or reconnect and send again")),
            Verify.VerifyNoFixAsync(CommandClauseThenCatchAll.Replace("[|", "{|SMTP2001:").Replace("|]", "|}")));

        [Fact]
        public Task AuthenticationRequiredCaughtByType_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using MailKit;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            public static class CliSender
            {
                // ServiceNotAuthenticatedException has no reply code to lose: its type says 530, authentication required.
                public static void Send(MimeMessage message, string host, string user, string password)
                {
                    using var client = new SmtpClient();
                    client.Connect(host, 465, SecureSocketOptions.SslOnConnect);
                    client.Authenticate(user, password);
                    try { client.Send(message); }
                    catch (SmtpCommandException ex) { Console.Error.WriteLine($"{ex.ErrorCode} {ex.StatusCode} {ex.Mailbox}"); throw; }
                    catch (ServiceNotAuthenticatedException ex) { Console.Error.WriteLine(ex.Message); Environment.Exit(3); }
                    catch (SmtpProtocolException) { throw; }
                    catch (Exception ex) { Console.Error.WriteLine(ex.Message); Environment.Exit(4); }
                    client.Disconnect(true);
                }
            }
            """);

        [Fact]
        public Task ReplyReadThatLeavesTheCatch_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            enum Outcome { Sent, Retry, Failed }

            class Mailer
            {
                private readonly IAppLogger _log;
                private Outcome _last;

                public Mailer(IAppLogger log) => _log = log;

                // Logged, then rethrown.
                public void A(SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); }
                    catch (SmtpException ex) { _log.LogError("SMTP {Code}", ex.StatusCode); throw; }
                }

                // The code decides what the caller gets.
                public Outcome B(SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); return Outcome.Sent; }
                    catch (SmtpException ex)
                    {
                        _log.LogError("SMTP {Code}", ex.StatusCode);
                        return ex.StatusCode == SmtpStatusCode.MailboxBusy ? Outcome.Retry : Outcome.Failed;
                    }
                }

                // The code is stored for the caller.
                public void C(SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); }
                    catch (SmtpException ex)
                    {
                        _log.Warn("failed " + ex.StatusCode);
                        _last = ex.StatusCode == SmtpStatusCode.MailboxBusy ? Outcome.Retry : Outcome.Failed;
                    }
                }

                // The code goes to something that is not a log.
                public void D(SmtpClient client, MailMessage message, Action<SmtpStatusCode> onFailure)
                {
                    try { client.Send(message); }
                    catch (SmtpException ex) { _log.Warn("failed"); onFailure(ex.StatusCode); }
                }

                // Logged in a retry loop: falling out of the catch tries again.
                public void Loop(SmtpClient client, MailMessage message)
                {
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        try { client.Send(message); return; }
                        catch (SmtpException ex) { _log.Warn("attempt failed: " + ex.StatusCode); }
                    }

                    throw new InvalidOperationException("not sent");
                }

                // Logged, then the method says it failed.
                public bool Reported(SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); return true; }
                    catch (SmtpException ex) { _log.Warn("failed: " + ex.StatusCode); }

                    return false;
                }

                // A new exception carries the code.
                public void E(SmtpClient client, MailMessage message)
                {
                    try { client.Send(message); }
                    catch (SmtpException ex) when (ex.StatusCode != SmtpStatusCode.MailboxBusy)
                    {
                        _log.Warn("failed " + ex.StatusCode);
                        throw new MailRejectedException((int)ex.StatusCode);
                    }
                }
            }

            class MailRejectedException : Exception
            {
                public MailRejectedException(int code) => Code = code;

                public int Code { get; }
            }
            """ + Logger);

        [Fact]
        public Task ProtocolFailureReconnectedOrRethrown_IsQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using MailKit.Net.Smtp;
            using MimeKit;

            class Mailer
            {
                public void Send(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpProtocolException ex)
                    {
                        Console.WriteLine(ex.Message);
                        throw;
                    }
                }

                public void Reconnect(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpProtocolException)
                    {
                        client.Disconnect(false);
                        client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                        client.Send(message);
                    }
                }

                public void Requeue(SmtpClient client, MimeMessage message, QueueItem item)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpProtocolException ex)
                    {
                        Console.WriteLine(ex.Message);
                        item.Status = "pending";
                    }
                }

                public bool Reported(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    catch (SmtpProtocolException)
                    {
                    }

                    return false;
                }

                public void Wrap(SmtpClient client, MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpProtocolException ex)
                    {
                        throw new InvalidOperationException("connection lost", ex);
                    }
                }
            }

            class QueueItem
            {
                public string Status { get; set; }
            }
            """);
    }
}
