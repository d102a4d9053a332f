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
    /// <summary>
    /// The one piece of code that writes the helper our fixes insert: a static class <c>SmtpReplyCodes</c> in
    /// the global namespace, one per project, holding documented constants for reply codes the library's enum
    /// has no member for, and the reply-class checks. It is generated from <see cref="ReplyCodeTable"/> and
    /// carries <c>[GeneratedCode("SmtpAnalyzers", ...)]</c>, the marker by which the analyzers skip it.
    /// </summary>
    internal static class ReplyCodesHolder
    {
        public const string TypeName = "SmtpReplyCodes";
        public const string FileName = "SmtpReplyCodes.cs";
        public const string TransientCheck = "IsTransientFailure";
        public const string PermanentCheck = "IsPermanentFailure";
        public const string FailureCheck = "IsFailure";

        private const string FormatVersion = "1";
        private const string SystemNetMailClass = "SystemNetMail";
        private const string MailKitClass = "MailKit";

        /// <summary>The expression that names the constant for <paramref name="info"/> in <paramref name="library"/>.</summary>
        public static ExpressionSyntax ConstantReference(SmtpLibrary library, ReplyCodeInfo info)
            => SyntaxFactory.ParseExpression($"{TypeName}.{NestedClass(library)}.{info.ConstantName}");

        /// <summary>
        /// Whether the fixes may use the holder in <paramref name="compilation"/>: false when the project has a type
        /// of that name that we did not generate.
        /// </summary>
        public static bool CanUse(Compilation compilation)
        {
            var existing = compilation.GlobalNamespace.GetTypeMembers(TypeName);
            if (existing.Length == 0)
            {
                return true;
            }

            var model = SmtpModel.Create(compilation);
            return existing.Length == 1 && existing[0].Locations.All(l => l.IsInSource) && model.IsInGeneratedHelper(existing[0]);
        }

        /// <summary>Adds the holder to the project, or extends the existing one, so that it satisfies <paramref name="needs"/>.</summary>
        public static async Task<Solution> EnsureAsync(Solution solution, ProjectId projectId, HolderNeeds needs, CancellationToken cancellationToken)
        {
            if (needs.IsEmpty)
            {
                return solution;
            }

            var project = solution.GetProject(projectId);
            var compilation = project is null ? null : await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (project is null || compilation is null)
            {
                return solution;
            }

            var model = SmtpModel.Create(compilation);
            var existing = compilation.GlobalNamespace.GetTypeMembers(TypeName).FirstOrDefault(t => model.IsInGeneratedHelper(t));
            var constants = new HashSet<(SmtpLibrary Library, int Code)>(needs.Constants);
            var checks = needs.ClassChecks;
            if (existing is not null)
            {
                var before = ReadConstants(existing).ToList();
                var hadChecks = !existing.GetMembers(TransientCheck).IsEmpty;
                if (needs.Constants.All(before.Contains) && (!checks || hadChecks))
                {
                    return solution;
                }

                constants.UnionWith(before);
                checks |= hadChecks;
            }

            var newLine = await NewLineOfAsync(project, cancellationToken).ConfigureAwait(false);
            var fileText = Generate(model, constants, checks, newLine);

            var declaration = existing?.DeclaringSyntaxReferences.FirstOrDefault();
            if (declaration is null)
            {
                var documentId = DocumentId.CreateNewId(projectId, FileName);
                return solution.AddDocument(documentId, FileName, SourceText.From(fileText, Encoding.UTF8));
            }

            var document = solution.GetDocument(declaration.SyntaxTree);
            var root = await declaration.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            if (document is null || root is not CompilationUnitSyntax unit)
            {
                return solution;
            }

            var oldClass = await declaration.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            if (unit.Members.Count == 1 && unit.Members[0] == oldClass && unit.Usings.Count == 0)
            {
                // Our own file: write it anew.
                return solution.WithDocumentText(document.Id, SourceText.From(fileText, Encoding.UTF8));
            }

            var newClass = SyntaxFactory.ParseCompilationUnit(fileText).Members[0];
            return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(oldClass, newClass));
        }

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

        private static async Task<string> NewLineOfAsync(Project project, CancellationToken cancellationToken)
        {
            var document = project.Documents.FirstOrDefault();
            if (document is null)
            {
                return "\n";
            }

            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return text.Lines.Count > 1 && text.Lines[0].EndIncludingLineBreak - text.Lines[0].End == 2 ? "\r\n" : "\n";
        }
    }
}
