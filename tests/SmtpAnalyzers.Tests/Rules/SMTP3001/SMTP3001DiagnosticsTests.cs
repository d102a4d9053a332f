using System.Threading.Tasks;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Rules.Security.CredentialsTransportAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3001
{
    public class SMTP3001DiagnosticsTests
    {
        [Fact]
        public Task SystemNetMail_EnableSslFalseAndNeverSet_AreReportedAtTheCredentialsAssignment() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Sender
            {
                const bool NoSsl = false;

                void EnableSslFalse(SmtpClient client, NetworkCredential credentials)
                {
                    client.EnableSsl = false;
                    {|SMTP3001:client.Credentials = credentials|};
                }

                void ConstantFalseTwice(SmtpClient client, ICredentialsByHost credentials)
                {
                    client.EnableSsl = NoSsl;
                    {|SMTP3001:client.Credentials = credentials|};
                    client.EnableSsl = false;
                }

                void NeverSetWithHostArgument(NetworkCredential credentials, string host)
                {
                    using var client = new SmtpClient(host, 587);
                    client.DeliveryMethod = SmtpDeliveryMethod.Network;
                    {|SMTP3001:client.Credentials = credentials|};
                    client.Send("a@example.com", "b@example.com", "s", "b");
                }

                void Initializer(NetworkCredential credentials)
                {
                    var client = new SmtpClient("smtp.example.com") { EnableSsl = false, {|SMTP3001:Credentials = credentials|} };
                    var never = new SmtpClient("smtp.example.com") { {|SMTP3001:Credentials = new NetworkCredential("u", GetPassword())|} };
                    client.Send("a@example.com", "b@example.com", "s", "b");
                    never.Send("a@example.com", "b@example.com", "s", "b");
                }

                void ParameterlessPlusHost(NetworkCredential credentials, string host)
                {
                    var client = new SmtpClient();
                    client.Host = host;
                    {|SMTP3001:client.Credentials = credentials|};
                    System.Action send = () => client.Send("a@example.com", "b@example.com", "s", "b");
                    send();
                }

                void InLambda(NetworkCredential credentials)
                {
                    var client = new SmtpClient("smtp.example.com");
                    System.Action configure = () => { {|SMTP3001:client.Credentials = credentials|}; };
                    configure();
                }

                static string GetPassword() => "";
            }

            class PrivateFieldClient
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.com", 587);

                private SmtpClient Other { get; } = new SmtpClient("smtp.example.com");

                PrivateFieldClient(NetworkCredential credentials)
                {
                    {|SMTP3001:_client.Credentials = credentials|};
                    {|SMTP3001:this.Other.Credentials = credentials|};
                }

                void Configure()
                {
                    Other.EnableSsl = false;
                }

                void Send() => _client.Send("a@example.com", "b@example.com", "s", "b");
            }

            partial class PartialHolder
            {
                private SmtpClient _client;

                void Configure(NetworkCredential credentials)
                {
                    {|SMTP3001:_client.Credentials = credentials|};
                }
            }

            partial class PartialHolder
            {
                PartialHolder()
                {
                    _client = new SmtpClient("smtp.example.com");
                    _client.EnableSsl = false;
                }
            }
            """);

        [Fact]
        public Task NearMissesOfTheExemptions_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;
            using MailKit.Security;

            interface IHostEnvironment { bool IsDevelopment(); }

            class Settings { public bool IgnoreTls { get; set; } }

            class Sender
            {
                void Send(IHostEnvironment env, Settings settings, NetworkCredential credentials, MailKit.Net.Smtp.SmtpClient mk)
                {
                    if (!env.IsDevelopment())
                    {
                        var production = new SmtpClient("smtp.example.com") { EnableSsl = false, {|SMTP3001:Credentials = credentials|} };
                    }

                    if (env.IsDevelopment())
                    {
                    }
                    else
                    {
                        var elseBranch = new SmtpClient("smtp.example.com") { EnableSsl = false, {|SMTP3001:Credentials = credentials|} };
                    }

                    if (settings.IgnoreTls)
                    {
                        var flag = new SmtpClient("smtp.example.com") { EnableSsl = false, {|SMTP3001:Credentials = credentials|} };
                    }

                    var lookalike = new SmtpClient("localhost.example.com") { EnableSsl = false, {|SMTP3001:Credentials = credentials|} };
                    var notLoopback = new SmtpClient("127.0.0.1.nip.io") { EnableSsl = false, {|SMTP3001:Credentials = credentials|} };
                    {|SMTP3001:mk.Connect("localhost", 25, SecureSocketOptions.None)|};
                    {|SMTP3001:mk.Connect("smtp.example.com", 25, SecureSocketOptions.None)|};
                    mk.Authenticate(credentials);
                }
            }
            """);

        [Fact]
        public Task MailKit_NoneThenAuthenticate_IsReportedAtTheConnect() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Wrapper
            {
                public void Connect(string host, int port, SecureSocketOptions options) { }
                public void Authenticate(string user, string password) { }
            }

            class Sender
            {
                private readonly SmtpClient _client = new SmtpClient();

                async Task Constant(SmtpClient client, string host, string password)
                {
                    await {|SMTP3001:client.ConnectAsync(host, 25, SecureSocketOptions.None)|};
                    await client.AuthenticateAsync("user", password);
                }

                void Conditional(ISmtpClient client, bool secure, string host, NetworkCredential credentials)
                {
                    {|SMTP3001:client.Connect(host, 587, secure ? SecureSocketOptions.StartTls : SecureSocketOptions.None)|};
                    client.Authenticate(credentials);
                }

                void SwitchArm(ISmtpClient client, int encryption, string host, NetworkCredential credentials)
                {
                    // A mapping of the application's own setting: its None arm still authenticates in clear.
                    var options = encryption switch
                    {
                        0 => SecureSocketOptions.None,
                        1 => SecureSocketOptions.SslOnConnect,
                        _ => SecureSocketOptions.StartTls,
                    };
                    {|SMTP3001:client.Connect(host, 587, options)|};
                    client.Authenticate(credentials);
                }

                void Local(IMailTransport transport, string host, ICredentials credentials)
                {
                    var options = SecureSocketOptions.None;
                    {|SMTP3001:transport.Connect(host, 25, options)|};
                    transport.Authenticate(credentials);
                }

                void Uri(SmtpClient client, string token)
                {
                    {|SMTP3001:client.Connect(new Uri("smtp://mail.example.com:25?starttls=never"))|};
                    client.Authenticate(new SaslMechanismOAuth2("user", token));
                }

                void Field(string host, string user, string password)
                {
                    {|SMTP3001:_client.Connect(host, 25, SecureSocketOptions.None)|};
                    _client.Authenticate(System.Text.Encoding.UTF8, user, password);
                }

                void OnWrapper(Wrapper wrapper, string host, string user, string password)
                {
                    {|SMTP3001:wrapper.Connect(host, 25, SecureSocketOptions.None)|};
                    wrapper.Authenticate(user, password);
                }

                void InLocalFunction(SmtpClient client, string host, string password)
                {
                    Connect();
                    client.Authenticate("user", password);

                    void Connect() => {|SMTP3001:client.Connect(host, 2525, SecureSocketOptions.None)|};
                }
            }
            """);
    }
}
