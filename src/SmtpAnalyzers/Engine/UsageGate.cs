using System;
using System.Threading;
using System.Collections.Generic;
using System.Linq;
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
            var buffer = new char[4096];
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = tree.GetText(cancellationToken);
                if (TextMentionsSmtp(text, buffer))
                {
                    return true;
                }
            }

            return false;
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

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static bool TextMentionsSmtp(Microsoft.CodeAnalysis.Text.SourceText text, char[] buffer)
        {
            // Scan in chunks that overlap by the length of the longest word minus one; jump between the candidate first
            // letters with a vectorized search, since in a project without SMTP code every character of every file is read.
            const int Overlap = 6;
            var length = text.Length;
            var position = 0;
            while (position < length)
            {
                var count = Math.Min(buffer.Length, length - position);
                text.CopyTo(position, buffer, 0, count);
                var i = 0;
                while (i + 3 < count)
                {
                    var skip = MemoryExtensions.IndexOfAny(new ReadOnlySpan<char>(buffer, i, count - i), 'S', 'M');
                    if (skip < 0)
                    {
                        break;
                    }

                    i += skip;
                    if (i + 3 >= count)
                    {
                        break;
                    }

                    var c = buffer[i];
                    if (c == 'S' && buffer[i + 1] == 'm' && buffer[i + 2] == 't' && buffer[i + 3] == 'p')
                    {
                        return true;
                    }

                    if (c == 'M' && i + 6 < count && buffer[i + 1] == 'a' && buffer[i + 2] == 'i' && buffer[i + 3] == 'l'
                        && buffer[i + 4] == 'K' && buffer[i + 5] == 'i' && buffer[i + 6] == 't')
                    {
                        return true;
                    }

                    i++;
                }

                if (position + count >= length)
                {
                    break;
                }

                position += count - Overlap;
            }

            return false;
        }
    }
}
