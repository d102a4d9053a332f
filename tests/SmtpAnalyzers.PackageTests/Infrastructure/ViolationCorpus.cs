using System.Collections.Generic;

namespace SmtpAnalyzers.PackageTests.Infrastructure
{
    /// <summary>
    /// A consumer with violations of every SMTP1xxx, SMTP2xxx and SMTP3xxx rule, System.Net.Mail and MailKit, Polly v7 and v8.
    /// Every line reported in a shape that the rule's docs say gets no fix ends with <c>// no fix: ID (why)</c>
    /// (<see cref="NoFixMarker"/>); every other violation has a fix. The catches without a variable next to an
    /// <c>ex</c> parameter or local check that the fixes name the exception without a clash.
    /// </summary>
    public static class ViolationCorpus
    {
        /// <summary>What ends a line that keeps its diagnostic after the fixes: this, then the rule ID.</summary>
        public const string NoFixMarker = "// no fix: ";

        /// <summary>The rules the corpus violates.</summary>
        public static IReadOnlyList<string> RuleIds { get; } =
            [
                "SMTP1001", "SMTP1002", "SMTP1003", "SMTP1004", "SMTP2001", "SMTP2002", "SMTP2003", "SMTP2004", "SMTP2005",
                "SMTP3001", "SMTP3002", "SMTP3003", "SMTP3004", "SMTP3005", "SMTP3006", "SMTP3007",
            ];

        /// <summary>The rules whose default severity is Info: a note in SARIF, not an error under warnings as errors.</summary>
        public static IReadOnlyList<string> InfoRuleIds { get; } = ["SMTP2005", "SMTP3002", "SMTP3004"];

