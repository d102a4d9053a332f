using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Semantics;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.Tests.Semantics
{
    /// <summary>
    /// Which source methods are send wrappers (a send's failure can leave them), the path to the send, and whether their
    /// Task carries the failure. Every rule that follows wrappers reads these answers.
    /// </summary>
    public class SendWrappersTests
    {
        private const string Mailer = """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            public class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                public void Direct(MailMessage m) => _client.Send(m);
                public Task ReturnsTheSendTask(MailMessage m) => _client.SendMailAsync(m);
                public async Task Awaits(MailMessage m) => await _client.SendMailAsync(m);
                public Task SyncInTaskMethod(MailMessage m) { _client.Send(m); return Task.CompletedTask; }
                public void EventBased(MailMessage m) => _client.SendAsync(m, null);
                public void Rethrows(MailMessage m) { try { _client.Send(m); } catch (SmtpException) { throw; } }
                public void CatchesIo(MailMessage m) { try { _client.Send(m); } catch (System.IO.IOException) { } }
                public bool Swallows(MailMessage m) { try { _client.Send(m); return true; } catch (Exception) { return false; } }
                public void SendsInCatch(MailMessage m) { try { Console.WriteLine(); } catch (Exception) { _client.Send(m); } }
                public void InLambdaOnly(MailMessage m) { Action a = () => _client.Send(m); }
                public async Task AwaitsTaskRun(MailMessage m) => await Task.Run(() => _client.SendMailAsync(m));
                public void DiscardsTaskRun(MailMessage m) { _ = Task.Run(() => _client.SendMailAsync(m)); }
                public virtual void Virtual(MailMessage m) => _client.Send(m);
                public void Recursive(MailMessage m, int n) { if (n > 0) Recursive(m, n - 1); else _client.Send(m); }
                public void Ping(int n) { if (n > 0) Pong(n - 1); }
                public void Pong(int n) { if (n > 0) Ping(n - 1); }
                public void CallsVirtual(MailMessage m) => Virtual(m);
                public void Generic<T>(MailMessage m) => Direct(m);
                public void CallsGeneric(MailMessage m) => Generic<int>(m);
                public void HasLocal(MailMessage m) { Local(); void Local() => _client.Send(m); }
            }
            """;

        private const string Callers = """
            using System.Net.Mail;
            using System.Threading.Tasks;

            public class Callers
            {
                private readonly Mailer _mailer = new Mailer();
                private readonly SmtpClient _client = new SmtpClient("smtp.example.org");

                public Task One(MailMessage m) => _mailer.Awaits(m);
                public void Two(MailMessage m) => _mailer.Rethrows(m);
                public void Deep1(MailMessage m) => Deep2(m);
                public void Deep2(MailMessage m) => Deep3(m);
                public void Deep3(MailMessage m) => _client.Send(m);
                public void Deep0(MailMessage m) => Deep1(m);
                public void CallsSwallower(MailMessage m) => _mailer.Swallows(m);
                public void Verbatim(MailMessage m) => @Deep3(m);
                public void VerbatimSend(MailMessage m) => _client.@Send(m);
                public void OnlyMentions(MailMessage m) { /* Deep3(m); _client.Send(m); */ var text = "Deep3(m) Send(m)"; }
                public void OnlyNameof(MailMessage m) { var text = nameof(Deep3); }
            }
            """;

        [Theory]
        [InlineData("Mailer", "Direct", "'Direct'", false)]
        [InlineData("Mailer", "ReturnsTheSendTask", "'ReturnsTheSendTask'", true)]
        [InlineData("Mailer", "Awaits", "'Awaits'", true)]
        [InlineData("Mailer", "SyncInTaskMethod", "'SyncInTaskMethod'", false)]
        [InlineData("Mailer", "Rethrows", "'Rethrows'", false)]
        [InlineData("Mailer", "CatchesIo", "'CatchesIo'", false)]
        [InlineData("Mailer", "SendsInCatch", "'SendsInCatch'", false)]
        [InlineData("Mailer", "AwaitsTaskRun", "'AwaitsTaskRun'", true)]
        [InlineData("Mailer", "Recursive", "'Recursive'", false)]
        [InlineData("Mailer", "CallsGeneric", "'CallsGeneric' and 'Generic' and 'Direct'", false)]
        [InlineData("Mailer", "HasLocal", "'HasLocal' and 'Local'", false)]
        [InlineData("Callers", "One", "'One' and 'Awaits'", true)]
        [InlineData("Callers", "Two", "'Two' and 'Rethrows'", false)]
        [InlineData("Callers", "Deep1", "'Deep1' and 'Deep2' and 'Deep3'", false)]
        [InlineData("Callers", "Verbatim", "'Verbatim' and 'Deep3'", false)]
        [InlineData("Callers", "VerbatimSend", "'VerbatimSend'", false)]
        public void Wrappers_AndThePathToTheSend(string type, string method, string path, bool failsThroughTask)
        {
            var (model, compilation) = Model();
            var wrapper = model.Wrappers.Of(Method(compilation, type, method), null, CancellationToken.None);
            Assert.NotNull(wrapper);
            Assert.Equal(path, wrapper!.Path);
            Assert.Equal(SmtpLibrary.SystemNetMail, wrapper.Library);
            Assert.Equal(failsThroughTask, wrapper.FailsThroughTask);
        }

        [Theory]
        [InlineData("Mailer", "EventBased")]
        [InlineData("Mailer", "Swallows")]
        [InlineData("Mailer", "InLambdaOnly")]
        [InlineData("Mailer", "DiscardsTaskRun")]
        [InlineData("Mailer", "Virtual")]
        [InlineData("Mailer", "CallsVirtual")]
        [InlineData("Mailer", "Ping")]
        [InlineData("Callers", "Deep0")]
        [InlineData("Callers", "CallsSwallower")]
        [InlineData("Callers", "OnlyMentions")]
        [InlineData("Callers", "OnlyNameof")]
        public void NotWrappers(string type, string method)
        {
            var (model, compilation) = Model();
            Assert.Null(model.Wrappers.Of(Method(compilation, type, method), null, CancellationToken.None));
        }

        [Fact]
        public void AnswersAreCachedPerCompilation()
        {
            var (model, compilation) = Model();
            var method = Method(compilation, "Callers", "One");
            var first = model.Wrappers.Of(method, null, CancellationToken.None);
            Assert.Same(first, model.Wrappers.Of(method, null, CancellationToken.None));
            Assert.Same(model.Wrappers, model.Wrappers);
        }

        private static (SmtpModel Model, Compilation Compilation) Model()
        {
            var compilation = CSharpCompilation.Create(
                "Wrappers",
                new[] { CSharpSyntaxTree.ParseText(Mailer, path: "Mailer.cs"), CSharpSyntaxTree.ParseText(Callers, path: "Callers.cs") },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return (SmtpModel.Create(compilation), compilation);
        }

        private static IMethodSymbol Method(Compilation compilation, string type, string name)
            => compilation.GetTypeByMetadataName(type)!.GetMembers(name).OfType<IMethodSymbol>().Single();
    }
}
