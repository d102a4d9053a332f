using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Rules.Security.CredentialsTransportAnalyzer, SmtpAnalyzers.Security.CredentialsWithoutTlsCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Rules.Security.CredentialsTransportAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3001
{
    /// <summary>
    /// SMTP3001 for a System.Net.Mail client in a private field of a partial type whose parts are in several files: the
    /// client's scope is every part, so EnableSsl, Host, DeliveryMethod, the creation and escapes in another file count
    /// as in the file of the Credentials assignment. The fix edits only the diagnostic's document.
    /// </summary>
    public class SMTP3001PartialTypeTests
    {
        private const string Usings = """
            using System.Net;
            using System.Net.Mail;

            """;

        /// <summary>The part with the Credentials assignment (the trigger).</summary>
        private const string Login = Usings + """
            partial class Mailer
            {
                void Login(NetworkCredential credentials)
                {
                    {|SMTP3001:_client.Credentials = credentials|};
                }
            }
            """;

        private const string LoginValid = Usings + """
            partial class Mailer
            {
                void Login(NetworkCredential credentials)
                {
                    _client.Credentials = credentials;
                }
            }
            """;

        [Fact]
        public Task EnableSslFalseInAnotherFile_IsReported_WithoutFix() => Verify.VerifyFilesAsync(
            new[] { ("Mailer.Login.cs", Login), ("Mailer.cs", MailerPart("_client.EnableSsl = false;")) },
            new[] { ("Mailer.Login.cs", Login), ("Mailer.cs", MailerPart("_client.EnableSsl = false;")) });

        [Fact]
        public Task NeverSetInAnyPart_CreatedInAnotherFile_IsReported_WithoutFix() => Verify.VerifyFilesAsync(
            new[] { ("Mailer.Login.cs", Login), ("Mailer.cs", MailerPart("_client.Timeout = 10000;")) },
            new[] { ("Mailer.Login.cs", Login), ("Mailer.cs", MailerPart("_client.Timeout = 10000;")) });

        [Fact]
        public Task FalseWritesAllInTheDiagnosticsFile_AreFixed() => Verify.VerifyFilesAsync(
            new[]
            {
                ("Mailer.Login.cs", Usings + """
                    partial class Mailer
                    {
                        void Login(NetworkCredential credentials)
                        {
                            _client.EnableSsl = false;
                            {|SMTP3001:_client.Credentials = credentials|};
                        }
                    }
                    """),
                ("Mailer.cs", MailerPart("_client.Timeout = 10000;")),
            },
            new[]
            {
                ("Mailer.Login.cs", Usings + """
                    partial class Mailer
                    {
                        void Login(NetworkCredential credentials)
                        {
                            _client.EnableSsl = true;
                            _client.Credentials = credentials;
                        }
                    }
                    """),
                ("Mailer.cs", MailerPart("_client.Timeout = 10000;")),
            });

        [Fact]
        public Task NeverSet_CreationInTheDiagnosticsFile_GetsEnableSslTrue() => Verify.VerifyFilesAsync(
            new[]
            {
                ("Mailer.cs", Usings + """
                    partial class Mailer
                    {
                        private readonly SmtpClient _client = new SmtpClient("smtp.example.com", 587);

                        void Login(NetworkCredential credentials)
                        {
                            {|SMTP3001:_client.Credentials = credentials|};
                        }
                    }
                    """),
                ("Mailer.Send.cs", Usings + """
                    partial class Mailer
                    {
                        public void Send(MailMessage message) => _client.Send(message);
                    }
                    """),
            },
            new[]
            {
                ("Mailer.cs", Usings + """
                    partial class Mailer
                    {
                        private readonly SmtpClient _client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                        void Login(NetworkCredential credentials)
                        {
                            _client.Credentials = credentials;
                        }
                    }
                    """),
                ("Mailer.Send.cs", Usings + """
                    partial class Mailer
                    {
                        public void Send(MailMessage message) => _client.Send(message);
                    }
                    """),
            });

        [Theory]
        [InlineData("_client.EnableSsl = true;")]
        [InlineData("_client.EnableSsl = _settings.EnableSsl;")]
        [InlineData("_client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;")]
        [InlineData("_configurator.Configure(_client);")]
        public Task TlsSetOrClientHandedOnInAnotherFile_IsNotReported(string statement) => VerifyAnalyzer.VerifyFilesAsync(
            ("Mailer.Login.cs", LoginValid),
            ("Mailer.cs", MailerPart(statement)));

        [Fact]
        public Task PrivatePropertyWithEnableSslFalseInAnotherFile_IsReported() => VerifyAnalyzer.VerifyFilesAsync(
            ("Mailer.Login.cs", Usings + """
                partial class Mailer
                {
                    void Login(NetworkCredential credentials) => {|SMTP3001:Client.Credentials = credentials|};
                }
                """),
            ("Mailer.cs", Usings + """
                partial class Mailer
                {
                    private SmtpClient Client { get; } = new SmtpClient("smtp.example.com", 587) { EnableSsl = false };
                }
                """));

        [Fact]
        public Task LoopbackHostInAnotherFile_IsNotReported() => VerifyAnalyzer.VerifyFilesAsync(
            ("Mailer.Login.cs", LoginValid),
            ("Mailer.cs", Usings + """
                partial class Mailer
                {
                    private readonly SmtpClient _client = new SmtpClient();

                    Mailer()
                    {
                        _client.Host = "localhost";
                        _client.EnableSsl = false;
                    }
                }
                """));

        [Fact]
        public Task PublicFieldAcrossFiles_IsNotReported() => VerifyAnalyzer.VerifyFilesAsync(
            ("Mailer.Login.cs", LoginValid),
            ("Mailer.cs", Usings + """
                partial class Mailer
                {
                    public readonly SmtpClient _client = new SmtpClient("smtp.example.com", 587);
                }
                """));

        /// <summary>The other part: creates the client in a field initializer, and runs <paramref name="statement"/> in its constructor.</summary>
        private static string MailerPart(string statement) => Usings + $$"""
            class Settings { public bool EnableSsl { get; set; } }

            class Configurator { public void Configure(SmtpClient client) { } }

            partial class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.com", 587);
                private readonly Settings _settings = new Settings();
                private readonly Configurator _configurator = new Configurator();

                Mailer()
                {
                    {{statement}}
                }
            }
            """;
    }
}
