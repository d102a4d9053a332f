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
        /// Resolves the SMTP types of <paramref name="compilation"/>. Returns null, so that the caller registers
        /// nothing, when neither library's status-code enum is referenced, or when no source file mentions SMTP
        /// at all (System.Net.Mail is in every modern .NET reference set, so a referenced type alone is no sign
        /// of use).
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
            // The text scan first: it reads only source text, while the first type lookup in a fresh compilation
            // builds the merged namespace of every reference and every source file.
            if (!UsageGate.SourceMentionsSmtp(compilation, cancellationToken))
            {
                return null;
            }

            if (compilation.GetTypeByMetadataName("System.Net.Mail.SmtpStatusCode") is null
                && compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpStatusCode") is null)
            {
                return null;
            }

            return new SmtpModel(compilation);
        }

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
