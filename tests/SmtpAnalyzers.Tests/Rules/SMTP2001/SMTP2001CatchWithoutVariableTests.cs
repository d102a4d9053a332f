using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer, SmtpAnalyzers.Reliability.FailureSwallowedCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Rules.SMTP2001
{
    /// <summary>
    /// The SMTP2001 fix on catch clauses without a variable: the transient clause's filter needs the exception, so the
    /// fix names it, and the name clashes with no local, parameter, lambda parameter, range variable or outer catch variable.
    /// </summary>
    public class SMTP2001CatchWithoutVariableTests
    {
        private const string TransientComment = "// Transient failure, a 4yz reply (RFC 5321 §4.2.1): the same message may be accepted later; retry it with backoff.";
        private const string OtherComment = "// Permanent SMTP failures (5yz, RFC 5321 §4.2.1) and every other error arrive here: do not send the same message again unchanged.";
        private const string PermanentComment = "// Not a 4yz reply: a 5yz reply is permanent (RFC 5321 §4.2.1); do not send the same message again unchanged.";

        [Fact]
        public Task CatchExceptionWithoutVariable_GetsANamedSmtpClause() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public bool Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    {|SMTP2001:catch (Exception)|}
                    {
                        return false;
                    }
                }
            }
            """,
            $$"""
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public bool Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                    {
                        {{TransientComment}}
                        return false;
                    }
                    catch (Exception)
                    {
                        {{OtherComment}}
                        return false;
                    }
                }
            }
            """);

        [Fact]
        public Task ExAlreadyAParameter_TheVariableGetsAnotherName() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public bool Send(SmtpClient client, MailMessage message, Exception ex)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    {|SMTP2001:catch (SmtpException)|}
                    {
                        return ex is null;
                    }
                }
            }
            """,
            $$"""
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public bool Send(SmtpClient client, MailMessage message, Exception ex)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    catch (SmtpException smtpEx) when (smtpEx.StatusCode.IsTransientFailure())
                    {
                        {{TransientComment}}
                        return ex is null;
                    }
                    catch (SmtpException)
                    {
                        {{PermanentComment}}
                        return ex is null;
                    }
                }
            }
            """);

        [Fact]
        public Task ExAlreadyALocalDeclaredAfterTheTry_TheVariableGetsAnotherName() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public bool Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch (Exception)|}
                    {
                        return false;
                    }

                    var ex = 1;
                    return ex > 0;
                }
            }
            """,
            $$"""
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public bool Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException smtpEx) when (smtpEx.StatusCode.IsTransientFailure())
                    {
                        {{TransientComment}}
                        return false;
                    }
                    catch (Exception)
                    {
                        {{OtherComment}}
                        return false;
                    }

                    var ex = 1;
                    return ex > 0;
                }
            }
            """);

        [Fact]
        public Task ExALambdaParameterAndSmtpExALocalInTheBody_TheVariableGetsTheNextFreeName() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;

            class Mailer
            {
                public List<string> Errors { get; } = new List<string>();

                public void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    {|SMTP2001:catch|}
                    {
                        var smtpEx = "send failed";
                        Errors.ForEach(ex => Console.WriteLine(ex + smtpEx));
                    }
                }
            }
            """,
            $$"""
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;

            class Mailer
            {
                public List<string> Errors { get; } = new List<string>();

                public void Send(SmtpClient client, MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (SmtpException exception) when (exception.StatusCode.IsTransientFailure())
                    {
                        {{TransientComment}}
                        var smtpEx = "send failed";
                        Errors.ForEach(ex => Console.WriteLine(ex + smtpEx));
                    }
                    catch
                    {
                        {{OtherComment}}
                        var smtpEx = "send failed";
                        Errors.ForEach(ex => Console.WriteLine(ex + smtpEx));
                    }
                }
            }
            """);

        [Fact]
        public Task ExARangeVariableInScope_TheVariableGetsAnotherName() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Linq;
            using System.Net.Mail;

            class Mailer
            {
                public bool[] SendAll(SmtpClient client, MailMessage[] messages)
                    => (from ex in messages
                        select Send(() =>
                        {
                            try
                            {
                                client.Send(ex);
                                return true;
                            }
                            {|SMTP2001:catch (SmtpException)|}
                            {
                                return false;
                            }
                        })).ToArray();

                private static bool Send(Func<bool> send) => send();
            }
            """,
            $$"""
            using System;
            using System.Linq;
            using System.Net.Mail;

            class Mailer
            {
                public bool[] SendAll(SmtpClient client, MailMessage[] messages)
                    => (from ex in messages
                        select Send(() =>
                        {
                            try
                            {
                                client.Send(ex);
                                return true;
                            }
                            catch (SmtpException smtpEx) when (smtpEx.StatusCode.IsTransientFailure())
                            {
                                {{TransientComment}}
                                return false;
                            }
                            catch (SmtpException)
                            {
                                {{PermanentComment}}
                                return false;
                            }
                        })).ToArray();

                private static bool Send(Func<bool> send) => send();
            }
            """);

        [Fact]
        public Task NestedCatchInsideACatchOfEx_TheVariableGetsAnotherName() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public bool Send(SmtpClient client, MailMessage message, MailMessage fallback)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    catch (InvalidOperationException ex)
                    {
                        try
                        {
                            client.Send(fallback);
                            return ex.Message.Length > 0;
                        }
                        {|SMTP2001:catch (SmtpException)|}
                        {
                            return false;
                        }
                    }
                }
            }
            """,
            $$"""
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public bool Send(SmtpClient client, MailMessage message, MailMessage fallback)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    catch (InvalidOperationException ex)
                    {
                        try
                        {
                            client.Send(fallback);
                            return ex.Message.Length > 0;
                        }
                        catch (SmtpException smtpEx) when (smtpEx.StatusCode.IsTransientFailure())
                        {
                            {{TransientComment}}
                            return false;
                        }
                        catch (SmtpException)
                        {
                            {{PermanentComment}}
                            return false;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task EveryPreferredNameTaken_TheVariableIsNumbered() => Verify.VerifyWithClassChecksAsync(
            """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public bool Send(SmtpClient client, MailMessage message, int ex, int smtpEx, int exception, int smtpException)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    {|SMTP2001:catch (Exception)|}
                    {
                        return false;
                    }
                }
            }
            """,
            $$"""
            using System;
            using System.Net.Mail;

            class Mailer
            {
                public bool Send(SmtpClient client, MailMessage message, int ex, int smtpEx, int exception, int smtpException)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    catch (SmtpException ex2) when (ex2.StatusCode.IsTransientFailure())
                    {
                        {{TransientComment}}
                        return false;
                    }
                    catch (Exception)
                    {
                        {{OtherComment}}
                        return false;
                    }
                }
            }
            """);

        [Fact]
        public Task SmtpCatchWithoutVariable_TheUnfilteredClauseDeclaresNoUnusedVariable()
        {
            // An unused catch variable is warning CS0168, an error in builds with warnings as errors.
            var test = Verify.Create(
                """
                using System.Net.Mail;

                class Mailer
                {
                    public bool Send(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                            return true;
                        }
                        {|SMTP2001:catch (SmtpException)|}
                        {
                            return false;
                        }
                    }
                }
                """,
                $$"""
                using System.Net.Mail;

                class Mailer
                {
                    public bool Send(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                            return true;
                        }
                        catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                        {
                            {{TransientComment}}
                            return false;
                        }
                        catch (SmtpException)
                        {
                            {{PermanentComment}}
                            return false;
                        }
                    }
                }
                """);
            test.FixedState.Sources.Add(Holder.WithClassChecks());
            test.CompilerDiagnostics = CompilerDiagnostics.Warnings;
            return test.RunAsync();
        }

        [Fact]
        public Task FixAllOverTwoCatchesWithoutVariable_EachGetsAName()
        {
            var test = Verify.Create(
                """
                using System;
                using System.Net.Mail;

                class Mailer
                {
                    public bool Send(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                        }
                        {|SMTP2001:catch (Exception)|}
                        {
                            return false;
                        }

                        try
                        {
                            client.Send(message);
                            return true;
                        }
                        {|SMTP2001:catch (SmtpException)|}
                        {
                            return false;
                        }
                    }
                }
                """,
                $$"""
                using System;
                using System.Net.Mail;

                class Mailer
                {
                    public bool Send(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                        }
                        catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                        {
                            {{TransientComment}}
                            return false;
                        }
                        catch (Exception)
                        {
                            {{OtherComment}}
                            return false;
                        }

                        try
                        {
                            client.Send(message);
                            return true;
                        }
                        catch (SmtpException ex) when (ex.StatusCode.IsTransientFailure())
                        {
                            {{TransientComment}}
                            return false;
                        }
                        catch (SmtpException)
                        {
                            {{PermanentComment}}
                            return false;
                        }
                    }
                }
                """);
            test.FixedState.Sources.Add(Holder.WithClassChecks());
            return test.RunAsync();
        }
    }
}
