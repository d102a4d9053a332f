using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace SmtpAnalyzers.Benchmarks.Harness
{
    /// <summary>What the generated files hold besides the same ordinary business code.</summary>
    public enum Scenario
    {
        /// <summary>No SMTP type anywhere, and neither "Smtp" nor "MailKit" in any file: the analyzers' gate says no.</summary>
        NoSmtp,

        /// <summary>Correct mail code with System.Net.Mail and MailKit in every file: every first check runs, nothing is reported.</summary>
        CleanMail,

        /// <summary>Mail code with one violation template per rule in every file: every rule reports.</summary>
        Violations,

        /// <summary>
        /// The common project: one file in 25 (4 %, File0000, File0025, ...) holds the mail code of
        /// <see cref="Violations"/>; the others hold only the ordinary business code and name no mail library.
        /// The gate is open, so every operation of every file gets the engine's first checks.
        /// </summary>
        MailIn4Percent,
    }

    /// <summary>
    /// Generates the benchmark corpus: <c>count</c> C# files, each a namespace with an ordinary class (comparisons with
    /// numbers in the reply-code range on HTTP codes, switches, tries, conditionals, string searches, LINQ: every
    /// operation kind the rules listen to, none of it SMTP) and, in the mail scenarios, a mail class.
    /// </summary>
    public static class Corpus
    {
        /// <summary>Files of a scenario, named File0000.cs...; the same index gives the same text.</summary>
        public static ImmutableArray<(string Path, string Text)> Generate(Scenario scenario, int count)
            => Enumerable.Range(0, count).Select(i => ($"File{i:D4}.cs", File(scenario, i))).ToImmutableArray();

        /// <summary>
        /// The exact diagnostics per rule ID that <paramref name="count"/> files of <paramref name="scenario"/> produce.
        /// </summary>
        public static ImmutableDictionary<string, int> ExpectedDiagnostics(Scenario scenario, int count)
        {
            var violationFiles = Enumerable.Range(0, count).Count(i => HoldsViolations(scenario, i));
            if (violationFiles == 0)
            {
                return ImmutableDictionary<string, int>.Empty;
            }

            return ViolationTemplates.All
                .GroupBy(t => t.RuleId)
                .ToImmutableDictionary(g => g.Key, g => g.Sum(t => t.Diagnostics) * violationFiles);
        }

        /// <summary>One file in this many holds mail code in <see cref="Scenario.MailIn4Percent"/>.</summary>
        public const int MailFileEvery = 25;

        /// <summary>Whether file <paramref name="index"/> of <paramref name="scenario"/> holds mail code (and so names a mail library).</summary>
        public static bool HoldsMail(Scenario scenario, int index) => scenario switch
        {
            Scenario.NoSmtp => false,
            Scenario.MailIn4Percent => index % MailFileEvery == 0,
            _ => true,
        };

        private static bool HoldsViolations(Scenario scenario, int index)
            => scenario == Scenario.Violations || (scenario == Scenario.MailIn4Percent && HoldsMail(scenario, index));

        public static string File(Scenario scenario, int index)
        {
            var text = new StringBuilder();
            text.AppendLine("using System;");
            text.AppendLine("using System.Collections.Generic;");
            text.AppendLine("using System.Linq;");
            text.AppendLine("using System.Text;");
            text.AppendLine("using System.Threading;");
            text.AppendLine("using System.Threading.Tasks;");
            if (HoldsMail(scenario, index))
            {
                // Both libraries have an SmtpClient and an SmtpStatusCode: the mail code names each through an alias.
                text.AppendLine("using Net = System.Net.Mail;");
                text.AppendLine("using Kit = MailKit.Net.Smtp;");
                text.AppendLine("using MimeKit;");
            }

            text.AppendLine();
            text.AppendLine($"namespace Corpus.Part{index}");
            text.AppendLine("{");
            text.Append(Ordinary(index));
            if (scenario == Scenario.CleanMail)
            {
                text.Append(CleanMail(index));
            }
            else if (HoldsViolations(scenario, index))
            {
                text.AppendLine($"    public sealed class Outbox{index}");
                text.AppendLine("    {");
                text.AppendLine("        private readonly List<string> _errors = new List<string>();");
                text.AppendLine("        private readonly List<Exception> _failures = new List<Exception>();");
                foreach (var template in ViolationTemplates.All)
                {
                    text.AppendLine();
                    text.Append(template.Members);
                }

                text.AppendLine("    }");
            }

            text.AppendLine("}");
            return text.ToString();
        }

        /// <summary>Business code that is not SMTP but gives every registered operation kind work: the common case.</summary>
        private static string Ordinary(int index) => $$"""
                public sealed class Orders{{index}}
                {
                    private readonly List<int> _values = new List<int>();
                    private int _state;

                    public int Score(int status, string text)
                    {
                        if (status >= 500 && status < 600)
                        {
                            return -1;
                        }

                        if (status is >= 400 and < 500)
                        {
                            return 0;
                        }

                        var total = 0;
                        var retries = status / 100;
                        for (var k = 0; k < 10; k++)
                        {
                            total += k * 3 % 7;
                        }

                        switch (status)
                        {
                            case 200:
                                total += 1;
                                break;
                            case 404:
                                total -= 1;
                                break;
                            default:
                                break;
                        }

                        var label = status switch
                        {
                            200 => "ok",
                            301 => "moved",
                            503 => "unavailable",
                            _ => "other",
                        };
                        total += text.Contains("550") ? 1 : 0;
                        total += status.ToString().StartsWith("5") ? 2 : 0;
                        total += retries == 4 ? 1 : 0;
                        total += label.Length > 3 ? label.Length : 0;
                        return total + _values.Where(v => v > 250).Sum() + {{index % 7}};
                    }

                    public string Describe(IEnumerable<int> codes)
                    {
                        var builder = new StringBuilder();
                        foreach (var code in codes)
                        {
                            try
                            {
                                builder.Append(code / 100 == 4 ? "client" : "server").Append(',');
                            }
                            catch (InvalidOperationException ex)
                            {
                                builder.Append(ex.Message);
                            }
                        }

                        return builder.ToString();
                    }

                    public async Task<int> LoadAsync(Func<Task<int>> load)
                    {
                        try
                        {
                            _state = await load().ConfigureAwait(false);
                        }
                        catch (TimeoutException)
                        {
                            _state = 421;
                        }

                        return _state == 250 ? 1 : _state;
                    }
                }

            """;

        /// <summary>Correct mail code with both libraries: every rule's first checks pass, none reports.</summary>
        private static string CleanMail(int index) => $$"""
                public sealed class RetryLaterException{{index}} : Exception
                {
                    public RetryLaterException{{index}}(string message, Exception inner) : base(message, inner) { }
                }

                public enum Delivery{{index}}
                {
                    Sent,
                    RetryLater,
                    Rejected,
                }

                public sealed class Mailer{{index}}
                {
                    public async Task SendAsync(Net.SmtpClient client, Net.MailMessage message)
                    {
                        try
                        {
                            await client.SendMailAsync(message).ConfigureAwait(false);
                        }
                        catch (Net.SmtpException ex) when (ex.StatusCode == Net.SmtpStatusCode.MailboxBusy
                            || ex.StatusCode == Net.SmtpStatusCode.ServiceNotAvailable)
                        {
                            throw new RetryLaterException{{index}}("mailbox busy", ex);
                        }
                    }

                    public async Task SendAsync(Kit.ISmtpClient client, MimeMessage message, CancellationToken cancellationToken)
                    {
                        try
                        {
                            await client.SendAsync(message, cancellationToken);
                        }
                        catch (Kit.SmtpCommandException ex) when (ex.ErrorCode == Kit.SmtpErrorCode.RecipientNotAccepted)
                        {
                            throw new RetryLaterException{{index}}($"recipient refused with {ex.StatusCode}", ex);
                        }
                        catch (Kit.SmtpProtocolException)
                        {
                            throw;
                        }
                    }

                    public static Delivery{{index}} Classify(Net.SmtpStatusCode code)
                    {
                        switch (code)
                        {
                            case Net.SmtpStatusCode.Ok:
                                return Delivery{{index}}.Sent;
                            case Net.SmtpStatusCode.MailboxBusy:
                                return Delivery{{index}}.RetryLater;
                            case Net.SmtpStatusCode.MailboxUnavailable:
                                return Delivery{{index}}.Rejected;
                            default:
                                return code == Net.SmtpStatusCode.ServiceNotAvailable ? Delivery{{index}}.RetryLater : Delivery{{index}}.Rejected;
                        }
                    }

                    public static string Name(Kit.SmtpStatusCode code) => code switch
                    {
                        Kit.SmtpStatusCode.Ok => "ok",
                        Kit.SmtpStatusCode.MailboxBusy => "retry later",
                        _ => "other",
                    };

                    public static bool IsAuthProblem(Kit.SmtpCommandException ex)
                        => ex.StatusCode is Kit.SmtpStatusCode.AuthenticationRequired or Kit.SmtpStatusCode.AuthenticationInvalidCredentials;
                }

            """;
    }

    /// <summary>One violation: members of the violations class and the diagnostics they produce under one rule.</summary>
    public sealed class ViolationTemplate
    {
        public ViolationTemplate(string ruleId, int diagnostics, string members)
        {
            RuleId = ruleId;
            Diagnostics = diagnostics;
            Members = members;
        }

        public string RuleId { get; }

        /// <summary>How many diagnostics of <see cref="RuleId"/> the members produce, and of no other rule.</summary>
        public int Diagnostics { get; }

        /// <summary>Members of a class that has <c>List&lt;string&gt; _errors</c> and <c>List&lt;Exception&gt; _failures</c> fields; indented 8 spaces.</summary>
        public string Members { get; }
    }

    /// <summary>
    /// The violations of the violation scenario. A new rule gets one entry here (the smoke test fails, naming
    /// the rule, while an exported rule has none).
    /// </summary>
    public static class ViolationTemplates
    {
        public static IReadOnlyList<ViolationTemplate> All { get; } = new[]
        {
            new ViolationTemplate("SMTP1001", 1, """
                        public static bool IsMailboxUnavailable(Net.SmtpException ex) => (int)ex.StatusCode == 550;

                """),
            new ViolationTemplate("SMTP1002", 1, """
                        public static bool IsPermanent(Kit.SmtpCommandException ex) => (int)ex.StatusCode >= 500;

                """),
            new ViolationTemplate("SMTP1003", 1, """
                        public static bool IsPermanentFrom550(Net.SmtpException ex) => ex.StatusCode >= Net.SmtpStatusCode.MailboxUnavailable;

                """),
            new ViolationTemplate("SMTP1004", 1, """
                        public static bool NoSuchMailbox(Net.SmtpException ex) => ex.Message.Contains("550");

                """),
            new ViolationTemplate("SMTP2001", 1, """
                        public void Send(Net.SmtpClient client, Net.MailMessage message)
                        {
                            try
                            {
                                client.Send(message);
                            }
                            catch (Exception ex)
                            {
                                _errors.Add(ex.Message);
                            }
                        }

                """),
            new ViolationTemplate("SMTP2002", 1, """
                        public void SendWithRetries(Net.SmtpClient client, Net.MailMessage message)
                        {
                            for (var attempt = 0; attempt < 3; attempt++)
                            {
                                try
                                {
                                    client.Send(message);
                                    return;
                                }
                                catch (Net.SmtpException ex)
                                {
                                    _failures.Add(ex);
                                    continue;
                                }
                            }
                        }

                """),
            new ViolationTemplate("SMTP2003", 1, """
                        public void SendToMany(Net.SmtpClient client, Net.MailMessage message)
                        {
                            try
                            {
                                client.Send(message);
                            }
                            catch (Net.SmtpFailedRecipientsException ex)
                            {
                                foreach (var failed in ex.InnerExceptions)
                                {
                                    _failures.Add(failed);
                                }
                            }
                        }

                """),
            new ViolationTemplate("SMTP2004", 2, """
                        public void Fire(Net.SmtpClient client, Net.MailMessage message)
                        {
                            client.SendMailAsync(message);
                        }

                        public void Fire(Kit.SmtpClient client, MimeMessage message)
                        {
                            _ = client.SendAsync(message);
                        }

                """),
            new ViolationTemplate("SMTP2005", 1, """
                        public static string Outcome(Kit.SmtpStatusCode code)
                        {
                            switch (code)
                            {
                                case Kit.SmtpStatusCode.MailboxBusy:
                                    return "permanent";
                                default:
                                    return "unknown";
                            }
                        }

                """),
            new ViolationTemplate("SMTP3003", 2, """
                        public void TrustEveryServer(Kit.SmtpClient client)
                        {
                            client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => errors == System.Net.Security.SslPolicyErrors.None || true;
                            System.Net.ServicePointManager.ServerCertificateValidationCallback = delegate { return true; };
                        }

                """),
            new ViolationTemplate("SMTP3004", 1, """
                        public void SkipRevocation(Kit.SmtpClient client)
                        {
                            client.CheckCertificateRevocation = false;
                        }

                """),
            new ViolationTemplate("SMTP3005", 2, """
                        public void AllowLegacyTls(Kit.SmtpClient client)
                        {
                            client.SslProtocols = System.Security.Authentication.SslProtocols.Tls | System.Security.Authentication.SslProtocols.Tls12;
                            System.Net.ServicePointManager.SecurityProtocol |= System.Net.SecurityProtocolType.Tls11;
                        }

                """),
            new ViolationTemplate("SMTP3001", 2, """
                        public void SubmitInClear(Net.MailMessage message, string host, System.Net.NetworkCredential credentials)
                        {
                            using (var client = new Net.SmtpClient(host, 587))
                            {
                                client.EnableSsl = false;
                                client.Credentials = credentials;
                                client.Send(message);
                            }
                        }

                        public async Task SubmitInClearAsync(Kit.SmtpClient client, MimeMessage message, string host, System.Net.NetworkCredential credentials)
                        {
                            await client.ConnectAsync(host, 25, MailKit.Security.SecureSocketOptions.None);
                            await client.AuthenticateAsync(credentials);
                            await client.SendAsync(message);
                        }

                """),
            new ViolationTemplate("SMTP3002", 1, """
                        public async Task SubmitOpportunisticallyAsync(Kit.ISmtpClient client, MimeMessage message, string host, System.Net.NetworkCredential credentials)
                        {
                            await client.ConnectAsync(host, 587);
                            await client.AuthenticateAsync(credentials);
                            await client.SendAsync(message);
                        }

                """),
            new ViolationTemplate("SMTP3006", 1, """
                        public void Login(Kit.SmtpClient client)
                        {
                            client.Authenticate("mailer", "s3cret-password");
                        }

                """),
            new ViolationTemplate("SMTP3007", 1, """
                        public Net.SmtpClient CreateImplicitTls(string host) => new Net.SmtpClient(host, 465) { EnableSsl = true };

                """),
        };
    }
}
