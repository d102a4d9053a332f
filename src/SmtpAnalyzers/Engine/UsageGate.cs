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
            if (IsLibraryAssemblyName(compilation.AssemblyName))
            {
                return true;
            }

            foreach (var reference in compilation.ExternalReferences)
            {
                var name = reference switch
                {
                    PortableExecutableReference file => System.IO.Path.GetFileNameWithoutExtension(file.FilePath ?? file.Display),
                    CompilationReference project => project.Compilation.AssemblyName,
                    _ => null,
                };
                if (IsLibraryAssemblyName(name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsLibraryAssemblyName(string? name)
            => string.Equals(name, "System.Net.Mail", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "System", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "netstandard", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "MailKit", StringComparison.OrdinalIgnoreCase);

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
