using System.Threading.Tasks;
using SmtpAnalyzers.Semantics;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Engine.SmtpRulesAnalyzer>;

namespace SmtpAnalyzers.Tests.Engine
{
    /// <summary>
    /// The per-file gate (<see cref="MailFiles"/>): operations are analyzed only in files that name an SMTP type, a send,
    /// a send wrapper, or a declaration of the project whose signature names one. Each finding below is in a file that
    /// names no SMTP type at all, and is still reported; <c>MailFilesTests.Taken.cs</c> pins which files the gate takes.
    /// </summary>
    public partial class MailFilesTests
    {
        [Fact]
        public Task StatusCodeProperty_DeclaredInAnotherFile_IsFollowed() => Verify.VerifyFilesAsync(
            ("Failure.cs", """
                using System.Net.Mail;

                public class Failure
                {
                    public SmtpStatusCode Code { get; set; }
                }
                """),
            ("Policy.cs", """
                static class Policy
                {
                    public static bool IsFull(Failure failure) => (int)failure.Code == {|SMTP1001:552|};
                }
                """));

        [Fact]
        public Task StatusCodeReturnedByAMethodInAnotherFile_HeldInVar_IsFollowed() => Verify.VerifyFilesAsync(
            ("Reader.cs", """
                using MailKit.Net.Smtp;

                public static class Reader
                {
                    public static SmtpStatusCode Last() => SmtpStatusCode.Ok;
                }
                """),
            ("Policy.cs", """
                static class Policy
                {
                    public static bool Refused()
                    {
                        var code = Reader.Last();
                        return (int)code == {|SMTP1001:550|};
                    }
                }
                """));

        [Fact]
        public Task ClientFieldOfAnotherPartialPart_IsFollowed() => Verify.VerifyFilesAsync(
            ("Mailer.cs", """
                using MailKit.Net.Smtp;

                partial class Mailer
                {
                    private readonly SmtpClient _client = new SmtpClient();
                }
                """),
            ("Mailer.Login.cs", """
                partial class Mailer
                {
                    void Login()
                    {
                        {|SMTP3002:_client.Connect("mail.example.com", 25, false)|};
                        _client.Authenticate("mailer", {|SMTP3006:"hunter2"|});
                    }
                }
                """));

        [Fact]
        public Task MembersInheritedFromAClientSubclassInAnotherFile_AreFollowed() => Verify.VerifyFilesAsync(
            ("MyClient.cs", """
                public class MyClient : MailKit.Net.Smtp.SmtpClient
                {
                }
                """),
            ("Special.cs", """
                public class Special : MyClient
                {
                }
                """),
            ("Special.Login.cs", """
                public partial class Login
                {
                    public void Run(Special client) => client.Authenticate("mailer", {|SMTP3006:"hunter2"|});
                }
                """));

        [Fact]
        public Task ServicePointManagerCallback_InAPartialPartWithoutTheClient_IsReported() => Verify.VerifyFilesAsync(
            ("Mailer.cs", """
                partial class Mailer
                {
                    private readonly System.Net.Mail.SmtpClient _client = new System.Net.Mail.SmtpClient("mail.example.com");
                }
                """),
            ("Mailer.Tls.cs", """
                using System.Net;

                partial class Mailer
                {
                    static Mailer()
                    {
                        {|SMTP3003:ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true|};
                    }
                }
                """));

        [Fact]
        public Task GlobalUsingStatic_OfServicePointManager_TakesEveryFile() => Verify.VerifyFilesAsync(
            ("Usings.cs", """
                global using static System.Net.ServicePointManager;
                """),
            ("Mailer.cs", """
                partial class Mailer
                {
                    private readonly System.Net.Mail.SmtpClient _client = new System.Net.Mail.SmtpClient("mail.example.com");
                }
                """),
            ("Mailer.Tls.cs", """
                partial class Mailer
                {
                    static Mailer()
                    {
                        {|SMTP3003:ServerCertificateValidationCallback = delegate { return true; }|};
                    }
                }
                """));

        [Fact]
        public Task GlobalUsingOfMailKit_TakesFilesNamingItsTypesBare() => Verify.VerifyFilesAsync(
            ("Usings.cs", """
                global using MailKit;
                global using MailKit.Security;
                """),
            ("Login.cs", """
                static class Login
                {
                    public static void Run(IMailTransport transport)
                    {
                        {|SMTP3001:transport.Connect("mail.example.com", 25, SecureSocketOptions.None)|};
                        transport.Authenticate("mailer", {|SMTP3006:"hunter2"|});
                    }
                }
                """));

        [Fact]
        public Task SendWrapperInAnotherFile_IsFollowed() => Verify.VerifyFilesAsync(
            ("Mail.cs", """
                using System.Net.Mail;
                using System.Threading.Tasks;

                public static class Mail
                {
                    public static async Task DeliverAsync(MailMessage message)
                    {
                        using var client = new SmtpClient("mail.example.com");
                        await client.SendMailAsync(message);
                    }
                }
                """),
            ("Signup.cs", """
                using System.Threading.Tasks;

                public class Signup
                {
                    public async Task WelcomeAsync(System.Net.Mail.MailMessage message)
                    {
                        try
                        {
                            await Mail.DeliverAsync(message);
                        }
                        {|SMTP2001:catch|}
                        {
                        }
                    }
                }
                """));

        [Fact]
        public Task LambdaParameterTypedByAMethodInAnotherFile_IsFollowed() => Verify.VerifyFilesAsync(
            ("Pool.cs", """
                using System;
                using System.Net.Mail;

                public static class Pool
                {
                    public static void Use(Action<SmtpClient> use) => use(new SmtpClient("mail.example.com"));
                }
                """),
            ("Setup.cs", """
                static class Setup
                {
                    public static void Run() => Pool.Use(client =>
                    {
                        client.EnableSsl = true;
                        {|SMTP3007:client.Port = 465|};
                    });
                }
                """));

        [Fact]
        public Task GlobalAliasOfAClient_IsFollowed() => Verify.VerifyFilesAsync(
            ("Usings.cs", """
                global using Client = System.Net.Mail.SmtpClient;
                """),
            ("Setup.cs", """
                static class Setup
                {
                    public static Client Create() => new Client("mail.example.com", {|SMTP3007:465|}) { EnableSsl = true };
                }
                """));

        [Fact]
        public Task PrimaryConstructorParameterUsedInAnotherPartialPart_IsFollowed() => Verify.VerifyFilesAsync(
            ("Mailer.cs", """
                partial class Mailer(MailKit.Net.Smtp.SmtpClient client)
                {
                }
                """),
            ("Mailer.Login.cs", """
                partial class Mailer
                {
                    void Login() => client.Authenticate("mailer", {|SMTP3006:"hunter2"|});
                }
                """));
    }
}
