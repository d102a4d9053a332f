using System.Reflection;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Rules.Security;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Rules.Security.CredentialsTransportAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3001
{
    public class SMTP3001ValidCodeTests
    {
        [Fact]
        public Task SystemNetMail_TlsConfiguredPickupDefaultCredentialsAndUnknownClients_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;

            class Settings { public bool EnableSsl { get; set; } public string Host { get; set; } = ""; }

            class Configurator { public void Configure(SmtpClient client) { } }

            class Sender
            {
                public SmtpClient PublicClient = new SmtpClient("smtp.example.com");

                internal SmtpClient InternalClient { get; } = new SmtpClient("smtp.example.com");

                void Tls(NetworkCredential credentials)
                {
                    var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true, Credentials = credentials };
                    var configured = new SmtpClient("smtp.example.com");
                    configured.EnableSsl = new Settings().EnableSsl;
                    configured.Credentials = credentials;
                    var falseThenTrue = new SmtpClient("smtp.example.com");
                    falseThenTrue.EnableSsl = false;
                    falseThenTrue.Credentials = credentials;
                    falseThenTrue.EnableSsl = true;
                }

                void NoPassword(SmtpClient client)
                {
                    client.EnableSsl = false;
                    client.Credentials = CredentialCache.DefaultNetworkCredentials;
                    client.Credentials = null;
                    client.UseDefaultCredentials = true;
                }

                void PickupDirectory(NetworkCredential credentials)
                {
                    var client = new SmtpClient("smtp.example.com");
                    client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
                    client.PickupDirectoryLocation = "/tmp/mail";
                    client.Credentials = credentials;
                }

                void UnknownHost(NetworkCredential credentials, SmtpClient parameter)
                {
                    var client = new SmtpClient();
                    client.Credentials = credentials;
                    parameter.Credentials = credentials;
                    PublicClient.Credentials = credentials;
                    InternalClient.Credentials = credentials;
                }

                SmtpClient Escaping(NetworkCredential credentials, Configurator configurator)
                {
                    var passed = new SmtpClient("smtp.example.com");
                    passed.Credentials = credentials;
                    configurator.Configure(passed);
                    var returned = new SmtpClient("smtp.example.com") { Credentials = credentials };
                    var stored = new SmtpClient("smtp.example.com");
                    stored.Credentials = credentials;
                    PublicClient = stored;
                    return returned;
                }

                private SmtpClient _injectedOrCreated;

                void InjectedOrCreated(SmtpClient injected, bool create, NetworkCredential credentials)
                {
                    _injectedOrCreated = create ? new SmtpClient("smtp.example.com") : injected;
                    _injectedOrCreated = new SmtpClient("smtp.example.com");
                    _injectedOrCreated.Credentials = credentials;
                    var fromFactory = Create();
                    fromFactory = new SmtpClient("smtp.example.com");
                    fromFactory.Credentials = credentials;
                }

                static SmtpClient Create() => new SmtpClient();

                void Loopback(NetworkCredential credentials)
                {
                    var catcher = new SmtpClient("localhost", 25) { Credentials = credentials };
                    var relay = new SmtpClient();
                    relay.Host = "127.0.0.1";
                    relay.EnableSsl = false;
                    relay.Credentials = credentials;
                    var ipv6 = new SmtpClient("[::1]") { EnableSsl = false, Credentials = credentials };
                }
            }
            """);

        [Fact]
        public Task DevelopmentOnly_IsNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Net.Mail;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            interface IWebHostEnvironment { bool IsDevelopment(); }

            class Sender
            {
                async Task Send(IWebHostEnvironment env, bool verbose, NetworkCredential credentials, MailKit.Net.Smtp.SmtpClient mk, string host)
                {
                    if (env.IsDevelopment() && verbose)
                    {
                        var client = new System.Net.Mail.SmtpClient("smtp.example.com") { EnableSsl = false, Credentials = credentials };
                        await mk.ConnectAsync(host, 25, SecureSocketOptions.None);
                        await mk.AuthenticateAsync(credentials);
                    }
                }
            }
            """);

        [Fact]
        public Task CallsInsideAssertionsThatExpectThemToThrow_AreNotConnections() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            // The shape of xunit's, NUnit's and MSTest's Assert.
            static class Assert
            {
                public static T Throws<T>(Action action) where T : Exception => null;
                public static Task<T> ThrowsAsync<T>(Func<Task> action) where T : Exception => null;
                public static Exception Catch(Action action) => null;
            }

            static class Policy
            {
                public static void Execute(Action action) => action();
            }

            public class SmtpClientArgumentTests
            {
                public async Task ArgumentExceptions()
                {
                    using var client = new SmtpClient();
                    Assert.Throws<ArgumentNullException>(() => client.Connect(null, 25, false));
                    Assert.Throws<ArgumentOutOfRangeException>(() => client.Connect("host", -1, SecureSocketOptions.None));
                    await Assert.ThrowsAsync<ArgumentNullException>(() => client.ConnectAsync(null, 25, SecureSocketOptions.None));
                    Assert.Catch(() => client.Connect("host", 25, SecureSocketOptions.Auto));
                    Assert.Throws<ArgumentNullException>(() => client.Authenticate((ICredentials)null));
                }

                // Only the authentication is asserted to throw: the connection is real, but nothing authenticates on it.
                public void AuthenticateExpectedToFail(string host)
                {
                    using var client = new SmtpClient();
                    client.Connect(host, 25, SecureSocketOptions.None);
                    Assert.Throws<AuthenticationException>(() => client.Authenticate("user", Environment.GetEnvironmentVariable("P")));
                }

                // A lambda handed to anything else still connects.
                public void Retried(string host, ICredentials credentials)
                {
                    using var client = new SmtpClient();
                    Policy.Execute(() => {|SMTP3001:client.Connect(host, 25, SecureSocketOptions.None)|});
                    client.Authenticate(credentials);
                }
            }
            """);

        [Fact]
        public Task DebugRegion_IsNotReportedWhenDebugIsDefined()
        {
            var test = new DebugTest
            {
                TestCode = """
                    using System.Net;
                    using System.Net.Mail;

                    class Sender
                    {
                        void Send(NetworkCredential credentials)
                        {
                    #if DEBUG
                            var client = new SmtpClient("dev.example.com") { EnableSsl = false, Credentials = credentials };
                    #endif
                        }
                    }
                    """,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task MailKit_SafeOptionsAnonymousRelayImapPop3AndOtherMembers_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System.Net;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Options { public SecureSocketOptions Security { get; set; } public bool UseSsl { get; set; } }

            class Sender
            {
                private readonly SmtpClient _client = new SmtpClient();

                void Safe(SmtpClient client, string host, NetworkCredential credentials, Options options)
                {
                    client.Connect(host, 587, SecureSocketOptions.StartTls);
                    client.Connect(host, 465, SecureSocketOptions.SslOnConnect);
                    client.Connect(host, 587, options.Security);
                    client.Connect(host, 587, options.UseSsl);
                    client.Authenticate(credentials);
                }

                void AnonymousRelay(SmtpClient client, string host)
                {
                    client.Connect(host, 25, SecureSocketOptions.None);
                }

                void SecureChecked(SmtpClient client, string host, NetworkCredential credentials)
                {
                    client.Connect(host, 25, SecureSocketOptions.None);
                    if (!client.IsSecure)
                    {
                        throw new System.InvalidOperationException("no TLS");
                    }

                    client.Authenticate(credentials);
                }

                void ImapAndPop3(ImapClient imap, Pop3Client pop3, string host, NetworkCredential credentials)
                {
                    imap.Connect(host, 143, SecureSocketOptions.None);
                    imap.Authenticate(credentials);
                    pop3.Connect(host, 110, SecureSocketOptions.None);
                    pop3.Authenticate(credentials);
                }

                void Loopback(SmtpClient client, NetworkCredential credentials)
                {
                    client.Connect("localhost", 2525, SecureSocketOptions.None);
                    client.Authenticate(credentials);
                }

                void ConnectOnly(string host) => _client.Connect(host, 25, SecureSocketOptions.None);

                void AuthenticateOnly(NetworkCredential credentials) => _client.Authenticate(credentials);
            }
            """);

        [Fact]
        public async Task NetStandard_NeverSetEnableSsl_IsNotReported_ButFalseIs()
        {
            // SmtpClient from netstandard.dll: on .NET Framework <mailSettings> may enable SSL.
            var test = new NetStandardTest
            {
                TestCode = """
                    using System.Net;
                    using System.Net.Mail;

                    class Sender
                    {
                        void Send(NetworkCredential credentials)
                        {
                            var configured = new SmtpClient("smtp.example.com");
                            configured.Credentials = credentials;
                            var cleartext = new SmtpClient("smtp.example.com") { EnableSsl = false, {|SMTP3001:Credentials = credentials|} };
                        }
                    }
                    """,
            };
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public void NetStandard_SmtpClientIsInTheNetstandardAssembly()
        {
            var compilation = CSharpCompilation.Create("probe", references: new[] { MetadataReference.CreateFromFile(NetStandardTest.Path) });
            var client = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
            Assert.Equal("netstandard", client?.ContainingAssembly.Name);
            Assert.False(SecuritySymbols.TryCreate(compilation)!.SystemNetMailReadsNoConfiguration);
        }

        private sealed class DebugTest : CSharpAnalyzerTest<CredentialsTransportAnalyzer, DefaultVerifier>
        {
            public DebugTest()
            {
                Infrastructure.TestSetup.Configure(this, LanguageVersion.Latest);
                SolutionTransforms.Add((solution, projectId) =>
                {
                    var project = solution.GetProject(projectId)!;
                    return solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithPreprocessorSymbols("DEBUG"));
                });
            }
        }

        internal sealed class NetStandardTest : CSharpAnalyzerTest<CredentialsTransportAnalyzer, DefaultVerifier>
        {
            public static readonly string Path = typeof(NetStandardTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NetStandardReference").Value!;

            public NetStandardTest()
            {
                ReferenceAssemblies = new ReferenceAssemblies("netstandard2.0");
                MarkupOptions |= MarkupOptions.UseFirstDescriptor;
                TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(Path));
            }
        }
    }
}
