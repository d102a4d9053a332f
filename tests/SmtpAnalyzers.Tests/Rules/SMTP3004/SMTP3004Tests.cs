using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer, SmtpAnalyzers.Security.RevocationCheckDisabledCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer>;
using VerifyDebug = SmtpAnalyzers.Tests.Infrastructure.PreprocessorVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3004
{
    /// <summary>SMTP3004: MailKit's CheckCertificateRevocation = false on an SMTP client.</summary>
    public class SMTP3004Tests
    {
        [Fact]
        public Task LaterAssignment_IsReportedAndFixed() => Verify.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    {|SMTP3004:client.CheckCertificateRevocation = false|};
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """,
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    client.CheckCertificateRevocation = true;
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """);

        [Fact]
        public Task ObjectInitializerMember_IsReportedAndFixed() => Verify.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                SmtpClient Create() => new SmtpClient
                {
                    Timeout = 10000,
                    {|SMTP3004:CheckCertificateRevocation = false|},
                };
            }
            """,
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                SmtpClient Create() => new SmtpClient
                {
                    Timeout = 10000,
                    CheckCertificateRevocation = true,
                };
            }
            """);

        [Fact]
        public Task InterfaceReceivers_AreReported_FixAllFixesEach() => Verify.VerifyAsync(
            """
            using MailKit;
            using MailKit.Net.Smtp;

            class Sender
            {
                void Configure(ISmtpClient smtp, IMailTransport transport)
                {
                    {|SMTP3004:smtp.CheckCertificateRevocation = false|};
                    {|SMTP3004:transport.CheckCertificateRevocation = /* off */ false|};
                }
            }
            """,
            """
            using MailKit;
            using MailKit.Net.Smtp;

            class Sender
            {
                void Configure(ISmtpClient smtp, IMailTransport transport)
                {
                    smtp.CheckCertificateRevocation = true;
                    transport.CheckCertificateRevocation = /* off */ true;
                }
            }
            """);

        [Fact]
        public Task DerivedClientAndField_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class AuditedSmtpClient : SmtpClient { }

            class Sender
            {
                private readonly AuditedSmtpClient _client = new AuditedSmtpClient();

                void Configure()
                {
                    {|SMTP3004:_client.CheckCertificateRevocation = false|};
                    {|SMTP3004:this._client.CheckCertificateRevocation = false|};
                }
            }
            """);

        [Fact]
        public Task ConstantThatIsNotALiteral_IsReportedWithoutFix() => Verify.VerifyNoFixAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                const bool CheckRevocation = false;

                void Configure(SmtpClient client)
                {
                    {|SMTP3004:client.CheckCertificateRevocation = CheckRevocation|};
                }
            }
            """);

        [Fact]
        public Task SomeConnectsNotLoopback_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                void Send(bool local)
                {
                    using var client = new SmtpClient();
                    {|SMTP3004:client.CheckCertificateRevocation = false|};
                    if (local)
                        client.Connect("localhost", 25);
                    else
                        client.Connect("smtp.example.com", 587);
                }
            }
            """);

        [Fact]
        public Task SettingsFlag_IsNoExemption() => VerifyAnalyzer.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Settings { public bool IgnoreRevocation { get; set; } }

            class Sender
            {
                void Configure(SmtpClient client, Settings settings)
                {
                    if (settings.IgnoreRevocation)
                    {
                        {|SMTP3004:client.CheckCertificateRevocation = false|};
                    }
                }
            }
            """);

        [Fact]
        public Task ValidCode_NothingReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using MailKit;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;
            using MailKit.Net.Smtp;

            class Settings { public bool CheckRevocation { get; set; } }

            class Sender
            {
                void Configure(SmtpClient client, ImapClient imap, Pop3Client pop, IMailService service, Settings settings, bool check)
                {
                    client.CheckCertificateRevocation = true;
                    client.CheckCertificateRevocation = settings.CheckRevocation;
                    client.CheckCertificateRevocation = check;
                    imap.CheckCertificateRevocation = false;
                    pop.CheckCertificateRevocation = false;
                    service.CheckCertificateRevocation = false;
            #pragma warning disable SYSLIB0014
                    ServicePointManager.CheckCertificateRevocationList = false;
            #pragma warning restore SYSLIB0014
                }
            }
            """);

        [Fact]
        public Task LoopbackHostOnTheSameClient_IsExempt() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Catcher
            {
                void Local()
                {
                    using var client = new SmtpClient();
                    client.CheckCertificateRevocation = false;
                    client.Connect("localhost", 25, SecureSocketOptions.None);
                }

                async Task Loopback4()
                {
                    using var client = new SmtpClient { CheckCertificateRevocation = false };
                    await client.ConnectAsync("127.0.0.1", 1025);
                }

                void Loopback6()
                {
                    var client = new SmtpClient();
                    client.CheckCertificateRevocation = false;
                    client.Connect("::1", 25);
                    client.Connect(new Uri("smtp://[::1]:25"));
                }
            }
            """);

        [Fact]
        public Task LoopbackOnAnotherClient_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Catcher
            {
                void Send()
                {
                    using var local = new SmtpClient();
                    using var remote = new SmtpClient();
                    {|SMTP3004:remote.CheckCertificateRevocation = false|};
                    local.Connect("localhost", 25);
                    remote.Connect("smtp.example.com", 587);
                }
            }
            """);

        [Fact]
        public Task DevelopmentOnly_IsExempt() => VerifyAnalyzer.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            interface IHostEnvironment { bool IsDevelopment(); }

            class Sender
            {
                void Configure(SmtpClient client, IHostEnvironment environment, bool verbose)
                {
                    if (environment.IsDevelopment())
                    {
                        client.CheckCertificateRevocation = false;
                    }

                    if (verbose && environment.IsDevelopment())
                        client.CheckCertificateRevocation = false;

                    if (!environment.IsDevelopment())
                    {
                        {|SMTP3004:client.CheckCertificateRevocation = false|};
                    }
                    else
                    {
                        client.CheckCertificateRevocation = true;
                    }
                }
            }
            """);

        [Fact]
        public Task DebugOnly_IsExemptWhenDebugIsDefined() => VerifyDebug.VerifyAsync(
            """
            using MailKit.Net.Smtp;

            class Sender
            {
                void Configure(SmtpClient client)
                {
            #if DEBUG
                    client.CheckCertificateRevocation = false;
            #endif
            #if !DEBUG
                    client.CheckCertificateRevocation = true;
            #else
                    client.CheckCertificateRevocation = false;
            #endif
            #if TRACE
                    {|SMTP3004:client.CheckCertificateRevocation = false|};
            #endif
                }
            }
            """,
            new[] { "DEBUG", "TRACE" });
    }
}
