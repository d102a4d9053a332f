using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer, SmtpAnalyzers.Security.ObsoleteTlsVersionsCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer>;
using VerifyDebug = SmtpAnalyzers.Tests.Infrastructure.PreprocessorVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3005
{
    /// <summary>SMTP3005: SSL 2.0/3.0, TLS 1.0/1.1 enabled through MailKit's SslProtocols or ServicePointManager.SecurityProtocol.</summary>
    public class SMTP3005Tests
    {
        private const string Advice = " for SMTP; TLS below 1.2 is deprecated for mail submission (RFC 8996, RFC 8997); leave it to the operating system (None / SystemDefault) or use Tls12 | Tls13";

        private static DiagnosticResult Warning(int location, string setting, string versions)
            => new DiagnosticResult("SMTP3005", DiagnosticSeverity.Warning).WithLocation(location).WithMessage(setting + " enables " + versions + Advice);

        [Fact]
        public Task Messages_NameTheSettingAndTheVersions() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Sender
            {
                void Configure(SmtpClient client)
                {
                    {|#0:client.SslProtocols = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12|};
                    {|#1:client.SslProtocols = SslProtocols.Default|};
                    {|#2:client.SslProtocols = SslProtocols.Ssl2 | SslProtocols.Tls13|};
                    {|#3:ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls12|};
                }
            }
            """,
            Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest,
            Warning(0, "SslProtocols", "TLS 1.0, TLS 1.1"),
            Warning(1, "SslProtocols", "SSL 3.0, TLS 1.0"),
            Warning(2, "SslProtocols", "SSL 2.0"),
            Warning(3, "ServicePointManager.SecurityProtocol", "SSL 3.0"));

        [Fact]
        public Task WeakMembersAreDropped_FixAll() => Verify.VerifyAsync(
            """
            using System.Security.Authentication;
            using MailKit;
            using MailKit.Net.Smtp;

            class Sender
            {
                void Configure(SmtpClient client, ISmtpClient smtp, IMailTransport transport)
                {
                    {|SMTP3005:client.SslProtocols = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12|};
                    {|SMTP3005:smtp.SslProtocols = (SslProtocols.Tls12 | SslProtocols.Tls11) | SslProtocols.Tls13|};
                    {|SMTP3005:transport.SslProtocols = SslProtocols.Tls|}; // legacy relay
                }
            }
            """,
            """
            using System.Security.Authentication;
            using MailKit;
            using MailKit.Net.Smtp;

            class Sender
            {
                void Configure(SmtpClient client, ISmtpClient smtp, IMailTransport transport)
                {
                    client.SslProtocols = SslProtocols.Tls12;
                    smtp.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    transport.SslProtocols = SslProtocols.None; // legacy relay
                }
            }
            """);

        [Fact]
        public Task ObjectInitializer_IsReportedAndFixed() => Verify.VerifyAsync(
            """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Sender
            {
                SmtpClient Create() => new SmtpClient
                {
                    {|SMTP3005:SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12|},
                    Timeout = 5000,
                };
            }
            """,
            """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Sender
            {
                SmtpClient Create() => new SmtpClient
                {
                    SslProtocols = SslProtocols.Tls12,
                    Timeout = 5000,
                };
            }
            """);

        [Fact]
        public Task OrAssignment_WeakOnlyIsRemoved_MixedKeepsTheRest() => Verify.VerifyAsync(
            """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Sender
            {
                void Configure(SmtpClient client)
                {
                    client.Timeout = 5000;
                    {|SMTP3005:client.SslProtocols |= SslProtocols.Tls11|};
                    {|SMTP3005:client.SslProtocols |= SslProtocols.Tls | SslProtocols.Tls13|};
                    client.Connect("smtp.example.com", 465, true);
                }
            }
            """,
            """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Sender
            {
                void Configure(SmtpClient client)
                {
                    client.Timeout = 5000;
                    client.SslProtocols |= SslProtocols.Tls13;
                    client.Connect("smtp.example.com", 465, true);
                }
            }
            """);

        [Fact]
        public Task ServicePointManagerInMailCode_IsReportedAndFixed() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Configure()
                {
                    {|SMTP3005:ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12|};
                    {|SMTP3005:ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11|};
                    {|SMTP3005:ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls|};
                }

                void Send(MailMessage message)
                {
                    using (var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true })
                    {
                        client.Send(message);
                    }
                }
            }
            """,
            """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Configure()
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                }

                void Send(MailMessage message)
                {
                    using (var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true })
                    {
                        client.Send(message);
                    }
                }
            }
            """);

        [Fact]
        public Task NumericCasts_AreReportedWithoutFix() => Verify.VerifyNoFixAsync(
            """
            using System.Net;
            using System.Security.Authentication;

            class Mailer
            {
                private readonly MailKit.Net.Smtp.SmtpClient _client = new MailKit.Net.Smtp.SmtpClient();

                void Configure()
                {
                    {|SMTP3005:_client.SslProtocols = (SslProtocols)768|};
                    {|SMTP3005:_client.SslProtocols = (SslProtocols)(192 | 3072)|};
                    {|SMTP3005:ServicePointManager.SecurityProtocol = (SecurityProtocolType)3072 | (SecurityProtocolType)768|};
                    {|SMTP3005:ServicePointManager.SecurityProtocol |= (SecurityProtocolType)192|};
                }
            }
            """);

        [Fact]
        public Task EmbeddedStatementAndLargerExpression_RemovalIsNotOffered() => Verify.VerifyNoFixAsync(
            """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Sender
            {
                SslProtocols Configure(SmtpClient client, bool legacy)
                {
                    if (legacy)
                        {|SMTP3005:client.SslProtocols |= SslProtocols.Tls11|};
                    return {|SMTP3005:client.SslProtocols |= SslProtocols.Tls|};
                }
            }
            """);

        [Fact]
        public Task ServicePointManagerInTypesWithAnSmtpClientAnywhere_IsReported() => VerifyAnalyzer.VerifyAsync(
            new[]
            {
                """
                using System.Net;

                partial class Mailer
                {
                    static Mailer()
                    {
                        {|SMTP3005:ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12|};
                    }

                    class Startup
                    {
                        void Run() => {|SMTP3005:ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls|};
                    }
                }

                class Outer
                {
                    class Helper
                    {
                        void Run() => {|SMTP3005:ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls|};
                    }

                    class Holder
                    {
                        System.Net.Mail.SmtpClient Client { get; } = new System.Net.Mail.SmtpClient();
                    }
                }
                """,
                """
                using System.Linq;

                partial class Mailer
                {
                    void SendAll(System.Collections.Generic.List<object> clients)
                    {
                        foreach (var client in clients.OfType<MailKit.Net.Smtp.SmtpClient>())
                        {
                            client.Disconnect(true);
                        }
                    }
                }
                """,
            });

        [Fact]
        public Task ValidCode_NothingReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Http;
            using System.Security.Authentication;
            using MailKit;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;
            using MailKit.Net.Smtp;

            class Settings { public SslProtocols Protocols { get; set; } }

            class Sender
            {
                void Configure(SmtpClient client, ImapClient imap, Pop3Client pop, IMailService service, Settings settings, HttpClientHandler handler)
                {
                    client.SslProtocols = SslProtocols.Tls12;
                    client.SslProtocols = SslProtocols.Tls13;
                    client.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    client.SslProtocols = SslProtocols.None;
                    client.SslProtocols = settings.Protocols;
                    client.SslProtocols &= ~SslProtocols.Tls;
                    client.SslProtocols &= ~(SslProtocols.Tls | SslProtocols.Tls11);
                    client.SslProtocols |= SslProtocols.Tls13;
                    imap.SslProtocols = SslProtocols.Tls;
                    pop.SslProtocols = SslProtocols.Tls11;
                    service.SslProtocols = SslProtocols.Tls;
                    handler.SslProtocols = SslProtocols.Tls;
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                    ServicePointManager.SecurityProtocol &= ~SecurityProtocolType.Tls;
                }
            }

            class HttpStartup
            {
                void Configure()
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11;
                    ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11;
                }
            }
            """);

        [Fact]
        public Task Exemptions_NothingReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            interface IHostEnvironment { bool IsDevelopment(); }

            class Sender
            {
                void Local()
                {
                    using var client = new SmtpClient { SslProtocols = SslProtocols.Tls };
                    client.Connect("localhost", 2525);
                }

                void Development(SmtpClient client, IHostEnvironment environment)
                {
                    if (environment.IsDevelopment())
                    {
                        client.SslProtocols |= SslProtocols.Tls11;
                        System.Net.ServicePointManager.SecurityProtocol |= System.Net.SecurityProtocolType.Tls;
                    }
                }
            }
            """);

        [Fact]
        public Task DebugRegion_IsExempt() => VerifyDebug.VerifyAsync(
            """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Sender
            {
                void Configure(SmtpClient client)
                {
            #if DEBUG && !NO_LEGACY
                    client.SslProtocols = SslProtocols.Tls;
            #elif TRACE
                    client.SslProtocols = SslProtocols.Tls12;
            #endif
            #if TRACE
                    {|SMTP3005:client.SslProtocols = SslProtocols.Tls11|};
            #endif
                }
            }
            """,
            new[] { "DEBUG", "TRACE" });

        [Fact]
        public Task ElseOfDebugRegion_IsReportedInReleaseBuilds() => VerifyDebug.VerifyAsync(
            """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Sender
            {
                void Configure(SmtpClient client)
                {
            #if DEBUG
                    client.SslProtocols = SslProtocols.Tls;
            #else
                    {|SMTP3005:client.SslProtocols = SslProtocols.Tls11|};
            #endif
                }
            }
            """,
            new[] { "RELEASE" });

        [Fact]
        public Task ServicePointManagerNextToALoopbackClient_IsStillReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage message)
                {
                    {|SMTP3005:ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls|};
                    using var client = new SmtpClient("localhost", 25);
                    client.Send(message);
                }
            }
            """);
    }
}
