using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Semantics;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.Tests.Semantics
{
    /// <summary>
    /// The SMTP questions every rule asks, answered once in Semantics/: the usage gate, status codes, sends, exception types
    /// and exception text. Each case marks the expression asked about with <c>/*?*/</c> right after it.
    /// </summary>
    public class SmtpModelTests
    {
        [Fact]
        public void UsageGate_NeedsSmtpTextAndAStatusCodeEnum()
        {
            Assert.Null(SmtpModel.TryCreate(Compile("class C { int Http(int status) => status >= 500 ? 1 : 0; }"), CancellationToken.None));
            Assert.NotNull(SmtpModel.TryCreate(Compile("class C { System.Net.Mail.SmtpClient Client; }"), CancellationToken.None));
            Assert.True(UsageGate.SourceMentionsSmtp(Compile("// MailKit only in a comment\nclass C { }"), CancellationToken.None));
        }

        [Fact]
        public void UsageGate_ReferencesNamedLikeALibrary_OpenWithoutATypeLookup()
        {
            // Every test reference set holds System.Net.Mail: the gate opens on the names, and nothing is resolved.
            var withLibraries = Compile("class C { System.Net.Mail.SmtpClient Client; }");
            Assert.True(UsageGate.MayReferenceALibrary(withLibraries));
            Assert.False(SmtpModel.TryCreate(withLibraries, CancellationToken.None)!.IsResolved);

            // The core library alone holds neither library: the enums are looked up, found in neither, and the gate stays shut.
            var coreOnly = CSharpCompilation.Create(
                "Settings",
                new[] { CSharpSyntaxTree.ParseText("class SmtpSettings { public string Host = \"\"; }") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.False(UsageGate.MayReferenceALibrary(coreOnly));
            Assert.True(UsageGate.SourceMentionsSmtp(coreOnly, CancellationToken.None));
            Assert.Null(SmtpModel.TryCreate(coreOnly, CancellationToken.None));

            // MailKit's own source defines the types it references none of.
            Assert.True(UsageGate.MayReferenceALibrary(coreOnly.WithAssemblyName("MailKit")));
        }

        [Theory]
        [InlineData(8188, "Smtp", true)] // the word starts at 8187..8191: across the end of the first 8192-character chunk
        [InlineData(8189, "Smtp", true)]
        [InlineData(8191, "Smtp", true)]
        [InlineData(8186, "MailKit", true)]
        [InlineData(8189, "MailKit", true)]
        [InlineData(8191, "Smt", false)]
        [InlineData(100, "SMTP Mail Kit smtp", false)]
        [InlineData(14, "Smtp", true)]
        public void UsageGate_FindsTheWordsAnywhereInAFile(int start, string word, bool expected)
        {
            // A small file's text is one string, searched in place; any other text is read in chunks.
            var text = "class C { }\n//" + new string('x', start - 14) + word + "\n" + new string('y', 9000);
            Assert.Equal(expected, UsageGate.SourceMentionsSmtp(Compile(text), CancellationToken.None));
            var buffer = new char[UsageGate.ChunkSize];
            Assert.Equal(expected, UsageGate.Mentions(new Operations.WordSetTests.OtherText(text), buffer));

            // Every mention once, at its start, with and without chunks (a word in the overlap of two chunks is seen twice).
            var expectedPositions = expected ? new[] { start } : System.Array.Empty<int>();
            foreach (var source in new SourceText[] { SourceText.From(text), new Operations.WordSetTests.OtherText(text) })
            {
                var positions = new System.Collections.Generic.List<int>();
                UsageGate.FindMentions(source, buffer, positions);
                Assert.Equal(expectedPositions, positions);
            }
        }

        [Theory]
        [InlineData("var code = (int)ex.StatusCode; return code/*?*/ == 550;", true, "SystemNetMail")]
        [InlineData("return (int)ex.StatusCode/*?*/ >= 500;", true, "SystemNetMail")]
        [InlineData("return ex.StatusCode/*?*/ == SmtpStatusCode.MailboxBusy;", true, "SystemNetMail")]
        [InlineData("return (int)command.StatusCode/*?*/ == 535;", true, "MailKit")]
        [InlineData("var code = (int)ex.StatusCode; code = 0; return code/*?*/ == 550;", false, "SystemNetMail")]
        [InlineData("return http.StatusCode/*?*/ == System.Net.HttpStatusCode.OK;", false, "SystemNetMail")]
        [InlineData("return (SmtpStatusCode)550/*?*/ == ex.StatusCode;", false, "SystemNetMail")]
        public void IsStatusCode(string body, bool expected, string expectedLibrary)
        {
            var (operation, model) = Ask(body);
            Assert.Equal(expected, model.IsStatusCode(operation, out var library));
            if (expected)
            {
                Assert.Equal(expectedLibrary, library.ToString());
            }
        }

        [Theory]
        [InlineData("client.Send(message)/*?*/; return true;", "Sync")]
        [InlineData("client.SendMailAsync(message)/*?*/.Wait(); return true;", "Task")]
        [InlineData("client.SendAsync(message, null)/*?*/; return true;", "Event")]
        [InlineData("kit.SendAsync(mime)/*?*/.Wait(); return true;", "Task")]
        [InlineData("kit.Send(mime)/*?*/; return true;", "Sync")]
        [InlineData("ses.SendAsync(message)/*?*/; return true;", "None")]
        public void ClassifySend(string body, string expected)
        {
            var (operation, model) = Ask(body);
            var invocation = Assert.IsAssignableFrom<IInvocationOperation>(operation);
            Assert.Equal(expected, model.ClassifySend(invocation.TargetMethod).ToString());
        }

        [Theory]
        [InlineData("SmtpException", true, "StatusCode")]
        [InlineData("SmtpFailedRecipientException", true, "StatusCode")]
        [InlineData("SmtpFailedRecipientsException", true, "FailedRecipients")]
        [InlineData("MailKit.Net.Smtp.SmtpCommandException", true, "StatusCode")]
        [InlineData("MailKit.Net.Smtp.SmtpProtocolException", true, "Protocol")]
        [InlineData("System.Security.Authentication.AuthenticationException", false, "StatusCode")]
        [InlineData("System.Net.WebException", false, "StatusCode")]
        public void IsSmtpException(string typeName, bool expected, string expectedKind)
        {
            var compilation = Compile("class C { System.Net.Mail.SmtpClient Client; }");
            var model = SmtpModel.TryCreate(compilation, CancellationToken.None)!;
            var type = compilation.GetTypeByMetadataName(typeName.Contains('.') ? typeName : "System.Net.Mail." + typeName);
            Assert.NotNull(type);
            Assert.Equal(expected, model.IsSmtpException(type, out _, out var kind));
            if (expected)
            {
                Assert.Equal(expectedKind, kind.ToString());
            }
        }

        [Theory]
        [InlineData("return ex.Message/*?*/.Contains(\"550\");", true)]
        [InlineData("return ex.ToString()/*?*/.Contains(\"550\");", true)]
        [InlineData("var text = ex.Message.ToLowerInvariant(); return text/*?*/.Contains(\"5.1.1\");", true)]
        [InlineData("return http.ReasonPhrase/*?*/ == \"550\";", false)]
        [InlineData("return other.Message/*?*/.Contains(\"550\");", false)]
        public void IsSmtpExceptionText(string body, bool expected)
        {
            var (operation, model) = Ask(body);
            Assert.Equal(expected, model.IsSmtpExceptionText(operation, out _));
        }

        private static (IOperation Operation, SmtpModel Model) Ask(string body)
        {
            var source = $$"""
                using System;
                using System.Net.Mail;

                interface ISes { System.Threading.Tasks.Task SendAsync(MailMessage message); }

                class C
                {
                    bool M(SmtpException ex, MailKit.Net.Smtp.SmtpCommandException command, SmtpClient client, MailMessage message,
                        MailKit.Net.Smtp.SmtpClient kit, MimeKit.MimeMessage mime, ISes ses, System.Net.Http.HttpResponseMessage http, InvalidOperationException other)
                    {
                        {{body}}
                    }
                }
                """;
            var compilation = Compile(source);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var tree = compilation.SyntaxTrees.Single();
            var marker = tree.GetText().ToString().IndexOf("/*?*/", System.StringComparison.Ordinal);
            var node = tree.GetRoot().FindToken(marker - 1).Parent!;
            while (node.Parent is ExpressionSyntax parent && parent.Span.End == node.Span.End)
            {
                node = parent;
            }

            var operation = compilation.GetSemanticModel(tree).GetOperation(node)!;
            return (operation, SmtpModel.TryCreate(compilation, CancellationToken.None)!);
        }

        private static CSharpCompilation Compile(string source)
            => CSharpCompilation.Create(
                "Semantics",
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
