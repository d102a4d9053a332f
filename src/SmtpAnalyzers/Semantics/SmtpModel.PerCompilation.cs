using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;
using static SmtpAnalyzers.Operations.LocalValues;
using static SmtpAnalyzers.Operations.SymbolRelations;
using System.Threading;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Symbols;

namespace SmtpAnalyzers.Semantics
{
    /// <summary>
    /// The per-compilation SMTP context every rule receives: the resolved symbols (<see cref="Symbols.SmtpSymbols"/>)
    /// and the SMTP questions, one question per file of this folder: StatusCodes, ExceptionTypes, Sends,
    /// ExceptionText, Polly, GeneratedHelper. Built once per compilation, behind the usage gate.
    /// </summary>
    internal sealed partial class SmtpModel : SmtpSymbols
    {
        /// <summary>How far a value is followed through locals and helper parameters.</summary>
        private const int MaxLocalDepth = 4;

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, CachedModel> Cache = new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, CachedModel>();

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, SmtpModel> Ungated = new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, SmtpModel>();

        private SmtpModel(Compilation compilation)
            : base(compilation)
        {
        }

        /// <summary>
        /// The model of <paramref name="compilation"/>, or null, so that the caller registers nothing, when no source file
        /// mentions SMTP (<see cref="UsageGate"/>) or neither library's status-code enum exists. A referenced library is no
        /// sign of use: System.Net.Mail is in every .NET reference set. No symbol is resolved when a reference can hold
        /// one of the libraries (<see cref="UsageGate.MayReferenceALibrary"/>), which is every .NET compilation; only
        /// otherwise (a reduced reference set) are the enums looked up, which builds the merged namespace.
        /// </summary>
        public static SmtpModel? TryCreate(Compilation compilation, CancellationToken cancellationToken)
        {
            // Every analyzer of the package asks at its compilation start: build the model once per compilation.
            if (Cache.TryGetValue(compilation, out var cached))
            {
                return cached.Model;
            }

            var model = Build(compilation, cancellationToken);
            return Cache.GetValue(compilation, _ => new CachedModel(model)).Model;
        }

        private static SmtpModel? Build(Compilation compilation, CancellationToken cancellationToken)
        {
            // The text scan and the references' names bind nothing; a type lookup would (see SmtpSymbols), so it is made
            // only when no reference is named like an assembly that holds one of the libraries.
            if (!UsageGate.SourceMentionsSmtp(compilation, cancellationToken))
            {
                return null;
            }

            if (!UsageGate.MayReferenceALibrary(compilation)
                && compilation.GetTypeByMetadataName("System.Net.Mail.SmtpStatusCode") is null
                && compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpStatusCode") is null)
            {
                return null;
            }

            return new SmtpModel(compilation);
        }

        /// <summary>Whether the gate has run for <paramref name="compilation"/> (its answer is cached); for tests.</summary>
        internal static bool IsCached(Compilation compilation) => Cache.TryGetValue(compilation, out _);

        /// <summary>
        /// The model of <paramref name="compilation"/> without the usage gate, for code fixes, which run only where a rule
        /// reported: the analyzers' instance when they built one, otherwise one built once per compilation.
        /// </summary>
        public static SmtpModel Create(Compilation compilation)
            => Cache.TryGetValue(compilation, out var cached) && cached.Model is { } model
                ? model
                : Ungated.GetValue(compilation, c => new SmtpModel(c));

        private sealed class CachedModel
        {
            public CachedModel(SmtpModel? model) => Model = model;

            public SmtpModel? Model { get; }
        }
    }
}
