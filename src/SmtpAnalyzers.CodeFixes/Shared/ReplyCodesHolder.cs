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
    internal static partial class ReplyCodesHolder
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

        /// <summary>
        /// Whether the fixes may use the holder in <paramref name="document"/>'s project: <see cref="CanUse(Compilation)"/>,
        /// and, where the workspace does not take new documents (<see cref="AddsDocuments"/>), a holder exists already or
        /// an existing document can take it (<see cref="CanHost"/>).
        /// </summary>
        public static async Task<bool> CanUseAsync(Document document, Compilation compilation, CancellationToken cancellationToken)
        {
            if (!CanUse(compilation))
            {
                return false;
            }

            if (AddsDocuments(document.Project.Solution.Workspace) || !compilation.GlobalNamespace.GetTypeMembers(TypeName).IsEmpty)
            {
                return true;
            }

            return await FindHostAsync(document.Project, new[] { document.Id }, cancellationToken).ConfigureAwait(false) is not null;
        }

        /// <summary>
        /// Whether the holder goes into a document of its own (<see cref="FileName"/>). Not in the MSBuild workspace, the
        /// host of <c>dotnet format</c>: applying an added document there also writes <c>&lt;Compile Include=... /&gt;</c>
        /// into the project file (dotnet/roslyn#36781), which an SDK-style project already compiles by its default glob,
        /// so the next build fails with NETSDK1022. There the holder is appended to an existing document instead
        /// (<see cref="CanHost"/>), and the project file is left alone. Everywhere else (Visual Studio and other IDEs,
        /// which add the file to the project as the project system wants) it gets a file of its own.
        /// </summary>
        public static bool AddsDocuments(Workspace? workspace) => workspace?.Kind != WorkspaceKind.MSBuild;

        /// <summary>
        /// Whether the holder, a type in the global namespace, can be appended to <paramref name="document"/>: a C# file of
        /// the user's (in the project's folder, not under obj/ or bin/, not generated) with no file-scoped namespace (after
        /// which every type belongs to that namespace) and no preprocessor directive at its end (which the holder would land
        /// inside).
        /// </summary>
        internal static bool CanHost(Document document, CompilationUnitSyntax root)
        {
            var path = document.FilePath;
            var projectFolder = document.Project.FilePath is { } projectPath ? System.IO.Path.GetDirectoryName(projectPath) : null;
            if (path is not null && projectFolder is not null)
            {
                var separators = new[] { '/', '\\' };
                if (!path.StartsWith(projectFolder, System.StringComparison.OrdinalIgnoreCase)
                    || path.Length <= projectFolder.Length
                    || (path[projectFolder.Length] is not ('/' or '\\') && projectFolder[projectFolder.Length - 1] is not ('/' or '\\')))
                {
                    return false;
                }

                var relative = path.Substring(projectFolder.Length).TrimStart(separators);
                var firstFolder = relative.Split(separators)[0];
                if (relative.IndexOfAny(separators) >= 0
                    && (string.Equals(firstFolder, "obj", System.StringComparison.OrdinalIgnoreCase) || string.Equals(firstFolder, "bin", System.StringComparison.OrdinalIgnoreCase)))
                {
                    return false;
                }
            }

            var name = document.Name;
            if (name.EndsWith(".g.cs", System.StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".g.i.cs", System.StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".designer.cs", System.StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".generated.cs", System.StringComparison.OrdinalIgnoreCase)
                || !name.EndsWith(".cs", System.StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (root.GetLeadingTrivia().Any(t => t.ToString().IndexOf("<auto-generated", System.StringComparison.OrdinalIgnoreCase) >= 0)
                || root.Members.Any(m => m is FileScopedNamespaceDeclarationSyntax)
                || root.EndOfFileToken.LeadingTrivia.Any(t => t.IsDirective)
                || root.ContainsDiagnostics)
            {
                return false;
            }

            return true;
        }

        /// <summary>The document the holder is appended to where the workspace takes no new document: the first of <paramref name="preferred"/> that can host it, else the first of the project's.</summary>
        private static async Task<Document?> FindHostAsync(Project project, IEnumerable<DocumentId> preferred, CancellationToken cancellationToken)
        {
            var candidates = preferred.Select(project.GetDocument).Where(d => d is not null).Select(d => d!)
                .Concat(project.Documents.OrderBy(d => d.FilePath ?? d.Name, System.StringComparer.Ordinal));
            foreach (var candidate in candidates)
            {
                if (await candidate.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax root && CanHost(candidate, root))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>Adds the holder to the project, or extends the existing one, so that it satisfies <paramref name="needs"/>.</summary>
        public static Task<Solution> EnsureAsync(Solution solution, ProjectId projectId, HolderNeeds needs, CancellationToken cancellationToken)
            => EnsureAsync(solution, projectId, needs, System.Array.Empty<DocumentId>(), cancellationToken);

        /// <summary>
        /// Adds the holder to the project, or extends the existing one wherever it is, so that it satisfies
        /// <paramref name="needs"/>. Where the workspace takes no new document, a new holder is appended to the first of
        /// <paramref name="preferred"/> (the documents just fixed) that can host it, else to another document of the project.
        /// </summary>
        public static async Task<Solution> EnsureAsync(Solution solution, ProjectId projectId, HolderNeeds needs, IEnumerable<DocumentId> preferred, CancellationToken cancellationToken)
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
                if (!AddsDocuments(solution.Workspace))
                {
                    return await AppendAsync(solution, project, preferred, model, constants, checks, cancellationToken).ConfigureAwait(false);
                }

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

            // The holder shares a file with other code (appended by a fix in the MSBuild workspace, or moved there by the
            // user): replace only the class, keeping what precedes it (the blank line and header before it).
            var newClass = SyntaxFactory.ParseCompilationUnit(fileText).Members[0].WithLeadingTrivia(oldClass.GetLeadingTrivia());
            return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(oldClass, newClass));
        }

        /// <summary>Appends a new holder to an existing document of <paramref name="project"/>, after a blank line.</summary>
        private static async Task<Solution> AppendAsync(
            Solution solution,
            Project project,
            IEnumerable<DocumentId> preferred,
            SmtpModel model,
            IEnumerable<(SmtpLibrary Library, int Code)> constants,
            bool checks,
            CancellationToken cancellationToken)
        {
            var host = await FindHostAsync(project, preferred, cancellationToken).ConfigureAwait(false);
            if (host is null)
            {
                // CanUseAsync offers no fix that needs the holder in such a project; nothing to do.
                return solution;
            }

            // Edited as syntax, not text: the fixes just made in this document carry simplifier annotations that a
            // reparse would drop (a type name would stay fully qualified).
            var text = await host.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var root = (CompilationUnitSyntax)(await host.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var newLine = text.Lines.Count > 1 && text.Lines[0].EndIncludingLineBreak - text.Lines[0].End == 2 ? "\r\n" : "\n";
            var content = text.ToString();
            var separator = content.Length == 0 ? string.Empty : content.EndsWith("\n", System.StringComparison.Ordinal) ? newLine : newLine + newLine;
            var holder = SyntaxFactory.ParseCompilationUnit(Generate(model, constants, checks, newLine)).Members[0];

            // What trails the last member (comments at the end of the file) stays before the holder, as in the text.
            var leading = root.EndOfFileToken.LeadingTrivia.AddRange(SyntaxFactory.ParseLeadingTrivia(separator)).AddRange(holder.GetLeadingTrivia());
            var newRoot = root
                .WithEndOfFileToken(root.EndOfFileToken.WithLeadingTrivia())
                .AddMembers(holder.WithLeadingTrivia(leading));
            return solution.WithDocumentSyntaxRoot(host.Id, newRoot);
        }

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
