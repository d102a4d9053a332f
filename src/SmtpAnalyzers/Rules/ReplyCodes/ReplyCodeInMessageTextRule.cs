using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.ReplyCodes
{
    /// <summary>
    /// SMTP1004: a reply code or an enhanced status code searched for in the text of an SMTP exception
    /// (<c>ex.Message.Contains("550")</c>, <c>ex.ToString().IndexOf("5.1.1")</c>, <c>Regex.IsMatch(text, "5\.7\.57")</c>).
    /// </summary>
    internal sealed class ReplyCodeInMessageTextRule : SmtpRule
    {
        /// <summary>Diagnostic property: the library of the exception ("SystemNetMail" or "MailKit").</summary>
        public const string LibraryProperty = "Library";

        /// <summary>Diagnostic property: the code as found ("550" or "5.1.1").</summary>
        public const string CodeProperty = "Code";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.ReplyCodeInMessageText,
            Descriptors.EnhancedCodeInMessageText,
            Descriptors.CodeInProtocolExceptionText);

        public override void Start(RuleStart start)
        {
            var model = start.Model;
            start.OnComparisonWithConstant((c, _) => Analyze(c, model));
            start.OnInvocation((c, _) => Analyze(c, model), CodeTextSearch.SearchMethodNames);
        }

        private static void Analyze(OperationAnalysisContext context, SmtpModel model)
        {
            if (!CodeTextSearch.TryFind(context.Operation, model, out var search)
                || search.Text.BuiltInCode
                || model.IsInGeneratedHelper(context.ContainingSymbol))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(LibraryProperty, SmtpLibraries.Name(search.Text.Library))
                .Add(CodeProperty, search.Code.Text);
            var location = search.CodeValue.Syntax.GetLocation();
            var text = search.Text;
            var code = search.Code;

            Diagnostic diagnostic;
            if (text.Kind == SmtpExceptionKind.Protocol)
            {
                var quoted = code.IsEnhanced ? $"the enhanced status code \"{code.Text}\"" : $"\"{code.Text}\"";
                diagnostic = Diagnostic.Create(Descriptors.CodeInProtocolExceptionText, location, properties, quoted);
            }
            else if (code.IsEnhanced)
            {
                diagnostic = Diagnostic.Create(Descriptors.EnhancedCodeInMessageText, location, properties, code.Text);
            }
            else
            {
                var name = SimpleName(text.Exception);
                var caughtAll = !model.IsSmtpException(text.Exception.Type, out _, out _);
                var statusCode = caughtAll
                    ? "the StatusCode of a caught " + (text.Library == SmtpLibrary.MailKit ? "SmtpCommandException" : "SmtpException")
                    : text.Kind == SmtpExceptionKind.FailedRecipients
                    ? "the StatusCode of each of " + (name is null ? "the exception's InnerExceptions" : name + ".InnerExceptions")
                    : name is null ? "the exception's StatusCode" : name + ".StatusCode";
                diagnostic = Diagnostic.Create(Descriptors.ReplyCodeInMessageText, location, properties, statusCode, Target(code.ReplyCode, text.Library), code.Text);
            }

            context.ReportDiagnostic(diagnostic);
        }

        /// <summary>The named member of the library's enum for <paramref name="code"/>, or a named constant when it has none.</summary>
        private static string Target(int code, SmtpLibrary library)
        {
            if (ReplyCodeTable.TryGet(code, out var info) && info.MemberOf(library) is { } member)
            {
                return "SmtpStatusCode." + member;
            }

            var enumName = library == SmtpLibrary.MailKit ? "MailKit's SmtpStatusCode" : "System.Net.Mail's SmtpStatusCode";
            return $"a named constant for {code.ToString(CultureInfo.InvariantCulture)} ({enumName} has no member for it)";
        }

        private static string? SimpleName(IOperation exception) => exception switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };
    }
}
