using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Infrastructure.CodeFixVerifier<SmtpAnalyzers.ReplyCodes.ReplyCodeInMessageTextAnalyzer, SmtpAnalyzers.ReplyCodes.ReplyCodeInMessageTextCodeFixProvider>;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.ReplyCodes.ReplyCodeInMessageTextAnalyzer>;

namespace SmtpAnalyzers.Tests.ReplyCodes
{
    /// <summary>Codes searched in the text of a catch of Exception that receives a send's failure.</summary>
    public partial class SMTP1004Tests
    {
        [Fact]
        public Task CatchOfExceptionAroundASend_IsReported() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;

            class Sender
            {
                async Task<bool> SendAsync(System.Net.Mail.SmtpClient client, System.Net.Mail.MailMessage message)
                {
                    try
                    {
                        await client.SendMailAsync(message);
                        return true;
                    }
                    catch (Exception ex)
                    {
                        if (ex.Message.Contains({|#0:"5.1.1"|}) || ex.ToString().Contains({|#1:"550"|}))
                        {
                            return false;
                        }

                        throw;
                    }
                }

                void Send(MailKit.Net.Smtp.SmtpClient client, MimeKit.MimeMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (MailKit.Net.Smtp.SmtpProtocolException)
                    {
                        throw;
                    }
                    catch (Exception e)
                    {
                        var text = e.Message;
                        if (text.StartsWith({|#2:"535"|}))
                        {
                            throw new InvalidOperationException("bad credentials", e);
                        }
                    }
                }
            }
            """,
            LanguageVersion.Latest,
            new DiagnosticResult("SMTP1004", DiagnosticSeverity.Warning).WithLocation(0)
                .WithMessage("Decide on the status code's reply class instead of searching the message for the enhanced status code \"5.1.1\""),
            new DiagnosticResult("SMTP1004", DiagnosticSeverity.Warning).WithLocation(1)
                .WithMessage("Compare the StatusCode of a caught SmtpException with SmtpStatusCode.MailboxUnavailable instead of searching the message for \"550\""),
            new DiagnosticResult("SMTP1004", DiagnosticSeverity.Warning).WithLocation(2)
                .WithMessage("Compare the StatusCode of a caught SmtpCommandException with SmtpStatusCode.AuthenticationInvalidCredentials instead of searching the message for \"535\""));

        [Fact]
        public Task CatchOfExceptionAroundASend_GetsNoFix() => Verify.VerifyNoFixAsync(
            """
            using System;

            class Sender
            {
                bool Send(System.Net.Mail.SmtpClient client, System.Net.Mail.MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                        return true;
                    }
                    catch (Exception ex)
                    {
                        return !ex.Message.Contains({|SMTP1004:"550"|});
                    }
                }
            }
            """);

        [Fact]
        public Task CatchOfExceptionNearMisses_AreQuiet() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net;
            using System.Net.Http;
            using System.Threading.Tasks;

            class NotSmtp
            {
                // FTP: a 550 of another protocol.
                void Ftp(FtpWebRequest request)
                {
                    try
                    {
                        using var response = request.GetResponse();
                    }
                    catch (Exception ex)
                    {
                        if (ex.Message.Contains("550")) Console.WriteLine("no such file");
                    }
                }

                // HTTP: no send in the try.
                async Task Http(HttpClient client)
                {
                    try
                    {
                        await client.GetAsync("https://example.com");
                    }
                    catch (Exception ex)
                    {
                        if (ex.Message.Contains("503")) Console.WriteLine("later");
                    }
                }

                // An earlier clause takes every SMTP failure: what is left is not one.
                void Earlier(System.Net.Mail.SmtpClient client, System.Net.Mail.MailMessage message)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (System.Net.Mail.SmtpException)
                    {
                        throw;
                    }
                    catch (Exception ex)
                    {
                        if (ex.Message.Contains("550")) Console.WriteLine("?");
                    }
                }

                // The send is in a lambda declared in the try: it fails elsewhere.
                void Lambda(System.Net.Mail.SmtpClient client, System.Net.Mail.MailMessage message)
                {
                    try
                    {
                        Action later = () => client.Send(message);
                    }
                    catch (Exception ex)
                    {
                        if (ex.Message.Contains("550")) Console.WriteLine("?");
                    }
                }

                // Both libraries in one try: which enum applies is not known.
                void Both(System.Net.Mail.SmtpClient a, System.Net.Mail.MailMessage m, MailKit.Net.Smtp.SmtpClient b, MimeKit.MimeMessage n)
                {
                    try
                    {
                        a.Send(m);
                        b.Send(n);
                    }
                    catch (Exception ex)
                    {
                        if (ex.Message.Contains("550")) Console.WriteLine("?");
                    }
                }

                // Some other text than the exception's.
                void OtherText(System.Net.Mail.SmtpClient client, System.Net.Mail.MailMessage message, string reply)
                {
                    try
                    {
                        client.Send(message);
                    }
                    catch (Exception)
                    {
                        if (reply.Contains("550")) Console.WriteLine("?");
                    }
                }
            }
            """);
    }
}
