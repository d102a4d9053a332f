using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.Rules.Security.CredentialsTransportAnalyzer, SmtpAnalyzers.Security.OpportunisticStartTlsCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Rules.Security.CredentialsTransportAnalyzer>;

namespace SmtpAnalyzers.Tests.Rules.SMTP3002
{
    public class SMTP3002Tests
    {
        [Fact]
        public Task OpportunisticForms_ThenAuthenticate_AreReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Sender
            {
                async Task Send(SmtpClient client, string host, int port, bool fallback, NetworkCredential credentials, CancellationToken ct)
                {
                    {|SMTP3002:client.Connect(host, 587, SecureSocketOptions.StartTlsWhenAvailable)|};
                    {|SMTP3002:client.Connect(host, 587, SecureSocketOptions.Auto)|};
                    {|SMTP3002:client.Connect(host)|};
                    {|SMTP3002:client.Connect(host, port)|};
                    {|SMTP3002:client.Connect(host, port, SecureSocketOptions.Auto)|};
                    await {|SMTP3002:client.ConnectAsync(host, 587, false, ct)|};
                    {|SMTP3002:client.Connect(new Uri("smtp://mail.example.com:587"))|};
                    {|SMTP3002:client.Connect(new Uri("smtp://mail.example.com:587?starttls=when-available"))|};
                    {|SMTP3002:client.Connect(host, 587, fallback ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.StartTls)|};
                    client.RequireTLS = true;
                    client.AuthenticationMechanisms.Remove("XOAUTH2");
                    await client.AuthenticateAsync(credentials, ct);
                }

                void Interfaces(ISmtpClient smtp, IMailTransport transport, string host, NetworkCredential credentials)
                {
                    {|SMTP3002:smtp.Connect(host, 587)|};
                    smtp.Authenticate(credentials);
                    {|SMTP3002:transport.Connect(host, 587, useSsl: false)|};
                    transport.Authenticate("user", credentials.Password);
                }
            }
            """);

        [Fact]
        public Task RequiredTlsConfiguredOptionsAndExemptions_AreNotReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net;
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Options { public SecureSocketOptions Security { get; set; } public bool UseSsl { get; set; } }

            class Sender
            {
                void Required(SmtpClient client, string host, NetworkCredential credentials, Options options)
                {
                    client.Connect(host, 587, SecureSocketOptions.StartTls);
                    client.Connect(host, 465, SecureSocketOptions.SslOnConnect);
                    client.Connect(host, 465, true);
                    client.Connect(host, 465, SecureSocketOptions.Auto);
                    client.Connect(host, 465);
                    client.Connect(new Uri("smtps://mail.example.com"));
                    client.Connect(new Uri("smtp://mail.example.com:587?starttls=always"));
                    client.Connect(host, 587, options.Security);
                    client.Connect(host, 587, options.UseSsl);
                    client.Authenticate(credentials);
                }

                void NoAuthenticate(SmtpClient client, string host) => client.Connect(host, 587);

                void Checked(SmtpClient client, string host, NetworkCredential credentials)
                {
                    client.Connect(host, 587);
                    if (!client.IsEncrypted)
                    {
                        return;
                    }

                    client.Authenticate(credentials);
                }

                void Loopback(SmtpClient client, NetworkCredential credentials)
                {
                    client.Connect("127.0.0.1", 2525);
                    client.Authenticate(credentials);
                }

                void Imap(ImapClient imap, string host, NetworkCredential credentials)
                {
                    imap.Connect(host, 143);
                    imap.Authenticate(credentials);
                }

                void Development(SmtpClient client, string host, NetworkCredential credentials, Environment environment)
                {
                    if (environment.IsDevelopment())
                    {
                        client.Connect(host, 587);
                        client.Authenticate(credentials);
                    }
                }

                class Environment { public bool IsDevelopment() => true; }
            }
            """);

        [Fact]
        public Task Fixes_RequireStartTls_FixAll_AddsTheUsing() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            class Sender
            {
                private int _port = 587;

                async Task Send(SmtpClient client, string host, int port, NetworkCredential credentials, CancellationToken ct)
                {
                    {|SMTP3002:client.Connect(host)|};
                    {|SMTP3002:client.Connect(host, 587)|};
                    {|SMTP3002:client.Connect(host, port)|};
                    {|SMTP3002:client.Connect(host, _port, MailKit.Security.SecureSocketOptions.Auto)|};
                    {|SMTP3002:client.Connect(host, 587, MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable)|};
                    await {|SMTP3002:client.ConnectAsync(host, 587, false, ct)|};
                    await {|SMTP3002:client.ConnectAsync(host, 587, useSsl: false, cancellationToken: ct)|};
                    await client.AuthenticateAsync(credentials, ct);
                }
            }
            """,
            """
            using System.Net;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Sender
            {
                private int _port = 587;

                async Task Send(SmtpClient client, string host, int port, NetworkCredential credentials, CancellationToken ct)
                {
                    client.Connect(host, options: SecureSocketOptions.StartTls);
                    client.Connect(host, 587, options: SecureSocketOptions.StartTls);
                    client.Connect(host, port, options: port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
                    client.Connect(host, _port, _port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
                    client.Connect(host, 587, SecureSocketOptions.StartTls);
                    await client.ConnectAsync(host, 587, SecureSocketOptions.StartTls, ct);
                    await client.ConnectAsync(host, 587, options: SecureSocketOptions.StartTls, cancellationToken: ct);
                    await client.AuthenticateAsync(credentials, ct);
                }
            }
            """);

        [Fact]
        public Task Fixes_OnInterfaceReceivers_BindTheOptionsOverload() => Verify.VerifyAsync(
            """
            using System.Net;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Smtp;

            class Sender
            {
                async Task Send(ISmtpClient smtp, IMailTransport transport, string host, NetworkCredential credentials)
                {
                    await {|SMTP3002:smtp.ConnectAsync(host, 587, useSsl: false)|};
                    await smtp.AuthenticateAsync(credentials);
                    {|SMTP3002:transport.Connect(host, 587, false)|};
                    transport.Authenticate(credentials);
                }
            }
            """,
            """
            using System.Net;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Sender
            {
                async Task Send(ISmtpClient smtp, IMailTransport transport, string host, NetworkCredential credentials)
                {
                    await smtp.ConnectAsync(host, 587, options: SecureSocketOptions.StartTls);
                    await smtp.AuthenticateAsync(credentials);
                    transport.Connect(host, 587, SecureSocketOptions.StartTls);
                    transport.Authenticate(credentials);
                }
            }
            """);

        [Fact]
        public Task NoFix_ForUrisConditionalsLocalsAndComputedPorts() => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Net;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Sender
            {
                void Send(SmtpClient client, string host, int[] ports, bool fallback, NetworkCredential credentials)
                {
                    {|SMTP3002:client.Connect(new Uri("smtp://mail.example.com:587"))|};
                    {|SMTP3002:client.Connect(host, 587, fallback ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.StartTls)|};
                    var options = SecureSocketOptions.StartTlsWhenAvailable;
                    {|SMTP3002:client.Connect(host, 587, options)|};
                    {|SMTP3002:client.Connect(host, ports[0])|};
                    client.Authenticate(credentials);
                }
            }
            """);
    }
}
