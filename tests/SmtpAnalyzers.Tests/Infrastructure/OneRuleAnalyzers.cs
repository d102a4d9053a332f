#pragma warning disable RS1001 // One-rule engines are test instruments: no host loads them, so they carry no [DiagnosticAnalyzer].

using SmtpAnalyzers.Engine;

// The package exports one analyzer with every rule (SmtpRulesAnalyzer). Each test runs the engine with one rule, so it
// sees that rule's diagnostics only, under the name the rule's tests have always used.
namespace SmtpAnalyzers.ReplyCodes
{
    public sealed class UseNamedStatusCodeAnalyzer : SmtpEngine
    {
        public UseNamedStatusCodeAnalyzer()
            : base(RuleIds.UseNamedStatusCode)
        {
        }
    }

    public sealed class ReplyClassRangeAnalyzer : SmtpEngine
    {
        public ReplyClassRangeAnalyzer()
            : base(RuleIds.UseReplyClassCheck, RuleIds.WrongClassBoundary)
        {
        }
    }

    public sealed class ReplyCodeInMessageTextAnalyzer : SmtpEngine
    {
        public ReplyCodeInMessageTextAnalyzer()
            : base(RuleIds.ReplyCodeInMessageText)
        {
        }
    }
}

namespace SmtpAnalyzers.Reliability
{
    public sealed class FailureSwallowedAnalyzer : SmtpEngine
    {
        public FailureSwallowedAnalyzer()
            : base(RuleIds.FailureSwallowed)
        {
        }
    }

    public sealed class PermanentFailureRetriedAnalyzer : SmtpEngine
    {
        public PermanentFailureRetriedAnalyzer()
            : base(RuleIds.PermanentFailureRetried)
        {
        }
    }

    public sealed class PartialRecipientFailureAnalyzer : SmtpEngine
    {
        public PartialRecipientFailureAnalyzer()
            : base(RuleIds.PartialRecipientFailure)
        {
        }
    }

    public sealed class SendOutcomeNotObservedAnalyzer : SmtpEngine
    {
        public SendOutcomeNotObservedAnalyzer()
            : base(RuleIds.SendOutcomeNotObserved)
        {
        }
    }

    public sealed class ReplyClassMisclassifiedAnalyzer : SmtpEngine
    {
        public ReplyClassMisclassifiedAnalyzer()
            : base(RuleIds.ReplyClassMisclassified)
        {
        }
    }
}

namespace SmtpAnalyzers.Rules.Security
{
    public sealed class TlsSettingsAnalyzer : SmtpEngine
    {
        public TlsSettingsAnalyzer()
            : base(RuleIds.CertificateValidationDisabled, RuleIds.RevocationCheckDisabled, RuleIds.ObsoleteTlsVersions)
        {
        }
    }

    public sealed class CredentialsTransportAnalyzer : SmtpEngine
    {
        public CredentialsTransportAnalyzer()
            : base(RuleIds.CredentialsWithoutTls, RuleIds.CredentialsOverOpportunisticTls)
        {
        }
    }

    public sealed class HardCodedPasswordAnalyzer : SmtpEngine
    {
        public HardCodedPasswordAnalyzer()
            : base(RuleIds.HardCodedPassword)
        {
        }
    }

    public sealed class ImplicitTlsPortAnalyzer : SmtpEngine
    {
        public ImplicitTlsPortAnalyzer()
            : base(RuleIds.ImplicitTlsPortWithSystemNetMail)
        {
        }
    }
}
