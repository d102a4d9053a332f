using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// The spec's "SMTP receiver" and "same client": which expressions are SMTP clients, and which symbol (local,
    /// parameter, field or property of this type) a receiver refers to.
    /// </summary>
    internal static class SmtpReceiver
    {
        /// <summary>
        /// Whether <paramref name="type"/> is or derives from either library's SmtpClient, or is or implements
        /// MailKit's ISmtpClient or IMailTransport. Not IMailService/MailService (could be IMAP or POP3).
        /// </summary>
        public static bool IsSmtpReceiver(ITypeSymbol? type, SecuritySymbols symbols)
        {
            if (type is null)
            {
                return false;
            }

            return SecuritySymbols.IsOrDerivesFrom(type, symbols.SystemNetMailClient)
                || SecuritySymbols.IsOrDerivesFrom(type, symbols.MailKitClient)
                || SecuritySymbols.IsOrImplements(type, symbols.ISmtpClient)
                || SecuritySymbols.IsOrImplements(type, symbols.IMailTransport);
        }

        /// <summary>Whether <paramref name="type"/> is a MailKit service that is not SMTP (ImapClient, Pop3Client, IMailService...).</summary>
        public static bool IsNonSmtpMailKitService(ITypeSymbol? type, SecuritySymbols symbols)
            => type is not null
                && !IsSmtpReceiver(type, symbols)
                && (SecuritySymbols.IsOrImplements(type, symbols.IMailService)
                    || (symbols.IMailService is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, symbols.IMailService.ContainingAssembly)));

        /// <summary>
        /// The client a receiver refers to: a local, a parameter, or a field or property of this type (implicit or
        /// explicit <c>this</c>, or static); for an object-initializer member, the client of its creation.
        /// Default when the receiver is another object's member, a call result, or an anonymous creation of another kind.
        /// </summary>
        public static ClientKey ClientOf(IOperation? receiver)
        {
            receiver = StripConversions(receiver);
            switch (receiver)
            {
                case ILocalReferenceOperation local:
                    return new ClientKey(local.Local, null);
                case IParameterReferenceOperation parameter:
                    return new ClientKey(parameter.Parameter, null);
                case IFieldReferenceOperation field when IsThisOrStatic(field.Instance):
                    return new ClientKey(field.Field, null);
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty && IsThisOrStatic(property.Instance):
                    return new ClientKey(property.Property, null);
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } implicitReceiver:
                    var creation = InitializedCreation(implicitReceiver);
                    if (creation is null)
                    {
                        return default;
                    }

                    var target = CreationTarget(creation);
                    return target is null ? new ClientKey(null, creation) : new ClientKey(target, null);
                default:
                    return default;
            }
        }

        /// <summary>The object creation whose initializer an implicit receiver belongs to.</summary>
        public static IObjectCreationOperation? InitializedCreation(IOperation implicitReceiver)
        {
            for (var current = implicitReceiver.Parent; current is not null; current = current.Parent)
            {
                if (current is IObjectOrCollectionInitializerOperation initializer)
                {
                    return initializer.Parent as IObjectCreationOperation;
                }
            }

            return null;
        }

        /// <summary>
        /// The symbol a creation is stored in (local declaration, assignment to a local, field or property of this
        /// type, field or property initializer), or null for an anonymous (escaping) creation.
        /// </summary>
        public static ISymbol? CreationTarget(IObjectCreationOperation creation)
        {
            IOperation current = creation;
            while (current.Parent is IConversionOperation conversion)
            {
                current = conversion;
            }

            switch (current.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    return ClientOf(assignment.Target).Symbol;
                case IFieldInitializerOperation fieldInitializer when fieldInitializer.InitializedFields.Length == 1:
                    return fieldInitializer.InitializedFields[0];
                case IPropertyInitializerOperation propertyInitializer when propertyInitializer.InitializedProperties.Length == 1:
                    return propertyInitializer.InitializedProperties[0];
                default:
                    return null;
            }
        }

        /// <summary>The operation under implicit and explicit conversions.</summary>
        public static IOperation? StripConversions(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static bool IsThisOrStatic(IOperation? instance)
            => instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
    }

    /// <summary>
    /// One client in the spec's "same client" sense: a symbol, or (for a creation stored nowhere) the creation whose
    /// initializer sets it up.
    /// </summary>
    internal readonly struct ClientKey
    {
        public ClientKey(ISymbol? symbol, IObjectCreationOperation? anonymousCreation)
        {
            Symbol = symbol;
            AnonymousCreation = anonymousCreation;
        }

        public ISymbol? Symbol { get; }

        public IObjectCreationOperation? AnonymousCreation { get; }

        public bool IsNone => Symbol is null && AnonymousCreation is null;

        public bool Matches(ClientKey other)
            => Symbol is not null
                ? SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol)
                : AnonymousCreation is not null && ReferenceEquals(AnonymousCreation, other.AnonymousCreation);
    }
}
