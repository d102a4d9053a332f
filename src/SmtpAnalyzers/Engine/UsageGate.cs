using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Engine
{
    /// <summary>The package's usage gate: nothing is registered for a compilation that does not pass it.</summary>
    internal static class UsageGate
    {
        /// <summary>
        /// Whether any source file contains "Smtp" or "MailKit". Every SMTP type and member the rules look at
        /// is spelled with one of them, so a compilation with neither cannot use them in a way we report.
        /// </summary>
        public static bool SourceMentionsSmtp(Compilation compilation, CancellationToken cancellationToken)
        {
            var buffer = new char[ChunkSize];
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Mentions(tree.GetText(cancellationToken), buffer))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The size of the buffer <see cref="Mentions"/> and <see cref="FindMentions"/> read a large file's text into.</summary>
        public const int ChunkSize = 8192;

        /// <summary>Chunks overlap by the length of the longer name minus one: a name cut by a chunk's end is whole in the next.</summary>
        private const int Overlap = 6;

        /// <summary>
        /// Whether "Smtp" or "MailKit" is in <paramref name="text"/>, inside a word or not; stops at the first. A small
        /// file's text is one string and is searched in place; a large file's is read in chunks into
        /// <paramref name="buffer"/>. In a project without SMTP code every character of every file is read here.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static bool Mentions(SourceText text, char[] buffer)
        {
            if (WordSet.WholeString(text) is { } whole)
            {
                return whole.IndexOf("Smtp", StringComparison.Ordinal) >= 0 || whole.IndexOf("MailKit", StringComparison.Ordinal) >= 0;
            }

            for (var start = 0; start < text.Length; start += ChunkSize - Overlap)
            {
                var chunk = Chunk(text, start, buffer);
                if (MemoryExtensions.IndexOf(chunk, "Smtp".AsSpan()) >= 0 || MemoryExtensions.IndexOf(chunk, "MailKit".AsSpan()) >= 0)
                {
                    return true;
                }

                if (start + chunk.Length >= text.Length)
                {
                    break;
                }
            }

            return false;
        }

        /// <summary>Adds to <paramref name="positions"/> the start of every "Smtp" and "MailKit" in <paramref name="text"/>, unsorted.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static void FindMentions(SourceText text, char[] buffer, List<int> positions)
        {
            if (WordSet.WholeString(text) is { } whole)
            {
                FindAll(whole.AsSpan(), 0, "Smtp", positions);
                FindAll(whole.AsSpan(), 0, "MailKit", positions);
                return;
            }

            for (var start = 0; start < text.Length; start += ChunkSize - Overlap)
            {
                var chunk = Chunk(text, start, buffer);
                FindAll(chunk, start, "Smtp", positions);
                FindAll(chunk, start, "MailKit", positions);
                if (start + chunk.Length >= text.Length)
                {
                    break;
                }
            }
        }

        private static ReadOnlySpan<char> Chunk(SourceText text, int start, char[] buffer)
        {
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            return new ReadOnlySpan<char>(buffer, 0, count);
        }

        private static void FindAll(ReadOnlySpan<char> chunk, int offset, string name, List<int> positions)
        {
            var at = 0;
            while (true)
            {
                var found = MemoryExtensions.IndexOf(chunk.Slice(at), name.AsSpan());
                if (found < 0)
                {
                    return;
                }

                // A name inside the overlap was found at the end of the chunk before.
                var position = offset + at + found;
                if (at + found >= Overlap || offset == 0 || !positions.Contains(position))
                {
                    positions.Add(position);
                }

                at += found + 1;
            }
        }

        /// <summary>
        /// Whether a reference passed to the compilation, or the compilation itself, has the name of an assembly that holds
        /// System.Net.Mail (System.Net.Mail on .NET, System on .NET Framework, netstandard on .NET Standard 2.0) or
        /// MailKit. Names only: no reference is bound. False means only that the types must be looked up to know.
        /// </summary>
        public static bool MayReferenceALibrary(Compilation compilation)
        {
            var name = compilation.AssemblyName;
            if (name is not null && IsLibraryAssemblyName(name, 0, name.Length))
            {
                return true;
            }

            foreach (var reference in compilation.ExternalReferences)
            {
                switch (reference)
                {
                    case PortableExecutableReference { FilePath: { } path } when IsLibraryFile(path):
                    case CompilationReference { Compilation.AssemblyName: { } project } when IsLibraryAssemblyName(project, 0, project.Length):
                        return true;
                }
            }

            return false;
        }

        /// <summary>The file name of <paramref name="path"/> without its extension, compared in place (one string per reference would be made at every compilation start).</summary>
        private static bool IsLibraryFile(string path)
        {
            var end = path.LastIndexOf('.');
            var start = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1;
            return end > start && IsLibraryAssemblyName(path, start, end - start);
        }

        private static bool IsLibraryAssemblyName(string text, int start, int length)
            => Is(text, start, length, "System.Net.Mail") || Is(text, start, length, "System") || Is(text, start, length, "netstandard") || Is(text, start, length, "MailKit");

        private static bool Is(string text, int start, int length, string name)
            => length == name.Length && string.Compare(text, start, name, 0, length, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
