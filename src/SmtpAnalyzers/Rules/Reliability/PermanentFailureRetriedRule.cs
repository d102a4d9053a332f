using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Catches;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2002: a retry that repeats permanent (5yz) SMTP failures. A Polly policy that handles an SMTP failure
    /// type without a predicate and retries (<c>Policy.Handle&lt;SmtpException&gt;().Retry(3)</c>, v8's
    /// <c>ShouldHandle = new PredicateBuilder().Handle&lt;SmtpException&gt;()</c>); a catch around a send that
    /// catches an SMTP failure (or everything) and retries (sends again, continues a retry loop, recurses, counts
    /// an attempt) without a reply-class condition, or with only a deny-list of codes; the call of a generic retry
    /// helper of the project whose catch retries so, given a delegate that sends.
    /// </summary>
    internal sealed partial class PermanentFailureRetriedRule : SmtpRule
    {
        /// <summary>Diagnostic property, set when a fix applies: its value is the fix's shape.</summary>
        public const string FixProperty = "Fix";

        /// <summary><see cref="FixProperty"/> value: give the Polly Handle/Or call the predicate <c>ex =&gt; ex.StatusCode.IsTransientFailure()</c>.</summary>
        public const string PredicateFix = "Predicate";

        /// <summary><see cref="FixProperty"/> value: give the catch the filter <c>when (ex.StatusCode.IsTransientFailure())</c>.</summary>
        public const string FilterFix = "Filter";

        private const int MaxChainLength = 16;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.PermanentFailureRetried);

        private static readonly ImmutableDictionary<string, string?> PredicateFixProperties =
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, PredicateFix);

        private static readonly ImmutableDictionary<string, string?> FilterFixProperties =
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FilterFix);

        /// <summary>What a condition says about the reply.</summary>
        private enum Condition
        {
            /// <summary>It does not read the reply.</summary>
            None,

            /// <summary>It reads the reply other than by excluding codes: an allow-list, a class check, a helper.</summary>
            ReplyClass,

            /// <summary>It only excludes codes (<c>StatusCode != X</c>): every other code, permanent ones included, passes.</summary>
            DenyList,

            /// <summary>It narrows the caught exception to types that carry no reply (connection failures).</summary>
            NoReplyType,

            /// <summary>It only tests codes for equality (<c>StatusCode == X || StatusCode == Y</c>): an allow-list, or a deny-list when it guards an exit.</summary>
            Membership,
        }

        public override void Start(RuleStart start)
        {
            // Symbols are resolved after compilation start: each handler checks the libraries it needs first.
            var model = start.Model;
            start.OnInvocation(
                (c, _) =>
                {
                    if (HasSmtpExceptions(model) && (model.PollyPolicy is not null || model.PollyPredicateBuilderOfT is not null))
                    {
                        AnalyzeInvocation(c, model);
                    }
                },
                "Handle",
                "Or");

            // A try around a send needs a send, so it needs a library.
            start.OnTryAroundSend((c, facts) => AnalyzeTry(c, model, facts));
            var helpers = new RetryHelpers(model);
            start.OnSourceInvocation(
                (c, invocation) =>
                {
                    if (HasSmtpExceptions(model))
                    {
                        AnalyzeHelperCall(c, model, helpers, invocation);
                    }
                });
        }

        private static bool HasSmtpExceptions(SmtpModel model) => model.SmtpException is not null || model.SmtpCommandException is not null;
    }
}
