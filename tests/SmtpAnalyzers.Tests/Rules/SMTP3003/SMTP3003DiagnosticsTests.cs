using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3003
{
    /// <summary>SMTP3003: every callback form the rule follows, on every receiver it reports.</summary>
    public class SMTP3003DiagnosticsTests
    {
        private const string Usings = """
            using System;
            using System.Net;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit;
            using MailKit.Net.Smtp;

            """;

        private static DiagnosticResult Warning(int location, string accepts, bool global = false)
            => new DiagnosticResult("SMTP3003", DiagnosticSeverity.Warning).WithLocation(location).WithMessage(
                "This certificate validation callback accepts " + accepts
                + ": anyone on the path can impersonate the mail server and read the credentials and messages"
                + (global ? " (ServicePointManager: for every System.Net.Mail SmtpClient in the process)" : string.Empty));

        [Fact]
        public Task Messages_SayWhatIsAccepted() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class Sender
            {
                void Configure(SmtpClient client)
                {
                    {|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    {|#1:client.ServerCertificateValidationCallback = (s, c, h, e) => e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateNameMismatch|};
                    {|#2:client.ServerCertificateValidationCallback = (s, c, h, e) => e is SslPolicyErrors.None or SslPolicyErrors.RemoteCertificateChainErrors|};
                    {|#3:client.ServerCertificateValidationCallback = (s, c, h, e) => !e.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors)|};
                    {|#4:ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => e == SslPolicyErrors.None || true|};
                }
            }
            """,
            LanguageVersion.Latest,
            Warning(0, "every certificate"),
            Warning(1, "certificates issued for another host name"),
            Warning(2, "certificates that do not chain to a trusted root"),
            Warning(3, "certificates issued for another host name and connections without a certificate"),
            Warning(4, "every certificate", global: true));

        [Fact]
        public Task LambdasAndAnonymousMethods_AreReported() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class Sender
            {
                void Configure(SmtpClient client)
                {
                    {|SMTP3003:client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    {
                        Console.WriteLine("TLS: " + errors);
                        return true;
                    }|};
                    {|SMTP3003:client.ServerCertificateValidationCallback = delegate (object s, X509Certificate c, X509Chain h, SslPolicyErrors e) { return true; }|};
                    {|SMTP3003:client.ServerCertificateValidationCallback = delegate { return true; }|};
                    {|SMTP3003:client.ServerCertificateValidationCallback += (s, c, h, e) => (e & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None|};
                }
            }
            """);

        [Fact]
        public Task ObjectInitializer_IsReported() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class Sender
            {
                SmtpClient Create() => new SmtpClient
                {
                    Timeout = 5000,
                    {|SMTP3003:ServerCertificateValidationCallback = (s, c, h, e) => true|},
                };
            }
            """);

        [Fact]
        public Task MethodGroupsAndDelegateCreations_AreReported() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class Sender
            {
                void Configure(SmtpClient client)
                {
                    {|SMTP3003:client.ServerCertificateValidationCallback = AcceptAll|};
                    {|SMTP3003:client.ServerCertificateValidationCallback = new RemoteCertificateValidationCallback(AcceptAll)|};
                    {|SMTP3003:client.ServerCertificateValidationCallback = Local|};
                    {|SMTP3003:client.ServerCertificateValidationCallback = new RemoteCertificateValidationCallback((s, c, h, e) => true)|};

                    bool Local(object s, X509Certificate c, X509Chain h, SslPolicyErrors e)
                    {
                        if (e == SslPolicyErrors.None)
                        {
                            return true;
                        }

                        Console.WriteLine(e);
                        return true;
                    }
                }

                private static bool AcceptAll(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => true;
            }
            """);

        [Fact]
        public Task MethodInAnotherFile_IsFollowed() => VerifyAnalyzer.VerifyAsync(
            new[]
            {
                Usings + """
                class Sender
                {
                    void Configure(SmtpClient client)
                    {
                        {|SMTP3003:client.ServerCertificateValidationCallback = Validators.IgnoreNameMismatch|};
                    }
                }
                """,
                """
                using System.Net.Security;
                using System.Security.Cryptography.X509Certificates;

                static class Validators
                {
                    public static bool IgnoreNameMismatch(object s, X509Certificate c, X509Chain h, SslPolicyErrors e)
                        => (e & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
                }
                """,
            });

        [Fact]
        public Task ConditionalsCoalesceAndLocals_AreReported() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class Settings { public bool IgnoreCertificateErrors { get; set; } }

            class Sender
            {
                void Configure(SmtpClient client, Settings settings, RemoteCertificateValidationCallback custom)
                {
                    {|SMTP3003:client.ServerCertificateValidationCallback = settings.IgnoreCertificateErrors ? (s, c, h, e) => true : null|};
                    {|SMTP3003:client.ServerCertificateValidationCallback = custom ?? ((s, c, h, e) => true)|};

                    RemoteCertificateValidationCallback acceptAll = (s, c, h, e) => true;
                    {|SMTP3003:client.ServerCertificateValidationCallback = acceptAll|};

                    RemoteCertificateValidationCallback later;
                    later = delegate { return true; };
                    {|SMTP3003:client.ServerCertificateValidationCallback = later|};
                }
            }
            """);

        [Fact]
        public Task ReadonlyFieldsAndGetOnlyProperties_AreFollowed() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class Sender
            {
                private static readonly RemoteCertificateValidationCallback AcceptAll = (s, c, h, e) => true;
                private readonly RemoteCertificateValidationCallback _wrapped = new RemoteCertificateValidationCallback(AcceptAll);

                private RemoteCertificateValidationCallback Trusting { get; } = (s, c, h, e) => true;
                private RemoteCertificateValidationCallback Lenient => (s, c, h, e) => e != SslPolicyErrors.RemoteCertificateNotAvailable;

                void Configure(SmtpClient client)
                {
                    {|SMTP3003:client.ServerCertificateValidationCallback = AcceptAll|};
                    {|SMTP3003:client.ServerCertificateValidationCallback = _wrapped|};
                    {|SMTP3003:client.ServerCertificateValidationCallback = Trusting|};
                    {|SMTP3003:client.ServerCertificateValidationCallback = this.Lenient|};
                }
            }
            """);

        [Fact]
        public Task InterfaceAndDerivedReceivers_AreReported() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class AuditedSmtpClient : SmtpClient { }

            class Sender<TClient> where TClient : ISmtpClient
            {
                void Configure(ISmtpClient smtp, IMailTransport transport, AuditedSmtpClient audited, TClient generic)
                {
                    {|SMTP3003:smtp.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    {|SMTP3003:transport.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    {|SMTP3003:audited.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    {|SMTP3003:generic.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                }
            }
            """);

        [Fact]
        public Task ServicePointManagerInMailCode_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                static Mailer()
                {
                    {|SMTP3003:ServicePointManager.ServerCertificateValidationCallback = delegate { return true; }|};
                    {|SMTP3003:ServicePointManager.ServerCertificateValidationCallback += (s, c, h, e) => true|};
                }

                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    client.Send(message);
                }
            }
            """);

        [Fact]
        public Task ServicePointManagerInLambdasLocalFunctionsAccessorsAndNestedTypesOfMailCode_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                static bool Configured
                {
                    get
                    {
                        {|SMTP3003:ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                        return true;
                    }
                }

                void Configure()
                {
                    Action configure = () => {|SMTP3003:ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    configure();
                    Local();

                    void Local() => {|SMTP3003:ServicePointManager.ServerCertificateValidationCallback += (s, c, h, e) => true|};
                }

                class Setup
                {
                    static void Run() => {|SMTP3003:ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                }
            }

            class HttpOnly
            {
                static void Run()
                {
                    Action configure = () => ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    configure();
                }
            }
            """);

        [Fact]
        public Task SettingsFlagAndDevelopmentOnlyBranchOfAChoice_AreNoExemption() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            interface IHostEnvironment { bool IsDevelopment(); }

            class Settings { public bool IgnoreCertificateErrors { get; set; } }

            class Sender
            {
                void Configure(SmtpClient client, Settings settings, IHostEnvironment environment)
                {
                    if (settings.IgnoreCertificateErrors)
                    {
                        {|SMTP3003:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    }

                    // Accepting outside development: reported.
                    {|SMTP3003:client.ServerCertificateValidationCallback = environment.IsDevelopment() ? null : (s, c, h, e) => true|};
                }
            }
            """);
    }
}
