using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Catches;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Semantics;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.Tests.Catches
{
    /// <summary>
    /// The one definition of what a catch does with the exception it caught, which every failure-path rule reads: rethrown,
    /// handed on, flattened to text, inspected, or swallowed.
    /// </summary>
    public class CatchClauseFactsTests
    {
        [Theory]
        [InlineData("", false, false, false, false)]
        [InlineData("Console.WriteLine(ex);", false, false, false, false)]
        [InlineData("System.Diagnostics.Debug.WriteLine($\"failed: {ex}\");", false, false, false, false)]
        [InlineData("Log(ex.Message + ex.StackTrace);", false, false, false, false)]
        [InlineData("throw new InvalidOperationException(ex.Message);", false, false, false, false)]
        [InlineData("throw;", true, false, false, false)]
        [InlineData("throw ex;", true, false, false, false)]
        [InlineData("throw new InvalidOperationException(\"failed\", ex);", false, true, false, false)]
        [InlineData("Log(ex);", false, true, false, false)]
        [InlineData("_last = ex;", false, true, false, false)]
        [InlineData("var all = new Exception[] { ex };", false, true, false, false)]
        [InlineData("if (ex.InnerException is System.IO.IOException) { }", false, false, true, false)]
        [InlineData("Log(ex.StatusCode.ToString());", false, false, true, true)]
        [InlineData("Action later = () => Log(ex); later();", false, true, false, false)]
        public void ClassifiesWhatTheClauseDoesWithTheException(string handler, bool rethrows, bool handsOn, bool inspects, bool readsReply)
        {
            var (clause, model) = Catch(handler);
            var facts = CatchClauseFacts.Of(clause, model);
            Assert.Equal(
                (rethrows, handsOn, inspects, readsReply),
                (facts.Rethrows, facts.HandsOn, facts.Inspects, facts.ReadsReply));
            Assert.Equal(rethrows || handsOn, facts.KeepsFailure);
        }

        /// <summary>
        /// The verdict the failure-path rules once disagreed on: the plural recipients exception written to the console is
        /// flattened (SMTP2001: the reply is lost) and its per-recipient replies are never read (SMTP2003), so both report it.
        /// </summary>
        [Fact]
        public Task PluralRecipientsExceptionWrittenToTheConsole_IsFlattenedForEveryRule()
            => AnalyzerVerifier<FailurePathAnalyzer>.VerifyAsync(
                """
                using System;
                using System.Net.Mail;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                        }
                        {|SMTP2001:catch ({|SMTP2003:SmtpFailedRecipientsException|} ex)|}
                        {
                            Console.WriteLine(ex);
                        }
                        catch (SmtpFailedRecipientException)
                        {
                            throw;
                        }
                    }
                }
                """);

        /// <summary>Handed to a logger, the same exception is kept for both rules.</summary>
        [Fact]
        public Task PluralRecipientsExceptionHandedToALogger_IsKeptForEveryRule()
            => AnalyzerVerifier<FailurePathAnalyzer>.VerifyAsync(
                """
                using System;
                using System.Net.Mail;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message, Action<Exception> log)
                    {
                        try
                        {
                            client.Send(message);
                        }
                        catch (SmtpFailedRecipientsException ex)
                        {
                            log(ex);
                        }
                        catch (SmtpFailedRecipientException)
                        {
                            throw;
                        }
                    }
                }
                """);

        private static (ICatchClauseOperation Clause, SmtpModel Model) Catch(string handler)
        {
            var source = $$"""
                using System;
                using System.Net.Mail;

                class Sender
                {
                    Exception _last;

                    void Log(object value) { }

                    void Send(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                        }
                        catch (SmtpException ex)
                        {
                            {{handler}}
                        }
                    }
                }
                """;
            var tree = CSharpSyntaxTree.ParseText(source);
            var compilation = CSharpCompilation.Create("Facts", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var syntax = tree.GetRoot().DescendantNodes().OfType<CatchClauseSyntax>().Single();
            var clause = (ICatchClauseOperation)compilation.GetSemanticModel(tree).GetOperation(syntax)!;
            var model = SmtpModel.TryCreate(compilation, default)!;
            Assert.NotNull(model);
            return (clause, model);
        }
    }

#pragma warning disable RS1001 // A test instrument: no host loads it.
    /// <summary>The failure-path rules that read catch clauses, in one engine, to check that they agree.</summary>
    public sealed class FailurePathAnalyzer : SmtpEngine
    {
        public FailurePathAnalyzer()
            : base(RuleIds.FailureSwallowed, RuleIds.PermanentFailureRetried, RuleIds.PartialRecipientFailure)
        {
        }
    }
#pragma warning restore RS1001
}