        /// <summary>File name to text.</summary>
        public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>
        {
            ["Program.cs"] = """
                using System;

                Console.WriteLine("Consumer of SmtpAnalyzers");

                """,
            ["ReplyCodes.cs"] = """
                using Kit = MailKit.Net.Smtp;
                using Net = System.Net.Mail;

                namespace Consumer;

                public static class ReplyCodes
                {
                    public static bool IsUnknownMailbox(Kit.SmtpCommandException ex) => (int)ex.StatusCode == 550;

                    public static bool BadPassword(Net.SmtpException ex) => ex.StatusCode == (Net.SmtpStatusCode)535;

                    public static bool DomainRefuses(Kit.SmtpCommandException ex) => (int)ex.StatusCode == 556;

                    public static bool IsPermanent(Net.SmtpException ex) => (int)ex.StatusCode >= 500;

                    public static bool IsTransient(Kit.SmtpCommandException ex) => (int)ex.StatusCode >= 400 && (int)ex.StatusCode < 500;

                    public static bool IsPermanentFrom550(Net.SmtpException ex) => ex.StatusCode >= Net.SmtpStatusCode.MailboxUnavailable;

                    public static bool NoSuchMailbox(Net.SmtpException ex) => ex.Message.Contains("550");

                    public static bool MailKitBusy(Kit.SmtpCommandException ex) => ex.Message.Contains("451");

                    public static bool Greylisted(Net.SmtpException ex) => (int)ex.StatusCode == 422; // no fix: SMTP1001 (no RFC names reply 422)

                    public static bool FailureFrom421(Kit.SmtpCommandException ex) => (int)ex.StatusCode >= 421; // no fix: SMTP1003 (a lower bound inside 4yz, not closed at 500: which class is meant is not plain)

                    public static bool BadMailbox(Net.SmtpException ex) => ex.Message.Contains("5.1.1"); // no fix: SMTP1004 (an enhanced status code)
                }

                """,
            ["Senders.cs"] = """
                using System;
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using MimeKit;
                using Kit = MailKit.Net.Smtp;
                using Net = System.Net.Mail;

                namespace Consumer
                {
                    public sealed class Senders
                    {
                        private readonly List<string> _errors = new List<string>();
                        private readonly List<Exception> _failures = new List<Exception>();

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

                        public bool TrySend(Net.SmtpClient client, Net.MailMessage message, string ex)
                        {
                            try
                            {
                                client.Send(message);
                                return true;
                            }
                            catch (Exception)
                            {
                                _errors.Add(ex);
                                return false;
                            }
                        }

                        public async Task<bool> TrySendAsync(Kit.SmtpClient client, MimeMessage message)
                        {
                            try
                            {
                                await client.SendAsync(message);
                                return true;
                            }
                            catch (Exception ex)
                            {
                                Console.WriteLine(ex.Message);
                                return false;
                            }
                        }

                        public async Task<bool> TrySendOnceAsync(Kit.SmtpClient client, MimeMessage message)
                        {
                            try
                            {
                                await client.SendAsync(message);
                                return true;
                            }
                            catch (Kit.SmtpCommandException ex) // no fix: SMTP2003 (decides by StatusCode alone, which does not say who was refused)
                            {
                                return ex.StatusCode == Kit.SmtpStatusCode.MailboxBusy;
                            }
                        }

                        public void SendWithRetries(Net.SmtpClient client, Net.MailMessage message)
                        {
                            for (var attempt = 1; attempt <= 3; attempt++)
                            {
                                var ex = attempt * 1000;
                                try
                                {
                                    client.Send(message);
                                    return;
                                }
                                catch (Net.SmtpException)
                                {
                                    Thread.Sleep(ex);
                                }
                            }
                        }

                        public void SendWithRetriesOnAnything(Net.SmtpClient client, Net.MailMessage message)
                        {
                            for (var attempt = 1; attempt <= 3; attempt++)
                            {
                                try
                                {
                                    client.Send(message);
                                    return;
                                }
                                catch (Net.SmtpException ex) when (ex.StatusCode != Net.SmtpStatusCode.MailboxUnavailable) // no fix: SMTP2002 (a deny-list filter)
                                {
                                    Thread.Sleep(attempt * 1000);
                                }
                            }
                        }

                        public void SendToMany(Net.SmtpClient client, Net.MailMessage message)
                        {
                            try
                            {
                                client.Send(message);
                            }
                            catch (Net.SmtpFailedRecipientsException ex)
                            {
                                _failures.Add(ex.InnerExceptions[0]);
                            }
                        }

                        public void SendToManyWithFallback(Net.SmtpClient client, Net.MailMessage message)
                        {
                            try
                            {
                                client.Send(message);
                            }
                            catch (Net.SmtpFailedRecipientsException ex) // no fix: SMTP2003 (a later catch of SmtpException would see the single failure)
                            {
                                _failures.Add(ex.InnerExceptions[0]);
                            }
                            catch (Net.SmtpException ex)
                            {
                                throw new InvalidOperationException("send failed", ex);
                            }
                        }

                        public async Task NotifyAsync(Net.SmtpClient client, Net.MailMessage message)
                        {
                            client.SendMailAsync(message);
                            await Task.Yield();
                        }

                        public void Fire(Kit.SmtpClient client, MimeMessage message)
                        {
                            _ = client.SendAsync(message); // no fix: SMTP2004 (the method is not async)
                        }

                        public static string Outcome(Kit.SmtpStatusCode code)
                        {
                            switch (code)
                            {
                                case Kit.SmtpStatusCode.MailboxBusy: // no fix: SMTP2005 (the rule has no fix)
                                    return "permanent";
                                default:
                                    return "unknown";
                            }
                        }
                    }
                }

                """,
            ["Wrappers.cs"] = """
                using System;
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Net = System.Net.Mail;

                namespace Consumer
                {
                    // The same failure paths as in Senders.cs, one call away: the fixes name the wrapper in a comment.
                    public sealed class Wrappers
                    {
                        private readonly Net.SmtpClient _client = new Net.SmtpClient("smtp.example.com");
                        private readonly List<string> _errors = new List<string>();

                        private Task SendEmailAsync(Net.MailMessage message) => _client.SendMailAsync(message);

                        private void Deliver(Net.MailMessage message) => _client.Send(message);

                        public async Task WelcomeAsync(Net.MailMessage message)
                        {
                            try
                            {
                                await SendEmailAsync(message);
                            }
                            catch (Exception ex)
                            {
                                _errors.Add(ex.Message);
                            }
                        }

                        public void DeliverWithRetries(Net.MailMessage message)
                        {
                            for (var attempt = 1; attempt <= 3; attempt++)
                            {
                                try
                                {
                                    Deliver(message);
                                    return;
                                }
                                catch (Net.SmtpException)
                                {
                                    Thread.Sleep(attempt * 1000);
                                }
                            }
                        }

                        public async Task RegisterAsync(Net.MailMessage message)
                        {
                            SendEmailAsync(message);
                            await Task.Yield();
                        }
                    }
                }

                """,
            ["Policies.cs"] = """
                using System;
                using Polly;
                using Polly.Retry;
                using Kit = MailKit.Net.Smtp;
                using Net = System.Net.Mail;

                namespace Consumer
                {
                    public static class Policies
                    {
                        // Polly v7
                        public static Policy Retry() => Policy.Handle<Net.SmtpException>().WaitAndRetry(3, attempt => TimeSpan.FromSeconds(attempt));

                        // Polly v8
                        public static ResiliencePipeline Pipeline() => new ResiliencePipelineBuilder()
                            .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<Kit.SmtpCommandException>(), MaxRetryAttempts = 3 })
                            .Build();
                    }
                }

                """,
            ["Transport.cs"] = """
                using System.Net;
                using Kit = MailKit.Net.Smtp;
                using Net = System.Net.Mail;

                namespace Consumer;

                // No `using MailKit.Security;` here: the SMTP3002 fix adds it.
                public static class Transport
                {
                    public static void CredentialsWithSslOff(ICredentialsByHost credentials)
                    {
                        using var client = new Net.SmtpClient("smtp.example.com", 587) { EnableSsl = false, Credentials = credentials };
                    }

                    public static void CredentialsWithSslNeverSet(ICredentialsByHost credentials)
                    {
                        using var client = new Net.SmtpClient("relay.example.com", 587);
                        client.Credentials = credentials;
                    }

                    public static async System.Threading.Tasks.Task ConnectOpportunisticallyAsync(Kit.SmtpClient client, ICredentials credentials)
                    {
                        await client.ConnectAsync("smtp.example.com", 587);
                        await client.AuthenticateAsync(credentials);
                    }

                    public static void TrustEverything(Kit.SmtpClient client)
                    {
                        client.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    }

                    public static void SkipRevocation(Kit.SmtpClient client)
                    {
                        client.CheckCertificateRevocation = false;
                    }

                    public static int ImplicitTlsPort()
                    {
                        using var client = new Net.SmtpClient("mail.example.com", 465) { EnableSsl = true };
                        return client.Port;
                    }

                    private const bool SslForRelay = false;

                    private const bool RevocationCheck = false;

                    private const int ImplicitTls = 465;

                    public static void CredentialsWithSslOffByConstant(ICredentialsByHost credentials)
                    {
                        using var client = new Net.SmtpClient("smtp.example.com", 25) { EnableSsl = SslForRelay, Credentials = credentials }; // no fix: SMTP3001 (a const, not the literal false)
                    }

                    public static void TrustPerSetting(Kit.SmtpClient client, bool insecure)
                    {
                        client.ServerCertificateValidationCallback = insecure ? (s, c, h, e) => true : null; // no fix: SMTP3003 (a conditional: a setting chooses it)
                    }

                    public static void SkipRevocationByConstant(Kit.SmtpClient client)
                    {
                        client.CheckCertificateRevocation = RevocationCheck; // no fix: SMTP3004 (a const, not the literal false)
                    }

                    public static int ImplicitTlsPortByConstant()
                    {
                        using var client = new Net.SmtpClient("mail.example.com", ImplicitTls) { EnableSsl = true }; // no fix: SMTP3007 (a const)
                        return client.Port;
                    }
                }

                """,
            ["Connections.cs"] = """
                using System.Net;
                using System.Security.Authentication;
                using System.Threading.Tasks;
                using MailKit.Security;
                using Kit = MailKit.Net.Smtp;

                namespace Consumer;

                public static class Connections
                {
                    public static async Task ConnectInClearAsync(Kit.SmtpClient client, ICredentials credentials)
                    {
                        await client.ConnectAsync("smtp.example.com", 25, SecureSocketOptions.None);
                        await client.AuthenticateAsync(credentials);
                    }

                    public static void OldProtocols(Kit.SmtpClient client)
                    {
                        client.SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12;
                    }

                    public static void OldProtocolsByNumber(Kit.SmtpClient client)
                    {
                        client.SslProtocols = (SslProtocols)768; // no fix: SMTP3005 (a number: what it meant is not written down)
                    }

                    public static async Task ConnectPerSettingAsync(Kit.SmtpClient client, ICredentials credentials, bool secure)
                    {
                        var options = secure ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
                        await client.ConnectAsync("smtp.example.com", 25, options); // no fix: SMTP3001 (a None from a local: a setting)
                        await client.AuthenticateAsync(credentials);
                    }

                    public static async Task ConnectByUriAsync(Kit.SmtpClient client, ICredentials credentials)
                    {
                        await client.ConnectAsync(new System.Uri("smtp://smtp.example.com:587")); // no fix: SMTP3002 (the URI form)
                        await client.AuthenticateAsync(credentials);
                    }

                    public static Task SignInAsync(Kit.SmtpClient client)
                        => client.AuthenticateAsync("mailer", "s3cret-Passw0rd"); // no fix: SMTP3006 (the rule has no fix)
                }

                """,
        };
    }
}
