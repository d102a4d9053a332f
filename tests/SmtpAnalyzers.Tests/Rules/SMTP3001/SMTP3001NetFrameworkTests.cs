using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Rules.Security;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.NetFrameworkCodeFixVerifier<SmtpAnalyzers.Rules.Security.CredentialsTransportAnalyzer, SmtpAnalyzers.Security.CredentialsWithoutTlsCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.NetFrameworkVerifier<SmtpAnalyzers.Rules.Security.CredentialsTransportAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3001
{
    /// <summary>
    /// SMTP3001 on .NET Framework 4.8: System.Net.Mail's SmtpClient is in "System", and every constructor applies
    /// &lt;system.net&gt;&lt;mailSettings&gt;&lt;smtp&gt;, so a never-set EnableSsl may be true from configuration (not
    /// reported); a written constant false still wins over configuration (reported). MailKit's net48 build behaves as
    /// its .NET build.
    /// </summary>
    public class SMTP3001NetFrameworkTests
    {
        [Fact]
        public void References_AreDotNetFramework48WithMailKitsNet48Build()
        {
            var compilation = CSharpCompilation.Create("probe", references: NetFrameworkReferences.All);
            var client = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
            Assert.Equal("System", client?.ContainingAssembly.Name);
            Assert.Equal("System", compilation.GetTypeByMetadataName("System.Net.ServicePointManager")?.ContainingAssembly.Name);
            Assert.Equal("mscorlib", compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly.Name);
            Assert.False(SecuritySymbols.TryCreate(compilation)!.SystemNetMailReadsNoConfiguration);

            // MailKit's net48 build: on .NET Framework, MailKit falls back to ServicePointManager's callback and protocols.
            var mailKit = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpClient");
            Assert.NotNull(mailKit);
            Assert.Contains(
                compilation.References.OfType<PortableExecutableReference>(),
                r => r.FilePath!.Replace('\\', '/').EndsWith("/lib/net48/MailKit.dll", System.StringComparison.Ordinal));
        }

        [Fact]
        public Task NeverSetEnableSsl_IsNotReported_MailSettingsMayEnableIt() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Sender
            {
                private readonly SmtpClient _field = new SmtpClient("smtp.example.com", 587);

                void Send(NetworkCredential credentials, string host)
                {
                    using (var withHost = new SmtpClient(host, 587))
                    {
                        withHost.Credentials = credentials;
                        withHost.Send("a@example.com", "b@example.com", "s", "b");
                    }

                    var initializer = new SmtpClient("smtp.example.com") { Credentials = credentials };
                    var parameterless = new SmtpClient();
                    parameterless.Host = host;
                    parameterless.Credentials = credentials;
                    _field.Credentials = credentials;
                }
            }
            """);

        [Fact]
        public Task EnableSslFalse_IsReported_AWrittenFalseOverridesMailSettings() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Sender
            {
                private readonly SmtpClient _field = new SmtpClient("smtp.example.com", 587);

                Sender()
                {
                    _field.EnableSsl = false;
                }

                void Send(SmtpClient client, NetworkCredential credentials)
                {
                    client.EnableSsl = false;
                    {|SMTP3001:client.Credentials = credentials|};
                    var initializer = new SmtpClient("smtp.example.com") { EnableSsl = false, {|SMTP3001:Credentials = credentials|} };
                    {|SMTP3001:_field.Credentials = new NetworkCredential("user", GetPassword())|};
                }

                static string GetPassword() => "";
            }
            """);

        [Fact]
        public Task DefaultCredentialsPickupAndLoopback_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Sender
            {
                void Send(NetworkCredential credentials)
                {
                    var integrated = new SmtpClient("smtp.example.com") { EnableSsl = false, Credentials = CredentialCache.DefaultNetworkCredentials };
                    var pickup = new SmtpClient("smtp.example.com") { EnableSsl = false, DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory };
                    pickup.Credentials = credentials;
                    var local = new SmtpClient("localhost", 25) { EnableSsl = false, Credentials = credentials };
                }
            }
            """);

        [Fact]
        public Task EnableSslFalse_Fix_WritesTrue() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, NetworkCredential credentials)
                {
                    client.EnableSsl = false;
                    {|SMTP3001:client.Credentials = credentials|};
                    var other = new SmtpClient("smtp.example.com") { EnableSsl = false, {|SMTP3001:Credentials = credentials|} };
                }
            }
            """,
            """
            using System.Net;
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, NetworkCredential credentials)
                {
                    client.EnableSsl = true;
                    client.Credentials = credentials;
                    var other = new SmtpClient("smtp.example.com") { EnableSsl = true, Credentials = credentials };
                }
            }
            """);

        [Fact]
        public Task MailKitNet48_NoneThenAuthenticate_IsReportedAndFixed() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Sender
            {
                async Task SendAsync(NetworkCredential credentials, string host)
                {
                    using (var client = new SmtpClient())
                    {
                        await {|SMTP3001:client.ConnectAsync(host, 25, SecureSocketOptions.None)|};
                        await client.AuthenticateAsync(credentials);
                    }
                }

                void Send(ISmtpClient client, string host)
                {
                    {|SMTP3001:client.Connect(host, 465, SecureSocketOptions.None)|};
                    client.Authenticate("user", GetPassword());
                }

                static string GetPassword() => "";
            }
            """,
            """
            using System.Net;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Sender
            {
                async Task SendAsync(NetworkCredential credentials, string host)
                {
                    using (var client = new SmtpClient())
                    {
                        await client.ConnectAsync(host, 25, SecureSocketOptions.StartTls);
                        await client.AuthenticateAsync(credentials);
                    }
                }

                void Send(ISmtpClient client, string host)
                {
                    client.Connect(host, 465, SecureSocketOptions.SslOnConnect);
                    client.Authenticate("user", GetPassword());
                }

                static string GetPassword() => "";
            }
            """);
    }
}
