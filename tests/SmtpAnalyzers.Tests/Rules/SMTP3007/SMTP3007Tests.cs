using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Rules.Security.ImplicitTlsPortAnalyzer, SmtpAnalyzers.Security.ImplicitTlsPortCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Rules.Security.ImplicitTlsPortAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3007
{
    public class SMTP3007Tests
    {
        [Fact]
        public Task ConstructorPortInitializerAndLaterAssignment_AreReported_WithoutFixWhenEnableSslIsNotTrue() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                const int SslPort = 465;

                void Send(bool implicitTls, string host)
                {
                    var a = new SmtpClient(host, {|SMTP3007:465|});
                    var b = new SmtpClient("smtp.example.com") { {|SMTP3007:Port = 465|} };
                    var c = new SmtpClient();
                    {|SMTP3007:c.Port = SslPort|};
                    c.Host = host;
                    var d = new SmtpClient(host, {|SMTP3007:implicitTls ? 465 : 25|});
                    d.EnableSsl = false;
                    a.Send("a@example.com", "b@example.com", "s", "b");
                }
            }
            """);

        [Fact]
        public Task LoopbackHostIsStillReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                SmtpClient Create() => new SmtpClient("localhost", {|SMTP3007:465|});
            }
            """);

        [Fact]
        public Task FieldWithEnableSslTrue_LiteralBecomes587() => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.com", {|SMTP3007:465|});

                Sender()
                {
                    _client.EnableSsl = true;
                }
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.com", 587);

                Sender()
                {
                    _client.EnableSsl = true;
                }
            }
            """);

        [Fact]
        public Task InitializerAndStatement_FixAll() => Verify.VerifyAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                SmtpClient Create(string host) => new SmtpClient(host) { {|SMTP3007:Port = 465|}, EnableSsl = true };

                void Send()
                {
                    using var client = new SmtpClient("smtp.example.com");
                    {|SMTP3007:client.Port = 465|}; // implicit TLS
                    client.EnableSsl = true;
                    var other = new SmtpClient("smtp.example.com", {|SMTP3007:465|}) { EnableSsl = true };
                }
            }
            """,
            """
            using System.Net.Mail;

            class Sender
            {
                SmtpClient Create(string host) => new SmtpClient(host) { Port = 587, EnableSsl = true };

                void Send()
                {
                    using var client = new SmtpClient("smtp.example.com");
                    client.Port = 587; // implicit TLS
                    client.EnableSsl = true;
                    var other = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                }
            }
            """);

        [Fact]
        public Task ConstantOrConditionalIsNotALiteral_NoFix() => Verify.VerifyNoFixAsync(
            """
            using System.Net.Mail;

            class Sender
            {
                const int SslPort = 465;

                void Send(bool b)
                {
                    var client = new SmtpClient("smtp.example.com", {|SMTP3007:SslPort|});
                    client.EnableSsl = true;
                    var other = new SmtpClient("smtp.example.com") { {|SMTP3007:Port = b ? 465 : 587|}, EnableSsl = true };
                }
            }
            """);

        [Fact]
        public Task OtherPortsNonConstantPortsAndMailKit_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net.Mail;
            using MailKit.Security;

            class Sender
            {
                void Send(int port, bool b)
                {
                    var a = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    a.Port = port;
                    a.Port = b ? 25 : 587;
                    var mk = new MailKit.Net.Smtp.SmtpClient();
                    mk.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
                    var settings = new Settings { Port = 465 };
                }

                class Settings { public int Port { get; set; } }
            }
            """);
    }
}
