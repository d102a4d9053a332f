using System.Collections.Immutable;
using SmtpAnalyzers.Reliability;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Rules.Security;

namespace SmtpAnalyzers.Engine
{
    /// <summary>Every rule of the package, in ID order. Rules are stateless: per-compilation state lives in what they subscribe.</summary>
    internal static class RuleCatalog
    {
        public static ImmutableArray<SmtpRule> All { get; } = ImmutableArray.Create<SmtpRule>(
            new UseNamedStatusCodeRule(),
            new ReplyClassRangeRule(),
            new ReplyCodeInMessageTextRule(),
            new FailureSwallowedRule(),
            new PermanentFailureRetriedRule(),
            new PartialRecipientFailureRule(),
            new SendOutcomeNotObservedRule(),
            new ReplyClassMisclassifiedRule(),
            new CredentialsTransportRule(),
            new TlsSettingsRule(),
            new HardCodedPasswordRule(),
            new ImplicitTlsPortRule());

        /// <summary>The rules that report any of <paramref name="ruleIds"/>; all of them when none is given.</summary>
        public static ImmutableArray<SmtpRule> Select(string[] ruleIds)
        {
            if (ruleIds.Length == 0)
            {
                return All;
            }

            var selected = ImmutableArray.CreateBuilder<SmtpRule>();
            foreach (var rule in All)
            {
                foreach (var id in ruleIds)
                {
                    if (rule.Reports(id))
                    {
                        selected.Add(rule);
                        break;
                    }
                }
            }

            return selected.ToImmutable();
        }
    }
}
