using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SmtpAnalyzers.Engine;

namespace SmtpAnalyzers.Symbols
{
    /// <summary>
    /// The types and members of both SMTP libraries (and of Polly, for retries) that the rules look at, resolved
    /// once per compilation. <see cref="SmtpAnalyzers.Semantics.SmtpModel"/> adds the SMTP questions on top; the
    /// analyzers and the code fixes share one instance per compilation.
    /// </summary>
    /// <remarks>
    /// Resolved on first use, not when the instance is made at compilation start. The first type lookup in a fresh
    /// compilation binds its references and builds the merged namespace of every reference and every source file: work
    /// the compiler does anyway, but charged to whoever asks first. Operation callbacks come after the compiler has bound
    /// a method body, so by the first of them that work is done.
    /// </remarks>
    internal abstract class SmtpSymbols
    {
        private Resolved? _resolved;

        protected SmtpSymbols(Compilation compilation)
        {
            Compilation = compilation;
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol? SystemNetMailClient => Symbols.SystemNetMailClient;

        public INamedTypeSymbol? SmtpException => Symbols.SmtpException;

        public INamedTypeSymbol? SmtpFailedRecipientException => Symbols.SmtpFailedRecipientException;

        public INamedTypeSymbol? SmtpFailedRecipientsException => Symbols.SmtpFailedRecipientsException;

        public INamedTypeSymbol? SystemNetMailStatusCode => Symbols.SystemNetMailStatusCode;

        public INamedTypeSymbol? MailMessage => Symbols.MailMessage;

        public INamedTypeSymbol? MailKitClient => Symbols.MailKitClient;

        public INamedTypeSymbol? MailKitISmtpClient => Symbols.MailKitISmtpClient;

        public INamedTypeSymbol? MailKitIMailTransport => Symbols.MailKitIMailTransport;

        public INamedTypeSymbol? SmtpCommandException => Symbols.SmtpCommandException;

        public INamedTypeSymbol? SmtpProtocolException => Symbols.SmtpProtocolException;

        public INamedTypeSymbol? MailKitStatusCode => Symbols.MailKitStatusCode;

        public INamedTypeSymbol? SmtpErrorCode => Symbols.SmtpErrorCode;

        public INamedTypeSymbol? SmtpResponse => Symbols.SmtpResponse;

        public INamedTypeSymbol? MailKitCommandException => Symbols.MailKitCommandException;

        public INamedTypeSymbol? MailKitProtocolException => Symbols.MailKitProtocolException;

        public INamedTypeSymbol? ServiceNotAuthenticatedException => Symbols.ServiceNotAuthenticatedException;

        public INamedTypeSymbol? MailKitAuthenticationException => Symbols.MailKitAuthenticationException;

        public INamedTypeSymbol? GeneratedCodeAttribute => Symbols.GeneratedCodeAttribute;

        /// <summary>System.Threading.Tasks.Task, whose static <c>Run</c> starts work nobody may observe.</summary>
        public INamedTypeSymbol? Task => Symbols.Task;

        public INamedTypeSymbol? Exception => Symbols.Exception;

        /// <summary>System.Net.Mail.SmtpClient.SendCompleted: the only place the event-based SendAsync reports its outcome.</summary>
        public IEventSymbol? SendCompleted => Symbols.SendCompleted;

        /// <summary>System.Text.RegularExpressions.Regex, for reply codes matched in message text.</summary>
        public INamedTypeSymbol? Regex => Symbols.Regex;

        /// <summary>System.Net.Mail.SmtpException.StatusCode (always GeneralFailure on SmtpFailedRecipientsException).</summary>
        public IPropertySymbol? SmtpExceptionStatusCode => Symbols.SmtpExceptionStatusCode;

        /// <summary>System.Net.Mail.SmtpFailedRecipientException.FailedRecipient.</summary>
        public IPropertySymbol? FailedRecipient => Symbols.FailedRecipient;

        /// <summary>System.Net.Mail.SmtpFailedRecipientsException.InnerExceptions: one exception, with its reply code, per failed recipient.</summary>
        public IPropertySymbol? InnerExceptions => Symbols.InnerExceptions;

        /// <summary>MailKit's SmtpCommandException.ErrorCode: whether the sender, a recipient or the message was rejected.</summary>
        public IPropertySymbol? SmtpCommandErrorCode => Symbols.SmtpCommandErrorCode;

        /// <summary>MailKit's SmtpCommandException.Mailbox: the rejected sender or recipient.</summary>
        public IPropertySymbol? SmtpCommandMailbox => Symbols.SmtpCommandMailbox;

        /// <summary>Polly (v7 API): the static <c>Policy.Handle&lt;T&gt;()</c> entry point.</summary>
        public INamedTypeSymbol? PollyPolicy => Symbols.PollyPolicy;

        /// <summary>Polly (v7 API): <c>Policy&lt;TResult&gt;.Handle&lt;T&gt;()</c>.</summary>
        public INamedTypeSymbol? PollyPolicyOfT => Symbols.PollyPolicyOfT;

        /// <summary>Polly (v7 API): the builder whose <c>Or&lt;T&gt;()</c> and retry extensions follow <c>Handle</c>.</summary>
        public INamedTypeSymbol? PollyPolicyBuilder => Symbols.PollyPolicyBuilder;

        /// <summary>Polly (v7 API): the builder of result-typed policies.</summary>
        public INamedTypeSymbol? PollyPolicyBuilderOfT => Symbols.PollyPolicyBuilderOfT;

        /// <summary>Polly.Core (v8): <c>PredicateBuilder&lt;TResult&gt;</c>, also the base of the non-generic PredicateBuilder.</summary>
        public INamedTypeSymbol? PollyPredicateBuilderOfT => Symbols.PollyPredicateBuilderOfT;

        /// <summary>Polly.Core (v8): <c>RetryStrategyOptions&lt;TResult&gt;</c>, whose ShouldHandle decides what is retried.</summary>
        public INamedTypeSymbol? PollyRetryStrategyOptions => Symbols.PollyRetryStrategyOptions;

        /// <summary>Whether the symbols have been resolved (a callback needed them); for tests.</summary>
        internal bool IsResolved => Volatile.Read(ref _resolved) is not null;

        /// <summary>The resolved symbols: made once; threads that race both resolve the same symbols and keep the first.</summary>
        private Resolved Symbols => Volatile.Read(ref _resolved) ?? Once.Publish(ref _resolved, new Resolved(Compilation));

        private sealed class Resolved
        {
            public readonly INamedTypeSymbol? SystemNetMailClient;
            public readonly INamedTypeSymbol? SmtpException;
            public readonly INamedTypeSymbol? SmtpFailedRecipientException;
            public readonly INamedTypeSymbol? SmtpFailedRecipientsException;
            public readonly INamedTypeSymbol? SystemNetMailStatusCode;
            public readonly INamedTypeSymbol? MailMessage;
            public readonly INamedTypeSymbol? MailKitClient;
            public readonly INamedTypeSymbol? MailKitISmtpClient;
            public readonly INamedTypeSymbol? MailKitIMailTransport;
            public readonly INamedTypeSymbol? SmtpCommandException;
            public readonly INamedTypeSymbol? SmtpProtocolException;
            public readonly INamedTypeSymbol? MailKitStatusCode;
            public readonly INamedTypeSymbol? SmtpErrorCode;
            public readonly INamedTypeSymbol? SmtpResponse;
            public readonly INamedTypeSymbol? MailKitCommandException;
            public readonly INamedTypeSymbol? MailKitProtocolException;
            public readonly INamedTypeSymbol? ServiceNotAuthenticatedException;
            public readonly INamedTypeSymbol? MailKitAuthenticationException;
            public readonly INamedTypeSymbol? GeneratedCodeAttribute;
            public readonly INamedTypeSymbol? Task;
            public readonly INamedTypeSymbol? Exception;
            public readonly IEventSymbol? SendCompleted;
            public readonly INamedTypeSymbol? Regex;
            public readonly IPropertySymbol? SmtpExceptionStatusCode;
            public readonly IPropertySymbol? FailedRecipient;
            public readonly IPropertySymbol? InnerExceptions;
            public readonly IPropertySymbol? SmtpCommandErrorCode;
            public readonly IPropertySymbol? SmtpCommandMailbox;
            public readonly INamedTypeSymbol? PollyPolicy;
            public readonly INamedTypeSymbol? PollyPolicyOfT;
            public readonly INamedTypeSymbol? PollyPolicyBuilder;
            public readonly INamedTypeSymbol? PollyPolicyBuilderOfT;
            public readonly INamedTypeSymbol? PollyPredicateBuilderOfT;
            public readonly INamedTypeSymbol? PollyRetryStrategyOptions;

            public Resolved(Compilation compilation)
            {
                // One lookup through the compilation per library (it walks every reference), then the library's own
                // assembly for the rest of its types.
                SystemNetMailClient = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
                var systemNetMail = SystemNetMailClient?.ContainingAssembly;
                SmtpException = systemNetMail?.GetTypeByMetadataName("System.Net.Mail.SmtpException");
                SmtpFailedRecipientException = systemNetMail?.GetTypeByMetadataName("System.Net.Mail.SmtpFailedRecipientException");
                SmtpFailedRecipientsException = systemNetMail?.GetTypeByMetadataName("System.Net.Mail.SmtpFailedRecipientsException");
                SystemNetMailStatusCode = systemNetMail?.GetTypeByMetadataName("System.Net.Mail.SmtpStatusCode");
                MailMessage = systemNetMail?.GetTypeByMetadataName("System.Net.Mail.MailMessage");

                MailKitClient = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpClient");
                var mailKit = MailKitClient?.ContainingAssembly;
                MailKitISmtpClient = mailKit?.GetTypeByMetadataName("MailKit.Net.Smtp.ISmtpClient");
                MailKitIMailTransport = mailKit?.GetTypeByMetadataName("MailKit.IMailTransport");
                SmtpCommandException = mailKit?.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpCommandException");
                SmtpProtocolException = mailKit?.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpProtocolException");
                MailKitStatusCode = mailKit?.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpStatusCode");
                SmtpErrorCode = mailKit?.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpErrorCode");
                SmtpResponse = mailKit?.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpResponse");
                MailKitCommandException = mailKit?.GetTypeByMetadataName("MailKit.CommandException");
                MailKitProtocolException = mailKit?.GetTypeByMetadataName("MailKit.ProtocolException");
                ServiceNotAuthenticatedException = mailKit?.GetTypeByMetadataName("MailKit.ServiceNotAuthenticatedException");
                MailKitAuthenticationException = mailKit?.GetTypeByMetadataName("MailKit.Security.AuthenticationException");

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
                var polly = PollyPolicy?.ContainingAssembly;
                PollyPolicyOfT = polly?.GetTypeByMetadataName("Polly.Policy`1");
                PollyPolicyBuilder = polly?.GetTypeByMetadataName("Polly.PolicyBuilder");
                PollyPolicyBuilderOfT = polly?.GetTypeByMetadataName("Polly.PolicyBuilder`1");

                // Polly v8's types live in Polly.Core, apart from v7's Polly.dll.
                PollyRetryStrategyOptions = compilation.GetTypeByMetadataName("Polly.Retry.RetryStrategyOptions`1");
                PollyPredicateBuilderOfT = PollyRetryStrategyOptions?.ContainingAssembly.GetTypeByMetadataName("Polly.PredicateBuilder`1");
            }

            private static IPropertySymbol? Property(INamedTypeSymbol? type, string name)
                => type?.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault();
        }
    }
}
