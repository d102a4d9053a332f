using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;
using static SmtpAnalyzers.Operations.LocalValues;
using static SmtpAnalyzers.Operations.SymbolRelations;

namespace SmtpAnalyzers.Semantics
{
    /// <summary>Exception types: which exceptions carry an SMTP failure and what they tell about the reply (the one catch taxonomy).</summary>
    internal sealed partial class SmtpModel
    {
        /// <summary>
        /// Whether <paramref name="type"/> is an SMTP exception: System.Net.Mail's SmtpException (with its
        /// recipient subclasses) or MailKit's SmtpCommandException or SmtpProtocolException, or a subclass of one.
        /// </summary>
        public bool IsSmtpException(ITypeSymbol? type, out SmtpLibrary library, out SmtpExceptionKind kind)
        {
            library = default;
            kind = default;
            for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
            {
                if (current.SpecialType == SpecialType.System_Object)
                {
                    return false;
                }

                // The plural recipients exception derives from SmtpException: it must be met first.
                if (Is(current, SmtpFailedRecipientsException))
                {
                    library = SmtpLibrary.SystemNetMail;
                    kind = SmtpExceptionKind.FailedRecipients;
                    return true;
                }

                if (Is(current, SmtpException))
                {
                    library = SmtpLibrary.SystemNetMail;
                    kind = SmtpExceptionKind.StatusCode;
                    return true;
                }

                if (Is(current, SmtpCommandException))
                {
                    library = SmtpLibrary.MailKit;
                    kind = SmtpExceptionKind.StatusCode;
                    return true;
                }

                if (Is(current, SmtpProtocolException))
                {
                    library = SmtpLibrary.MailKit;
                    kind = SmtpExceptionKind.Protocol;
                    return true;
                }
            }

            return false;

            static bool Is(INamedTypeSymbol type, INamedTypeSymbol? wanted)
                => wanted is not null && SymbolEqualityComparer.Default.Equals(type, wanted);
        }

        /// <summary>
        /// Adds to <paramref name="types"/> the exception types of <paramref name="library"/> that carry an SMTP failure
        /// out of a send: System.Net.Mail's SmtpException (with its recipient subclasses); MailKit's SmtpCommandException,
        /// SmtpProtocolException and ServiceNotAuthenticatedException.
        /// </summary>
        public void AddFailureTypes(SmtpLibrary library, System.Collections.Generic.List<INamedTypeSymbol> types)
        {
            if (library == SmtpLibrary.SystemNetMail)
            {
                AddIfReferenced(SmtpException, types);
                return;
            }

            AddIfReferenced(SmtpCommandException, types);
            AddIfReferenced(SmtpProtocolException, types);
            AddIfReferenced(ServiceNotAuthenticatedException, types);
        }

        private static void AddIfReferenced(INamedTypeSymbol? type, System.Collections.Generic.List<INamedTypeSymbol> types)
        {
            if (type is not null)
            {
                types.Add(type);
            }
        }

        /// <summary>The exception type whose StatusCode carries the reply of a failed send of <paramref name="library"/>.</summary>
        public INamedTypeSymbol? ReplyExceptionType(SmtpLibrary library)
            => library == SmtpLibrary.SystemNetMail ? SmtpException : SmtpCommandException;

        /// <summary>
        /// Whether a catch of <paramref name="caughtType"/> (null: a catch without a type) can catch what a send
        /// throws: Exception itself, or an exception type of either SMTP library. Conservative: a filter is not read.
        /// </summary>
        public bool CatchesSendFailure(ITypeSymbol? caughtType)
        {
            if (caughtType is null || caughtType.SpecialType == SpecialType.System_Object
                || (Exception is not null && SymbolEqualityComparer.Default.Equals(caughtType, Exception)))
            {
                return true;
            }

            // No array of the four: this runs for every catch clause of the project.
            var caughtClass = caughtType as INamedTypeSymbol;
            return Related(caughtType, caughtClass, SmtpException)
                || Related(caughtType, caughtClass, MailKitCommandException)
                || Related(caughtType, caughtClass, MailKitProtocolException)
                || Related(caughtType, caughtClass, ServiceNotAuthenticatedException);

            static bool Related(ITypeSymbol caught, INamedTypeSymbol? caughtClass, INamedTypeSymbol? smtpException)
                => smtpException is not null
                    && (IsOrDerivesFrom(caught, smtpException) || IsOrDerivesFrom(smtpException, caughtClass));
        }

        /// <summary>
        /// Whether an exception of <paramref name="type"/> can carry a permanent (5yz) reply: System.Net.Mail's
        /// SmtpException and its derived types, MailKit's SmtpCommandException and its abstract base CommandException,
        /// and MailKit's authentication failures (ServiceNotAuthenticatedException: 530 at MAIL FROM;
        /// AuthenticationException: 535 and friends), which no retry with the same settings can cure.
        /// Exception itself and connection failures (SmtpProtocolException, IOException) are not.
        /// </summary>
        public bool CanCarryPermanentReply(ITypeSymbol? type)
            => type is not null
                && (IsOrDerivesFrom(type, SmtpException)
                    || IsOrDerivesFrom(type, SmtpCommandException)
                    || IsOrDerivesFrom(type, ServiceNotAuthenticatedException)
                    || IsOrDerivesFrom(type, MailKitAuthenticationException)
                    || (MailKitCommandException is not null && SymbolEqualityComparer.Default.Equals(type, MailKitCommandException)));

        /// <summary>
        /// Whether <paramref name="type"/> is one of MailKit's authentication failures: ServiceNotAuthenticatedException
        /// (530 at MAIL FROM: the session is not authenticated) or AuthenticationException (535 and friends from
        /// Authenticate), or a type derived from one.
        /// </summary>
        public bool IsAuthenticationFailure(ITypeSymbol? type)
            => type is not null
                && (IsOrDerivesFrom(type, MailKitAuthenticationException) || IsOrDerivesFrom(type, ServiceNotAuthenticatedException));

        /// <summary>
        /// Whether <paramref name="type"/> has a <c>StatusCode</c> that holds the reply: SmtpException and
        /// SmtpFailedRecipientException, SmtpCommandException. Not SmtpFailedRecipientsException, whose own
        /// StatusCode is always GeneralFailure.
        /// </summary>
        public bool HasReplyStatusCode(ITypeSymbol? type)
            => type is not null
                && ((IsOrDerivesFrom(type, SmtpException) && !IsOrDerivesFrom(type, SmtpFailedRecipientsException))
                    || IsOrDerivesFrom(type, SmtpCommandException));

        /// <summary>Whether a catch of <paramref name="caughtType"/> catches everything: no type, object or Exception.</summary>
        public bool IsCatchAll(ITypeSymbol? caughtType)
            => caughtType is null || caughtType.SpecialType == SpecialType.System_Object
                || (Exception is not null && SymbolEqualityComparer.Default.Equals(caughtType, Exception));

        /// <summary>
        /// Whether a catch of <paramref name="caughtType"/> catches every exception of <paramref name="library"/>'s
        /// sends that carries a reply: SmtpException or a base of it; SmtpCommandException or a base of it.
        /// </summary>
        public bool CatchesEveryReplyOf(ITypeSymbol? caughtType, SmtpLibrary library)
        {
            if (IsCatchAll(caughtType))
            {
                return true;
            }

            var replyType = library == SmtpLibrary.SystemNetMail ? SmtpException : SmtpCommandException;
            return replyType is not null && IsOrDerivesFrom(replyType, caughtType as INamedTypeSymbol);
        }
    }
}
