using System.Collections.Immutable;
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
    /// SMTP1001: a number that is an SMTP reply code, compared with or matched against a status code, or cast
    /// to an SmtpStatusCode enum.
    /// </summary>
    internal sealed class UseNamedStatusCodeRule : SmtpRule
    {
        /// <summary>Diagnostic property: the library whose enum applies ("SystemNetMail" or "MailKit").</summary>
        public const string LibraryProperty = "Library";

        /// <summary>Diagnostic property: the reply code.</summary>
        public const string CodeProperty = "Code";

        /// <summary>Diagnostic property: how the number is used (a <see cref="MagicCodeUseKind"/> name).</summary>
        public const string UseProperty = "Use";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UseNamedStatusCode);

        public override void Start(RuleStart start)
        {
            var model = start.Model;
            start.OnReplyNumber((in OperationAnalysisContext c, IOperation number, int value) => Analyze(c, model, number, value));
        }

        private static void Analyze(in OperationAnalysisContext context, SmtpModel model, IOperation number, int value)
        {
            if (!MagicCodeUse.TryFind(number, model, out var use)
                || use.Kind == MagicCodeUseKind.RelationalBound
                || !ReplyCodeTable.IsReplyCodeValue(value, use.Library)
                || model.IsInGeneratedHelper(context.ContainingSymbol))
            {
                return;
            }

            var enumName = use.Library == SmtpLibrary.MailKit ? "MailKit's SmtpStatusCode" : "System.Net.Mail's SmtpStatusCode";
            string replacement;
            if (ReplyCodeTable.TryGet(value, out var info))
            {
                var member = info.MemberOf(use.Library);
                replacement = member is not null
                    ? "SmtpStatusCode." + member
                    : $"a named constant ({enumName} has no member for {value}, {info.Meaning})";
            }
            else
            {
                replacement = $"a named constant for reply {value}";
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(LibraryProperty, SmtpLibraries.Name(use.Library))
                .Add(CodeProperty, value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add(UseProperty, MagicCodeUse.Name(use.Kind));

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UseNamedStatusCode, number.Syntax.GetLocation(), properties, replacement, value));
        }
    }
}
