using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer, SmtpAnalyzers.Security.CertificateValidationDisabledCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer>;
using VerifyFramework = SmtpAnalyzers.Tests.Infrastructure.NetFrameworkVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3003
{
    /// <summary>
    /// SMTP3003 and <c>??=</c>: both callbacks are null by default, so <c>callback ??= accepting</c> installs the accepting
    /// callback unless someone set one before. It is reported like <c>=</c>, and its fix removes the statement (no
    /// override, as before the statement ran).
    /// </summary>
    public class SMTP3003CoalesceAssignmentTests
    {
        private const string Usings = """
            using System;
            using System.Net;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Smtp;

            """;

        [Fact]
        public Task CoalesceAssignments_AreReportedAtTheAssignment() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class Sender
            {
                static bool Accept(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => true;

                void Configure(SmtpClient client, ISmtpClient smtp, System.Net.Mail.SmtpClient legacy)
                {
                    {|#0:ServicePointManager.ServerCertificateValidationCallback ??= (s, c, ch, e) => true|};
                    {|#1:client.ServerCertificateValidationCallback ??= (s, c, ch, e) => true|};
                    {|#2:smtp.ServerCertificateValidationCallback ??= Accept|};
                    {|#3:client.ServerCertificateValidationCallback ??= (s, c, ch, e) => e != SslPolicyErrors.RemoteCertificateChainErrors|};
                }
            }
            """,
            Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest,
            Warning(0, "every certificate", global: true),
            Warning(1, "every certificate"),
            Warning(2, "every certificate"),
            Warning(3, "certificates issued for another host name and connections without a certificate"));

        [Fact]
        public Task ValidatingCallbacksOtherTypesLoopbackAndDevelopment_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            Usings + """
            class HttpOnly
            {
                static HttpOnly() => ServicePointManager.ServerCertificateValidationCallback ??= (s, c, ch, e) => true;
            }

            class Sender
            {
                void Configure(SmtpClient client, ImapClientHolder imap)
                {
                    client.ServerCertificateValidationCallback ??= (s, c, ch, e) => e == SslPolicyErrors.None;
                    ServicePointManager.ServerCertificateValidationCallback ??= (s, c, ch, e) => e == SslPolicyErrors.None;
                    imap.Client.ServerCertificateValidationCallback ??= (s, c, ch, e) => true;
                }

                void Local(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback ??= (s, c, ch, e) => true;
                    client.Connect("localhost", 2525, MailKit.Security.SecureSocketOptions.None);
                }

                void Development(SmtpClient client, IEnvironment environment)
                {
                    if (environment.IsDevelopment())
                    {
                        client.ServerCertificateValidationCallback ??= (s, c, ch, e) => true;
                    }
                }
            }

            class ImapClientHolder { public MailKit.Net.Imap.ImapClient Client { get; } = new MailKit.Net.Imap.ImapClient(); }

            interface IEnvironment { bool IsDevelopment(); }
            """);

        [Fact]
        public Task Statements_AreRemoved_FixAllWithSimpleAssignments() => Verify.VerifyAsync(
            Usings + """
            class Sender
            {
                void Configure(SmtpClient client, System.Net.Mail.SmtpClient legacy)
                {
                    // Keep whatever was set before; otherwise accept anything.
                    {|SMTP3003:ServicePointManager.ServerCertificateValidationCallback ??= (s, c, ch, e) => true|};
                    {|SMTP3003:client.ServerCertificateValidationCallback ??= delegate { return true; }|};
                    {|SMTP3003:client.ServerCertificateValidationCallback = (s, c, ch, e) => true|};
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """,
            Usings + """
            class Sender
            {
                void Configure(SmtpClient client, System.Net.Mail.SmtpClient legacy)
                {
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """);

        [Fact]
        public Task ChoicesEmbeddedStatementsAndLargerExpressions_GetNoFix() => Verify.VerifyNoFixAsync(
            Usings + """
            class Settings { public bool IgnoreCertificateErrors { get; set; } }

            class Sender
            {
                RemoteCertificateValidationCallback Configure(SmtpClient client, Settings settings)
                {
                    {|SMTP3003:client.ServerCertificateValidationCallback ??= settings.IgnoreCertificateErrors ? (s, c, ch, e) => true : null|};

                    if (settings.IgnoreCertificateErrors)
                        {|SMTP3003:client.ServerCertificateValidationCallback ??= (s, c, ch, e) => true|};

                    var installed = {|SMTP3003:client.ServerCertificateValidationCallback ??= (s, c, ch, e) => true|};
                    return installed;
                }
            }
            """);

        [Fact]
        public Task NetFramework_ServicePointManagerCoalesceAssignment_IsReported() => VerifyFramework.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                static Mailer()
                {
                    {|#0:ServicePointManager.ServerCertificateValidationCallback ??= delegate { return true; }|};
                }

                void Send(SmtpClient client, MailMessage message) => client.Send(message);
            }
            """,
            Warning(0, "every certificate", global: true));

        private static DiagnosticResult Warning(int location, string accepts, bool global = false)
            => new DiagnosticResult("SMTP3003", DiagnosticSeverity.Warning).WithLocation(location).WithMessage(
                "This certificate validation callback accepts " + accepts
                + ": anyone on the path can impersonate the mail server and read the credentials and messages"
                + (global ? " (ServicePointManager: for every System.Net.Mail SmtpClient in the process)" : string.Empty));
    }
}
