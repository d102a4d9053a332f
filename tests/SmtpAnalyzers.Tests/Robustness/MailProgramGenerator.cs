using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SmtpAnalyzers.Tests.Robustness
{
    /// <summary>
    /// A generated corpus of well-formed mail-sending programs: every combination of library, send shape, failure
    /// handling and the function that holds it. Handlers with and without each rule's trigger are in the mix, so
    /// the programs exercise every analyzer and every fix. Each program compiles (the suite checks it).
    /// </summary>
    internal static class MailProgramGenerator
    {
        public enum Library { SystemNetMail, MailKit }

        public enum Send { Sync, Await, DiscardInAsync, DiscardInSync, EventBased }

        public enum Container { Method, Lambda, LocalFunction, Polly }

        public static IEnumerable<StressInput> All()
        {
            foreach (var library in new[] { Library.SystemNetMail, Library.MailKit })
            {
                foreach (var send in (Send[])Enum.GetValues(typeof(Send)))
                {
                    if (send == Send.EventBased && library == Library.MailKit)
                    {
                        continue;
                    }

                    foreach (var handler in Handlers.Where(h => h.Only is null || h.Only == library))
                    {
                        foreach (var container in (Container[])Enum.GetValues(typeof(Container)))
                        {
                            var name = $"generated {library}/{send}/{handler.Name}/{container}";
                            var text = Program(library, send, handler, container);
                            yield return new StressInput(name, text, LanguageVersion.Latest, mustCompile: true);
                            if (handler.MinVersion <= LanguageVersion.CSharp7_3)
                            {
                                yield return new StressInput(name, text, LanguageVersion.CSharp7_3, mustCompile: true);
                            }
                        }
                    }
                }
            }
        }

        /// <summary>
        /// One way of handling the send's failure. Placeholders: {E} the library's reply exception, {C} its status code
        /// enum, {Busy} {Unavailable} {LocalError} enum members. <see cref="Predicate"/> is what a Polly policy filters with.
        /// </summary>
        private sealed class Handler
        {
            public Handler(string name, string catches, string? predicate = null, LanguageVersion minVersion = LanguageVersion.CSharp7_3, Library? only = null)
            {
                Name = name;
                Catches = catches;
                Predicate = predicate;
                MinVersion = minVersion;
                Only = only;
            }

            public string Name { get; }

            public string Catches { get; }

            public string? Predicate { get; }

            public LanguageVersion MinVersion { get; }

            public Library? Only { get; }
        }

        private static readonly Handler[] Handlers =
        {
            new Handler("propagates", string.Empty),
            new Handler("typed catches in order (System.Net.Mail)", """
                catch (SmtpFailedRecipientsException ex)
                {
                    return ex.InnerExceptions.All(inner => IsTransient(inner.StatusCode)) ? Outcome.RetryLater : Outcome.Failed;
                }
                catch (SmtpFailedRecipientException ex)
                {
                    _log.Add("refused " + ex.FailedRecipient);
                    return IsTransient(ex.StatusCode) ? Outcome.RetryLater : Outcome.Failed;
                }
                catch (SmtpException ex) when (IsTransient(ex.StatusCode))
                {
                    return Outcome.RetryLater;
                }
                """, "IsTransient(ex.StatusCode)", only: Library.SystemNetMail),
            new Handler("error code dispatch (MailKit)", """
                catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
                {
                    _log.Add("refused " + ex.Mailbox);
                    return Outcome.Failed;
                }
                catch (SmtpCommandException ex) when (IsTransient(ex.StatusCode))
                {
                    return Outcome.RetryLater;
                }
                catch (SmtpProtocolException)
                {
                    throw;
                }
                """, "IsTransient(ex.StatusCode)", only: Library.MailKit),
            new Handler("flattened to text", """
                catch (Exception ex)
                {
                    _log.Add(ex.Message);
                }
                """),
            new Handler("empty typed catch", """
                catch ({E})
                {
                }
                """),
            new Handler("log and rethrow", """
                catch (Exception ex)
                {
                    Console.Error.WriteLine(ex);
                    throw;
                }
                """),
            new Handler("error handler", """
                catch (Exception ex)
                {
                    _onError(ex);
                }
                """),
            new Handler("magic range filter", """
                catch ({E} ex) when ((int)ex.StatusCode >= 400 && (int)ex.StatusCode < 500)
                {
                    return Outcome.RetryLater;
                }
                """, "(int)ex.StatusCode >= 400 && (int)ex.StatusCode < 500"),
            new Handler("magic code filter", """
                catch ({E} ex) when ((int)ex.StatusCode == 450 || ex.StatusCode == ({C})421)
                {
                    return Outcome.RetryLater;
                }
                """, "(int)ex.StatusCode == 450 || ex.StatusCode == ({C})421"),
            new Handler("named members filter", """
                catch ({E} ex) when (ex.StatusCode == {C}.{Busy} || ex.StatusCode == {C}.ServiceNotAvailable)
                {
                    return Outcome.RetryLater;
                }
                """, "ex.StatusCode == {C}.{Busy} || ex.StatusCode == {C}.ServiceNotAvailable"),
            new Handler("code read from message text", """
                catch ({E} ex) when (ex.Message.Contains("450") || ex.Message.Contains("4.2.1"))
                {
                    return Outcome.RetryLater;
                }
                """, "ex.Message.Contains(\"450\")"),
            new Handler("relational pattern with casts", """
                catch ({E} ex) when (ex.StatusCode is >= ({C})400 and < ({C})500)
                {
                    return Outcome.RetryLater;
                }
                """, "ex.StatusCode is >= ({C})400 and < ({C})500", LanguageVersion.CSharp9),
            new Handler("property pattern", """
                catch ({E} ex) when (ex is { StatusCode: {C}.{Busy} })
                {
                    return Outcome.RetryLater;
                }
                """, "ex is { StatusCode: {C}.{Busy} }", LanguageVersion.CSharp8),
            new Handler("switch over a local", """
                catch ({E} ex)
                {
                    var code = (int)ex.StatusCode;
                    switch (code)
                    {
                        case 421:
                        case 450:
                            return Outcome.RetryLater;
                        case 550:
                            return Outcome.Failed;
                        default:
                            throw;
                    }
                }
                """),
            new Handler("switch over the cast", """
                catch ({E} ex)
                {
                    switch ((int)ex.StatusCode)
                    {
                        case 421:
                        case 451:
                            return Outcome.RetryLater;
                        default:
                            throw;
                    }
                }
                """),
            new Handler("named switch expression", """
                catch ({E} ex)
                {
                    return ex.StatusCode switch
                    {
                        {C}.{Busy} => Outcome.RetryLater,
                        {C}.ServiceNotAvailable => Outcome.RetryLater,
                        _ => Outcome.Failed,
                    };
                }
                """, minVersion: LanguageVersion.CSharp8),
            new Handler("numeric switch expression", """
                catch ({E} ex)
                {
                    return (int)ex.StatusCode switch
                    {
                        421 or 450 => Outcome.RetryLater,
                        >= 500 and < 600 => Outcome.Failed,
                        _ => Outcome.RetryLater,
                    };
                }
                """, minVersion: LanguageVersion.CSharp9),
            new Handler("local range", """
                catch ({E} ex)
                {
                    var code = (int)ex.StatusCode;
                    if (code >= 500 && code < 600)
                    {
                        return Outcome.Failed;
                    }

                    throw;
                }
                """),
            new Handler("wrong class boundary", """
                catch ({E} ex) when (ex.StatusCode >= {C}.{Unavailable})
                {
                    return Outcome.Failed;
                }
                """, "ex.StatusCode >= {C}.{Unavailable}"),
            new Handler("membership in an array", """
                catch ({E} ex) when (Array.IndexOf(new[] { 421, 450, 451 }, (int)ex.StatusCode) >= 0)
                {
                    return Outcome.RetryLater;
                }
                """),
            new Handler("misclassified", """
                catch ({E} ex)
                {
                    _log.Add(Classify(ex.StatusCode).ToString());
                    throw;
                }
                """),
            new Handler("allow-list with backoff", """
                catch ({E} ex) when (TransientCodes.Contains(ex.StatusCode))
                {
                    _retryAfter = Backoff(_attempt++);
                    return Outcome.RetryLater;
                }
                catch ({E} ex)
                {
                    throw new PermanentMailException("not retried: " + ex.StatusCode, ex);
                }
                """, "TransientCodes.Contains(ex.StatusCode)"),
        };

        private static string Program(Library library, Send send, Handler handler, Container container)
        {
            var snm = library == Library.SystemNetMail;
            var async = send is Send.Await or Send.DiscardInAsync;
            var sendStatement = SendStatement(library, send, container == Container.Polly ? handler : null);
            var catches = handler.Catches;
            var body = catches.Length == 0
                ? $"{sendStatement}\nreturn Outcome.Sent;"
                : $"try\n{{\n    {sendStatement}\n    return Outcome.Sent;\n}}\n{catches}\n\nreturn Outcome.Failed;";
            var result = async ? "Task<Outcome>" : "Outcome";
            var asyncKeyword = async ? "async " : string.Empty;
            var method = container switch
            {
                Container.Lambda => $"public {result} Run({Message(library)} message)\n{{\n    Func<{result}> attempt = {asyncKeyword}() =>\n    {{\n{Indent(body, 8)}\n    }};\n    return attempt();\n}}",
                Container.LocalFunction => $"public {asyncKeyword}{result} Run({Message(library)} message)\n{{\n    return {(async ? "await " : string.Empty)}Attempt();\n\n    {asyncKeyword}{result} Attempt()\n    {{\n{Indent(body, 8)}\n    }}\n}}",
                _ => $"public {asyncKeyword}{result} Run({Message(library)} message)\n{{\n{Indent(body, 4)}\n}}",
            };

            var text = $$"""
                // Generated: {{library}}, {{send}}, {{handler.Name}}, {{container}}.
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                {{(snm ? "using System.Net.Mail;" : "using MailKit;\nusing MailKit.Net.Smtp;\nusing MimeKit;")}}
                {{(container == Container.Polly ? "using Polly;" : string.Empty)}}

                namespace Generated
                {
                    public enum Outcome { Sent, RetryLater, Failed }

                    public enum Severity { Critical, TemporaryProblem, Ok }

                    public sealed class PermanentMailException : Exception
                    {
                        public PermanentMailException(string message, Exception inner) : base(message, inner) { }
                    }

                    public sealed class Mailer
                    {
                        private static readonly {C}[] TransientCodes = { {C}.ServiceNotAvailable, {C}.{Busy}, {C}.{LocalError}, {C}.InsufficientStorage };

                        private readonly List<string> _log = new List<string>();
                        private readonly Action<Exception> _onError;
                        private readonly SmtpClient _client;
                        private TimeSpan _retryAfter;
                        private int _attempt;

                        public Mailer(SmtpClient client, Action<Exception> onError)
                        {
                            _client = client;
                            _onError = onError;
                        }

                        public TimeSpan RetryAfter => _retryAfter;

                {{Indent(method, 8)}}

                        private static bool IsTransient({C} code) => Array.IndexOf(TransientCodes, code) >= 0;

                        private static TimeSpan Backoff(int attempt) => TimeSpan.FromMinutes(Math.Min(30 * Math.Pow(2, attempt), 24 * 60));

                {{(handler.Catches.Contains("Classify(") ? Indent(ClassifyMethod, 8) : string.Empty)}}
                    }
                }

                """;

            return text
                .Replace("{E}", snm ? "SmtpException" : "SmtpCommandException")
                .Replace("{C}", "SmtpStatusCode")
                .Replace("{Busy}", "MailboxBusy")
                .Replace("{Unavailable}", "MailboxUnavailable")
                .Replace("{LocalError}", snm ? "LocalErrorInProcessing" : "ErrorInProcessing");
        }

        private const string ClassifyMethod = """
            private static Severity Classify({C} code)
            {
                switch (code)
                {
                    case {C}.{Busy}:
                        return Severity.Critical;
                    case {C}.TransactionFailed:
                        return Severity.TemporaryProblem;
                    default:
                        return Severity.Ok;
                }
            }
            """;

        private static string SendStatement(Library library, Send send, Handler? polly)
        {
            var snm = library == Library.SystemNetMail;
            var syncCall = "_client.Send(message)";
            var asyncCall = snm ? "_client.SendMailAsync(message)" : "_client.SendAsync(message)";
            if (polly is not null && send != Send.EventBased)
            {
                var exception = polly.Predicate is null ? "Exception" : "{E}";
                var handle = polly.Predicate is null ? $"Policy.Handle<{exception}>()" : $"Policy.Handle<{exception}>(ex => {polly.Predicate})";
                return send switch
                {
                    Send.Sync => $"{handle}.WaitAndRetry(3, attempt => Backoff(attempt)).Execute(() => {syncCall});",
                    Send.Await => $"await {handle}.WaitAndRetryAsync(3, attempt => Backoff(attempt)).ExecuteAsync(() => {asyncCall});",
                    _ => $"_ = {handle}.WaitAndRetryAsync(3, attempt => Backoff(attempt)).ExecuteAsync(() => {asyncCall});",
                };
            }

            return send switch
            {
                Send.Sync => syncCall + ";",
                Send.Await => $"await {asyncCall};",
                Send.EventBased => "_client.SendAsync(message, null);",
                _ => $"_ = {asyncCall};",
            };
        }

        private static string Message(Library library) => library == Library.SystemNetMail ? "MailMessage" : "MimeMessage";

        private static string Indent(string text, int spaces)
        {
            var pad = new string(' ', spaces);
            return string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.Length == 0 ? l : pad + l));
        }
    }
}
