using System.Linq;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.Symbols
{
    /// <summary>
    /// The types and members of both SMTP libraries (and of Polly, for retries) that the rules look at, resolved
    /// once per compilation. <see cref="SmtpAnalyzers.Semantics.SmtpModel"/> adds the SMTP questions on top; the
    /// analyzers and the code fixes share one instance per compilation.
    /// </summary>
    internal abstract class SmtpSymbols
    {
        protected SmtpSymbols(Compilation compilation)
        {
            Compilation = compilation;

            SystemNetMailClient = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
            SmtpException = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpException");
            SmtpFailedRecipientException = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpFailedRecipientException");
            SmtpFailedRecipientsException = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpFailedRecipientsException");
            SystemNetMailStatusCode = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpStatusCode");
            MailMessage = compilation.GetTypeByMetadataName("System.Net.Mail.MailMessage");

            MailKitClient = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpClient");
            MailKitISmtpClient = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.ISmtpClient");
            MailKitIMailTransport = compilation.GetTypeByMetadataName("MailKit.IMailTransport");
            SmtpCommandException = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpCommandException");
            SmtpProtocolException = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpProtocolException");
            MailKitStatusCode = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpStatusCode");
            SmtpErrorCode = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpErrorCode");
            SmtpResponse = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpResponse");
            MailKitCommandException = compilation.GetTypeByMetadataName("MailKit.CommandException");
            MailKitProtocolException = compilation.GetTypeByMetadataName("MailKit.ProtocolException");
            ServiceNotAuthenticatedException = compilation.GetTypeByMetadataName("MailKit.ServiceNotAuthenticatedException");
            MailKitAuthenticationException = compilation.GetTypeByMetadataName("MailKit.Security.AuthenticationException");

            GeneratedCodeAttribute = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            Exception = compilation.GetTypeByMetadataName("System.Exception");
            SendCompleted = SystemNetMailClient?.GetMembers("SendCompleted").OfType<IEventSymbol>().FirstOrDefault();
            Regex = compilation.GetTypeByMetadataName("System.Text.RegularExpressions.Regex");
            SmtpExceptionStatusCode = Property(SmtpException, "StatusCode");
            FailedRecipient = Property(SmtpFailedRecipientException, "FailedRecipient");
            InnerExceptions = Property(SmtpFailedRecipientsException, "InnerExceptions");
            SmtpCommandErrorCode = Property(SmtpCommandException, "ErrorCode");
            SmtpCommandMailbox = Property(SmtpCommandException, "Mailbox");

            PollyPolicy = compilation.GetTypeByMetadataName("Polly.Policy");
            PollyPolicyOfT = compilation.GetTypeByMetadataName("Polly.Policy`1");
            PollyPolicyBuilder = compilation.GetTypeByMetadataName("Polly.PolicyBuilder");
            PollyPolicyBuilderOfT = compilation.GetTypeByMetadataName("Polly.PolicyBuilder`1");
            PollyPredicateBuilderOfT = compilation.GetTypeByMetadataName("Polly.PredicateBuilder`1");
            PollyRetryStrategyOptions = compilation.GetTypeByMetadataName("Polly.Retry.RetryStrategyOptions`1");
        }

        private static IPropertySymbol? Property(INamedTypeSymbol? type, string name)
            => type?.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault();

        public Compilation Compilation { get; }

        public INamedTypeSymbol? SystemNetMailClient { get; }

        public INamedTypeSymbol? SmtpException { get; }

        public INamedTypeSymbol? SmtpFailedRecipientException { get; }

        public INamedTypeSymbol? SmtpFailedRecipientsException { get; }

        public INamedTypeSymbol? SystemNetMailStatusCode { get; }

        public INamedTypeSymbol? MailMessage { get; }

        public INamedTypeSymbol? MailKitClient { get; }

        public INamedTypeSymbol? MailKitISmtpClient { get; }

        public INamedTypeSymbol? MailKitIMailTransport { get; }

        public INamedTypeSymbol? SmtpCommandException { get; }

        public INamedTypeSymbol? SmtpProtocolException { get; }

        public INamedTypeSymbol? MailKitStatusCode { get; }

        public INamedTypeSymbol? SmtpErrorCode { get; }

        public INamedTypeSymbol? SmtpResponse { get; }

        public INamedTypeSymbol? MailKitCommandException { get; }

        public INamedTypeSymbol? MailKitProtocolException { get; }

        public INamedTypeSymbol? ServiceNotAuthenticatedException { get; }

        public INamedTypeSymbol? MailKitAuthenticationException { get; }

        public INamedTypeSymbol? GeneratedCodeAttribute { get; }

        /// <summary>System.Threading.Tasks.Task, whose static <c>Run</c> starts work nobody may observe.</summary>
        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? Exception { get; }

        /// <summary>System.Net.Mail.SmtpClient.SendCompleted: the only place the event-based SendAsync reports its outcome.</summary>
        public IEventSymbol? SendCompleted { get; }

        /// <summary>System.Text.RegularExpressions.Regex, for reply codes matched in message text.</summary>
        public INamedTypeSymbol? Regex { get; }

        /// <summary>System.Net.Mail.SmtpException.StatusCode (always GeneralFailure on SmtpFailedRecipientsException).</summary>
        public IPropertySymbol? SmtpExceptionStatusCode { get; }

        /// <summary>System.Net.Mail.SmtpFailedRecipientException.FailedRecipient.</summary>
        public IPropertySymbol? FailedRecipient { get; }

        /// <summary>System.Net.Mail.SmtpFailedRecipientsException.InnerExceptions: one exception, with its reply code, per failed recipient.</summary>
        public IPropertySymbol? InnerExceptions { get; }

        /// <summary>MailKit's SmtpCommandException.ErrorCode: whether the sender, a recipient or the message was rejected.</summary>
        public IPropertySymbol? SmtpCommandErrorCode { get; }

        /// <summary>MailKit's SmtpCommandException.Mailbox: the rejected sender or recipient.</summary>
        public IPropertySymbol? SmtpCommandMailbox { get; }

        /// <summary>Polly (v7 API): the static <c>Policy.Handle&lt;T&gt;()</c> entry point.</summary>
        public INamedTypeSymbol? PollyPolicy { get; }

        /// <summary>Polly (v7 API): <c>Policy&lt;TResult&gt;.Handle&lt;T&gt;()</c>.</summary>
        public INamedTypeSymbol? PollyPolicyOfT { get; }

        /// <summary>Polly (v7 API): the builder whose <c>Or&lt;T&gt;()</c> and retry extensions follow <c>Handle</c>.</summary>
        public INamedTypeSymbol? PollyPolicyBuilder { get; }

        /// <summary>Polly (v7 API): the builder of result-typed policies.</summary>
        public INamedTypeSymbol? PollyPolicyBuilderOfT { get; }

        /// <summary>Polly.Core (v8): <c>PredicateBuilder&lt;TResult&gt;</c>, also the base of the non-generic PredicateBuilder.</summary>
        public INamedTypeSymbol? PollyPredicateBuilderOfT { get; }

        /// <summary>Polly.Core (v8): <c>RetryStrategyOptions&lt;TResult&gt;</c>, whose ShouldHandle decides what is retried.</summary>
        public INamedTypeSymbol? PollyRetryStrategyOptions { get; }
    }
}
