using System.Threading.Tasks;
using Xunit;
using VerifyAnalyzer = SmtpAnalyzers.Tests.Infrastructure.AnalyzerVerifier<SmtpAnalyzers.Reliability.FailureSwallowedAnalyzer>;

namespace SmtpAnalyzers.Tests.Reliability
{
    /// <summary>Calls that are not send wrappers, or wrappers whose failure is handed on: nothing is reported.</summary>
    public partial class SMTP2001Tests
    {
        [Fact]
        public Task WrapperThatHandsTheFailureToAnErrorHandler_IsNotAWrapper() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            interface IErrorHandler
            {
                void Error(string message, Exception exception);
            }

            class MailSink
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");
                private readonly IErrorHandler _errors;

                public MailSink(IErrorHandler errors) => _errors = errors;

                public void Emit(MailMessage message)
                {
                    try
                    {
                        _client.Send(message);
                    }
                    catch (Exception ex)
                    {
                        _errors.Error("Could not send the log mail.", ex);
                    }
                }

                public void Flush(MailMessage message)
                {
                    try
                    {
                        Emit(message);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """);

        [Fact]
        public Task WrapperThatReturnsAResultKeepingTheCode_IsNotAWrapper() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            sealed class SendResult
            {
                public SendResult(SmtpStatusCode? code) => Code = code;
                public SmtpStatusCode? Code { get; }
            }

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                public async Task<SendResult> SendEmailAsync(MailMessage message)
                {
                    try
                    {
                        await _client.SendMailAsync(message);
                        return new SendResult(null);
                    }
                    catch (SmtpException ex)
                    {
                        return new SendResult(ex.StatusCode);
                    }
                }

                public async Task NotifyAsync(MailMessage message)
                {
                    try
                    {
                        var result = await SendEmailAsync(message);
                        Console.WriteLine(result.Code);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """);

        [Fact]
        public Task InterfaceAndVirtualMethods_AreNotFollowed() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            interface IEmailSender
            {
                Task SendEmailAsync(MailMessage message);
            }

            class SmtpEmailSender : IEmailSender
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                public Task SendEmailAsync(MailMessage message) => _client.SendMailAsync(message);

                public virtual Task SendVirtualAsync(MailMessage message) => _client.SendMailAsync(message);
            }

            class Notifications
            {
                public async Task NotifyAsync(IEmailSender sender, SmtpEmailSender concrete, MailMessage message)
                {
                    // The code that runs is chosen at run time: an interface or virtual call is not followed.
                    try
                    {
                        await sender.SendEmailAsync(message);
                        await concrete.SendVirtualAsync(message);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """);

        [Fact]
        public Task MethodNamedSendEmailAsyncThatPostsOverHttp_IsNotAWrapper() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Http;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class ApiMailer
            {
                private readonly HttpClient _http = new HttpClient();

                public async Task SendEmailAsync(string to, string body)
                {
                    var response = await _http.PostAsync("https://api.example.org/mail", new StringContent(body));
                    response.EnsureSuccessStatusCode();
                }

                public async Task NotifyAsync(string to)
                {
                    try
                    {
                        await SendEmailAsync(to, "hello");
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }

                public SmtpStatusCode Unused => SmtpStatusCode.Ok;
            }
            """);

        [Fact]
        public Task RecursiveMethodsWithoutASend_EndTheSearch() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Net.Mail;

            class Walker
            {
                public SmtpStatusCode Last { get; set; }

                void Ping(int n) { if (n > 0) Pong(n - 1); }
                void Pong(int n) { if (n > 0) Ping(n - 1); }
                void Self(int n) { if (n > 0) Self(n - 1); }

                public void Run()
                {
                    try
                    {
                        Ping(10);
                        Self(10);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """);

        [Fact]
        public Task WrapperCallCaughtByAnInnerTryThatHandsItOn_IsNotSeenByTheOuterCatch() => VerifyAnalyzer.VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");
                private readonly List<Exception> _failures = new List<Exception>();

                void SendEmail(MailMessage message) => _client.Send(message);

                public void Notify(MailMessage message)
                {
                    try
                    {
                        try
                        {
                            SendEmail(message);
                        }
                        catch (Exception ex)
                        {
                            _failures.Add(ex);
                        }
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
            """);
    }
}
