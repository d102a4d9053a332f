using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers
{
    /// <summary>The holder's text, generated from the reply-code table.</summary>
    internal static partial class ReplyCodesHolder
    {
        /// <summary>The text of the holder file.</summary>
        internal static string Generate(SmtpModel model, IEnumerable<(SmtpLibrary Library, int Code)> constants, bool classChecks, string newLine)
        {
            var text = new StringBuilder();
            void Line(string line = "") => text.Append(line).Append(newLine);

            Line("// Added by SmtpAnalyzers code fixes, which extend this class when they need another reply code or check.");
            Line("// SmtpAnalyzers does not report the numbers in it. Edit it as you like; a fix that needs more rewrites it.");
            Line();
            Line("/// <summary>");
            Line("/// SMTP reply codes that the SmtpStatusCode enums have no member for, and reply-class checks.");
            Line("/// </summary>");
            Line("/// <remarks>");
            Line("/// RFC 5321 §4.2.1: the first digit of a reply code decides its class. 4yz is a transient negative completion:");
            Line("/// the same request may succeed later, so retry it with backoff. 5yz is a permanent negative completion: do not");
            Line("/// repeat the same request unchanged. A client treats a code it does not know by its first digit.");
            Line("/// </remarks>");
            Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{SmtpModel.GeneratedCodeToolName}\", \"{FormatVersion}\")]");
            Line($"internal static class {TypeName}");
            Line("{");

            var first = true;
            void Separate()
            {
                if (!first)
                {
                    Line();
                }

                first = false;
            }

            foreach (var library in new[] { SmtpLibrary.SystemNetMail, SmtpLibrary.MailKit })
            {
                var enumType = model.StatusCodeEnum(library);
                var codes = constants.Where(c => c.Library == library).Select(c => c.Code).Distinct().OrderBy(c => c).ToList();
                if (enumType is null || codes.Count == 0)
                {
                    continue;
                }

                var enumName = enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                Separate();
                Line($"    /// <summary>Reply codes that <see cref=\"{enumName}\"/> has no member for.</summary>");
                Line($"    internal static class {NestedClass(library)}");
                Line("    {");
                var firstConstant = true;
                foreach (var code in codes)
                {
                    if (!ReplyCodeTable.TryGet(code, out var info))
                    {
                        continue;
                    }

                    if (!firstConstant)
                    {
                        Line();
                    }

                    firstConstant = false;
                    Line($"        /// <summary>{code}: {info.Meaning} ({info.Reference}). {ClassWord(info.Class)}: {info.Advice}.</summary>");
                    Line($"        internal const {enumName} {info.ConstantName} = ({enumName}){code.ToString(CultureInfo.InvariantCulture)};");
                }

                Line("    }");
            }

            if (classChecks)
            {
                foreach (var library in new[] { SmtpLibrary.SystemNetMail, SmtpLibrary.MailKit })
                {
                    var enumType = model.StatusCodeEnum(library);
                    if (enumType is null)
                    {
                        continue;
                    }

                    var enumName = enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                    Separate();
                    Line("    /// <summary>Whether the reply is a transient negative completion (4yz): the same request may succeed later, so retry it with backoff (RFC 5321 §4.2.1).</summary>");
                    Line($"    internal static bool {TransientCheck}(this {enumName} code) => {TransientCheck}((int)code);");
                    Line();
                    Line("    /// <summary>Whether the reply is a permanent negative completion (5yz): do not repeat the same request unchanged (RFC 5321 §4.2.1).</summary>");
                    Line($"    internal static bool {PermanentCheck}(this {enumName} code) => {PermanentCheck}((int)code);");
                    Line();
                    Line("    /// <summary>Whether the reply is a negative completion, transient (4yz) or permanent (5yz) (RFC 5321 §4.2.1).</summary>");
                    Line($"    internal static bool {FailureCheck}(this {enumName} code) => {FailureCheck}((int)code);");
                }

                Separate();
                Line("    /// <summary>Whether the reply code is a transient negative completion (4yz), decided by its first digit (RFC 5321 §4.2.1).</summary>");
                Line($"    internal static bool {TransientCheck}(int replyCode) => replyCode >= 400 && replyCode < 500;");
                Line();
                Line("    /// <summary>Whether the reply code is a permanent negative completion (5yz), decided by its first digit (RFC 5321 §4.2.1).</summary>");
                Line($"    internal static bool {PermanentCheck}(int replyCode) => replyCode >= 500 && replyCode < 600;");
                Line();
                Line("    /// <summary>Whether the reply code is a negative completion, transient (4yz) or permanent (5yz) (RFC 5321 §4.2.1).</summary>");
                Line($"    internal static bool {FailureCheck}(int replyCode) => replyCode >= 400 && replyCode < 600;");
            }

            Line("}");
            return text.ToString();
        }

        private static IEnumerable<(SmtpLibrary, int)> ReadConstants(INamedTypeSymbol holder)
        {
            foreach (var nested in holder.GetTypeMembers())
            {
                var library = nested.Name == MailKitClass ? SmtpLibrary.MailKit : nested.Name == SystemNetMailClass ? SmtpLibrary.SystemNetMail : (SmtpLibrary?)null;
                if (library is null)
                {
                    continue;
                }

                foreach (var field in nested.GetMembers().OfType<IFieldSymbol>())
                {
                    if (field.HasConstantValue && field.ConstantValue is int value && ReplyCodeTable.TryGet(value, out _))
                    {
                        yield return (library.Value, value);
                    }
                }
            }
        }

        private static string NestedClass(SmtpLibrary library) => library == SmtpLibrary.MailKit ? MailKitClass : SystemNetMailClass;

        private static string ClassWord(ReplyClass replyClass) => replyClass switch
        {
            ReplyClass.TransientNegative => "Transient",
            ReplyClass.PermanentNegative => "Permanent",
            ReplyClass.PositiveIntermediate => "Intermediate",
            ReplyClass.PositiveCompletion => "Success",
            _ => "Not a reply",
        };
    }
}
