using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.PermanentFailureRetriedAnalyzer, SmtpAnalyzers.Reliability.PermanentFailureRetriedCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Rules.SMTP2002
{
    /// <summary>The SMTP2002 filter fix on catch clauses without a variable names the exception without a clash.</summary>
    public class SMTP2002CatchWithoutVariableTests
    {
        [Fact]
        public Task ExALocalOfTheLoopAndALambdaParameterInTheBody_TheVariableGetsAnotherName() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        var ex = attempt * 1000;
                        try
                        {
                            client.Send(message);
                            return;
                        }
                        catch {|SMTP2002:(SmtpException)|}
                        {
                            Action<int> wait = smtpEx => Thread.Sleep(smtpEx);
                            wait(ex);
                        }
                    }
                }
            }
            """,
            """
            using System;
            using System.Net.Mail;
            using System.Threading;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        var ex = attempt * 1000;
                        try
                        {
                            client.Send(message);
                            return;
                        }
                        catch (SmtpException exception) when (exception.StatusCode.IsTransientFailure())
                        {
                            Action<int> wait = smtpEx => Thread.Sleep(smtpEx);
                            wait(ex);
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NestedInACatchOfEx_TheVariableGetsAnotherName() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (InvalidOperationException ex)
                    {
                        for (var attempt = 1; attempt <= 3; attempt++)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch {|SMTP2002:(SmtpException)|}
                            {
                                Thread.Sleep(ex.Message.Length);
                            }
                        }
                    }
                }
            }
            """,
            """
            using System;
            using System.Net.Mail;
            using System.Threading;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (InvalidOperationException ex)
                    {
                        for (var attempt = 1; attempt <= 3; attempt++)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (SmtpException smtpEx) when (smtpEx.StatusCode.IsTransientFailure())
                            {
                                Thread.Sleep(ex.Message.Length);
                            }
                        }
                    }
                }
            }
            """);
    }
}
