using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Rules.Security.CredentialsTransportAnalyzer, SmtpAnalyzers.Security.CredentialsWithoutTlsCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3001
{
    public class SMTP3001CodeFixTests
    {
        [Fact]
        public Task EnableSslFalse_EveryFalseWriteBecomesTrue_FixAll() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Sender
            {
                void Send(SmtpClient client, NetworkCredential credentials)
                {
                    client.EnableSsl = false; // plain
                    {|SMTP3001:client.Credentials = credentials|};
                    if (credentials.Domain.Length > 0)
                    {
                        client.EnableSsl = false;
                        {|SMTP3001:client.Credentials = new NetworkCredential(credentials.UserName, credentials.Password, "corp")|};
                    }

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
                    client.EnableSsl = true; // plain
                    client.Credentials = credentials;
                    if (credentials.Domain.Length > 0)
                    {
                        client.EnableSsl = true;
                        client.Credentials = new NetworkCredential(credentials.UserName, credentials.Password, "corp");
                    }

                    var other = new SmtpClient("smtp.example.com") { EnableSsl = true, Credentials = credentials };
                }
            }
            """);

        [Fact]
        public Task NeverSet_EnableSslTrueJoinsTheCreation() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Sender
            {
                private readonly SmtpClient _field = new SmtpClient("smtp.example.com", 587);

                void Send(NetworkCredential credentials, string host)
                {
                    using var plain = new SmtpClient(host, 587);
                    {|SMTP3001:plain.Credentials = credentials|};
                    var inline = new SmtpClient(host) { Port = 587, {|SMTP3001:Credentials = credentials|} };
                    var multiline = new SmtpClient(host)
                    {
                        Port = 587,
                        {|SMTP3001:Credentials = credentials|}
                    };
                    var trailingComma = new SmtpClient(host)
                    {
                        {|SMTP3001:Credentials = credentials|},
                    };
                    var parameterless = new SmtpClient();
                    parameterless.Host = host;
                    {|SMTP3001:parameterless.Credentials = credentials|};
                    {|SMTP3001:_field.Credentials = credentials|};
                }
            }
            """,
            """
            using System.Net;
            using System.Net.Mail;

            class Sender
            {
                private readonly SmtpClient _field = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                void Send(NetworkCredential credentials, string host)
                {
                    using var plain = new SmtpClient(host, 587) { EnableSsl = true };
                    plain.Credentials = credentials;
                    var inline = new SmtpClient(host) { Port = 587, Credentials = credentials, EnableSsl = true };
                    var multiline = new SmtpClient(host)
                    {
                        Port = 587,
                        Credentials = credentials,
                        EnableSsl = true
                    };
                    var trailingComma = new SmtpClient(host)
                    {
                        Credentials = credentials,
                        EnableSsl = true,
                    };
                    var parameterless = new SmtpClient() { EnableSsl = true };
                    parameterless.Host = host;
                    parameterless.Credentials = credentials;
                    _field.Credentials = credentials;
                }
            }
            """);

        [Fact]
        public Task MailKit_NoneBecomesStartTlsOrSslOnConnectOn465() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Sender
            {
                async Task Send(SmtpClient client, ISmtpClient implicitTls, string host, NetworkCredential credentials)
                {
                    await {|SMTP3001:client.ConnectAsync(host, 25, SecureSocketOptions.None)|};
                    await client.AuthenticateAsync(credentials);
                    {|SMTP3001:implicitTls.Connect(host, 465, options: SecureSocketOptions.None)|};
                    implicitTls.Authenticate(credentials);
                }
            }
            """,
            """
            using System.Net;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Sender
            {
                async Task Send(SmtpClient client, ISmtpClient implicitTls, string host, NetworkCredential credentials)
                {
                    await client.ConnectAsync(host, 25, SecureSocketOptions.StartTls);
                    await client.AuthenticateAsync(credentials);
                    implicitTls.Connect(host, 465, options: SecureSocketOptions.SslOnConnect);
                    implicitTls.Authenticate(credentials);
                }
            }
            """);

        [Fact]
        public Task NoFix_ForSettingsShapesConstantsWrappersAndUris() => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Net;
            using System.Net.Mail;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Wrapper
            {
                public void Connect(string host, int port, SecureSocketOptions options) { }
                public void Authenticate(ICredentials credentials) { }
            }

            class Sender
            {
                const bool NoSsl = false;

                void SystemNetMail(System.Net.Mail.SmtpClient client, NetworkCredential credentials, System.Net.Mail.SmtpClient other)
                {
                    client.EnableSsl = NoSsl;
                    {|SMTP3001:client.Credentials = credentials|};
                    var twice = new System.Net.Mail.SmtpClient("a.example.com");
                    if (credentials.Domain.Length > 0)
                    {
                        twice = new System.Net.Mail.SmtpClient("b.example.com");
                    }

                    {|SMTP3001:twice.Credentials = credentials|};
                }

                void MailKit(MailKit.Net.Smtp.SmtpClient client, Wrapper wrapper, bool secure, string host, NetworkCredential credentials)
                {
                    {|SMTP3001:client.Connect(host, 25, secure ? SecureSocketOptions.StartTls : SecureSocketOptions.None)|};
                    var none = SecureSocketOptions.None;
                    {|SMTP3001:client.Connect(host, 25, none)|};
                    {|SMTP3001:client.Connect(new Uri("smtp://mail.example.com?starttls=no"))|};
                    client.Authenticate(credentials);
                    {|SMTP3001:wrapper.Connect(host, 25, SecureSocketOptions.None)|};
                    wrapper.Authenticate(credentials);
                }
            }
            """);
    }
}
