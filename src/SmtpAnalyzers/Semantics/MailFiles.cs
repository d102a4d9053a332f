using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Semantics
{
    /// <summary>The per-file gate of the compilation.</summary>
    internal sealed partial class SmtpModel
    {
        private MailFiles? _files;

        /// <summary>The files whose operations can lead to a finding (<see cref="MailFiles"/>), found once per compilation.</summary>
        public MailFiles Files(CancellationToken cancellationToken)
            => Volatile.Read(ref _files) ?? Engine.Once.Publish(ref _files, MailFiles.Build(Compilation, Wrappers.SendAndWrapperNames(cancellationToken), cancellationToken));
    }

    /// <summary>
    /// The per-file gate: the files of a compilation in which an operation can lead to a finding. Every finding starts at
    /// an operation that holds a value of an SMTP library type (a client, an exception, a status code, a setting of
    /// ServicePointManager), or a call to a send or to a send wrapper. Such an operation is written in a file that names
    /// one of them, or that names a member or type of this compilation whose declared type, parameters or base types name
    /// one: a value crosses from one file to another only through a declaration, and every declaration's type is
    /// written out (C# infers the type of locals and lambda parameters only, both inside one file). So a file qualifies
    /// when its text holds:
    /// <list type="bullet">
    /// <item>"Smtp" or "MailKit" anywhere (every type of both libraries holds one, or is imported by a using that
    /// does, or is one of <see cref="LibraryTypeNames"/>, searched for when a global using imports MailKit), or
    /// ServicePointManager;</item>
    /// <item>the name of a send or of a method that may reach one (<see cref="SendWrappers"/>'s reach index);</item>
    /// <item>the name of a source declaration whose signature names any of these: a field, property or event of such a
    /// type, a method that returns one or takes it as an out, ref or lambda-typing parameter, a delegate, a type that
    /// derives from one or whose primary constructor takes one, a global alias; followed until no new name is
    /// found. A member's name takes the files that write it; only a type's name is looked for in signatures, since a
    /// signature names types, never members.</item>
    /// </list>
    /// A global <c>using static</c> of a library type makes every file qualify (its members are named bare). Found from
    /// the text once per compilation, before any operation is read. The operations of every other file are not
    /// analyzed: in a project where a few files send mail, most operations then cost one lookup. When the files that name
    /// no library, send or wrapper hold less than a twentieth of the text, every file qualifies without following names.
    /// <para>
    /// Not followed: members of referenced assemblies other than the two libraries that return their types (another
    /// project's <c>Mailer.Client</c>), as the usage gate does not follow them either.
    /// </para>
    /// </summary>
    internal sealed partial class MailFiles
    {
        /// <summary>
        /// The library types the rules bind to whose names hold neither "Smtp" nor "MailKit". <c>MailFilesTests</c> checks
        /// the list against the types the rules resolve.
        /// </summary>
        internal static readonly string[] LibraryTypeNames =
        {
            "AuthenticationException",
            "CommandException",
            "IMailService",
            "IMailTransport",
            "MailService",
            "MailTransport",
            "ProtocolException",
            "SecureSocketOptions",
            "ServiceNotAuthenticatedException",
        };

        /// <summary>
        /// In System.Net, which many files import for other types: its name is searched for in every file. The MailKit
        /// names of <see cref="LibraryTypeNames"/> only when a global using imports a MailKit namespace; otherwise a file
        /// that names one of them bare imports it itself, and the import holds "MailKit".
        /// </summary>
        internal const string ServicePointManager = "ServicePointManager";

        /// <summary>Rounds of following names before every file is taken instead: a chain of declarations this long is not code a person writes.</summary>
        private const int MaxRounds = 16;

        /// <summary>The gate follows names only when the files the first pass leaves hold at least 1/this of the text.</summary>
        private const int MinShareLeft = 20;

        /// <summary>The files that qualify; null when every file does.</summary>
        private readonly HashSet<SyntaxTree>? _files;

        /// <summary>Every file of the compilation.</summary>
        public static readonly MailFiles Every = new MailFiles(null);

        private MailFiles(HashSet<SyntaxTree>? files)
        {
            _files = files;
        }

        /// <summary>The files that qualify, for tests; null when every file does.</summary>
        internal IReadOnlyCollection<SyntaxTree>? Files => _files;

        /// <summary>
        /// Whether operations of <paramref name="tree"/> can lead to a finding; asked first for every operation. One set
        /// lookup: a per-thread copy of the last answer would keep the last compilation's trees alive on every thread of
        /// a long-lived host.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public bool Holds(SyntaxTree? tree) => _files is null || tree is null || _files.Contains(tree);

        /// <summary>Finds the files of <paramref name="compilation"/> that qualify; <paramref name="sendNames"/> are the send and wrapper names of the reach index.</summary>
        public static MailFiles Build(Compilation compilation, IEnumerable<string> sendNames, CancellationToken cancellationToken)
        {
            var builder = new Builder();
            var first = new List<string> { ServicePointManager };
            first.AddRange(sendNames);
            foreach (var name in first)
            {
                builder.Known.Add(name);
            }

            builder.KnownTypes.Add(ServicePointManager);

            // The first round in two passes: which files mention a library, a send or a wrapper at all (each file's scan
            // stops at its first hit), and only then, in those files, the hits that name a type and the declarations
            // they name. Where every file qualifies (a library's own source, a project of mail code), that is the end
            // of it. A send's or a wrapper's name is a method's: it names nothing in a signature, and is not followed.
            var words = new WordSet(first);
            var count = 0;
            long length = 0;
            long left = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                count++;
                var text = tree.GetText(cancellationToken);
                length += text.Length;
                if (Engine.UsageGate.Mentions(text, builder.Buffer) || words.ContainsAny(text, new TextSpan(0, text.Length)))
                {
                    builder.Taken.Add(tree);
                }
                else
                {
                    left += text.Length;
                }
            }

            // Where the files left hold less than a twentieth of the text (a library's own source, whose files all name
            // it but its generated assembly attributes), skipping their operations saves less than following the names
            // of the taken files costs: on MailKit's source, 2 of 229 files, 5-8 ms of following against nothing.
            if (builder.Taken.Count == count || left * MinShareLeft < length)
            {
                return Every;
            }

            var types = new WordSet(new[] { ServicePointManager });
            foreach (var tree in builder.Taken)
            {
                var text = tree.GetText(cancellationToken);
                builder.Positions.Clear();
                Engine.UsageGate.FindMentions(text, builder.Buffer, builder.Positions);
                types.FindAll(text, new TextSpan(0, text.Length), builder.Positions);
                builder.Positions.Sort();
                builder.FollowDeclarations(tree.GetRoot(cancellationToken));
                if (builder.EveryFile)
                {
                    return Every;
                }
            }

            // Each next round searches for the names the last one found: a type's name in every file, its hits followed; a
            // member's name only in the files not taken yet, which it takes. A file taken already is searched for types
            // only: most names a round finds are members', and in a project where most files are taken, a member's name
            // (Connect, Stream) is written in most of them.
            var files = new HashSet<SyntaxTree>(builder.Taken);
            for (var round = 1; builder.NewTypes.Count > 0 || builder.NewMembers.Count > 0; round++)
            {
                if (round > MaxRounds)
                {
                    return Every;
                }

                var typeWords = builder.NewTypes.Count > 0 ? new WordSet(builder.NewTypes) : null;
                var memberWords = builder.NewMembers.Count > 0 ? new WordSet(builder.NewMembers) : null;
                builder.NewTypes = new List<string>();
                builder.NewMembers = new List<string>();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var text = tree.GetText(cancellationToken);
                    var all = new TextSpan(0, text.Length);
                    builder.Positions.Clear();
                    typeWords?.FindAll(text, all, builder.Positions);
                    if (builder.Positions.Count > 0 || (memberWords is not null && !files.Contains(tree) && memberWords.ContainsAny(text, all)))
                    {
                        files.Add(tree);
                    }

                    if (builder.Positions.Count == 0)
                    {
                        continue;
                    }

                    builder.FollowDeclarations(tree.GetRoot(cancellationToken));
                    if (builder.EveryFile)
                    {
                        return Every;
                    }
                }

                if (files.Count == count)
                {
                    return Every;
                }
            }

            return new MailFiles(files);
        }
    }
}
