using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.NetFrameworkCodeFixVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer, SmtpAnalyzers.Security.ObsoleteTlsVersionsCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.NetFrameworkVerifier<SmtpAnalyzers.Rules.Security.TlsSettingsAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3005
{
    /// <summary>
    /// SMTP3005 on .NET Framework 4.8, where ServicePointManager.SecurityProtocol decides the TLS versions of
    /// System.Net.Mail and of MailKit's .NET Framework build (its SslProtocols default is copied from it), and where the
    /// classic "Tls12 | Tls11 | Tls" line of .NET Framework 4.5 code is written.
    /// </summary>
    public class SMTP3005NetFrameworkTests
    {
        [Fact]
        public void Facts_NoWeakMemberIsObsoleteOnNetFramework_SystemDefaultExists()
        {
            var tree = CSharpSyntaxTree.ParseText("""
                using System.Net;
                using System.Security.Authentication;

                static class C
                {
                    static SecurityProtocolType Global() => SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.SystemDefault;
                    static SslProtocols Client() => SslProtocols.Ssl2 | SslProtocols.Ssl3 | SslProtocols.Default | SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.None;
                }
                """);
            var compilation = CSharpCompilation.Create("Facts", new[] { tree }, NetFrameworkReferences.Framework, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden));
        }

        [Fact]
        public Task ServicePointManagerInMailCode_ClassicNet45Line_IsReportedAndFixed() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                static Mailer()
                {
                    {|SMTP3005:ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls|};
                    {|SMTP3005:ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11|};
                    {|SMTP3005:ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3|};
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
                static Mailer()
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
        public Task MailKitNet48_SslProtocolsAndTheGlobalItCopies_AreReportedAndFixed() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    {|SMTP3005:ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12|};
                    {|SMTP3005:client.SslProtocols = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12|};
                }
            }
            """,
            """
            using System.Net;
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
                    client.SslProtocols = SslProtocols.Tls12;
                }
            }
            """);

        [Fact]
        public Task Net40CastsWithAWeakBit_AreReportedWithoutFix() => Verify.VerifyNoFixAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                static Mailer()
                {
                    {|SMTP3005:ServicePointManager.SecurityProtocol = (SecurityProtocolType)3072 | (SecurityProtocolType)768 | (SecurityProtocolType)192|};
                }

                void Send(SmtpClient client, MailMessage message) => client.Send(message);
            }
            """);

        [Fact]
        public Task Tls12PinsAdditionsRemovalsAndNonMailCode_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                static Mailer()
                {
                    ServicePointManager.SecurityProtocol = (SecurityProtocolType)3072;
                    ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
                    ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls11);
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                }

                void Send(SmtpClient client, MailMessage message) => client.Send(message);
            }

            class HttpOnly
            {
                static HttpOnly() => ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12;
            }
            """);
    }
}
