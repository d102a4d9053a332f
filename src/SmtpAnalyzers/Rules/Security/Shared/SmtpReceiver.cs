using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// The spec's "SMTP receiver" and "same client": which expressions are SMTP clients, and which symbol (local,
    /// parameter, field or property of this type) or anonymous creation a receiver refers to.
    /// </summary>
    internal static class SmtpReceiver
    {
        /// <summary>
        /// Whether <paramref name="type"/> is or derives from System.Net.Mail.SmtpClient or MailKit.Net.Smtp.SmtpClient,
        /// or is/implements MailKit's ISmtpClient or IMailTransport (MailKit's only transport is SMTP). Never
        /// IMailService/MailService (may be IMAP or POP3), never ImapClient/Pop3Client.
        /// </summary>
        public static bool IsSmtpReceiver(ITypeSymbol? type, SecuritySymbols symbols)
        {
            // The built-in types (string, int, object...), arrays, enums and delegates are never SMTP clients: no base type
            // walk or interface list for them. Mail-code detection asks this of every member and expression type of a type.
            if (type is null || type.SpecialType != SpecialType.None
                || type.TypeKind is TypeKind.Array or TypeKind.Enum or TypeKind.Delegate or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic)
            {
                return false;
            }

            if (type is ITypeParameterSymbol typeParameter)
            {
                foreach (var constraint in typeParameter.ConstraintTypes)
                {
                    if (IsSmtpReceiver(constraint, symbols))
                    {
                        return true;
                    }
                }

                return false;
            }

            // Once per type and compilation: the same few types (the message, tasks, loggers, options) come back for
            // every member of every type that mail-code detection reads.
            if (symbols.ReceiverTypes.TryGetValue(type, out var known))
            {
                return known;
            }

            var result = IsOrImplementsClient(type, symbols);
            symbols.ReceiverTypes.TryAdd(type, result);
            return result;
        }

        private static bool IsOrImplementsClient(ITypeSymbol type, SecuritySymbols symbols)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, symbols.MailKitClient)
                    || SymbolEqualityComparer.Default.Equals(current, symbols.SystemNetMailClient))
                {
                    return true;
                }
            }

            if (symbols.ISmtpClient is null && symbols.IMailTransport is null)
            {
                return false;
            }

            if (IsInterface(type, symbols))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (IsInterface(implemented, symbols))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="type"/> is either library's SMTP client class or a type derived from one.</summary>
        public static bool IsSmtpClientClass(ITypeSymbol? type, SecuritySymbols symbols)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, symbols.MailKitClient)
                    || SymbolEqualityComparer.Default.Equals(current, symbols.SystemNetMailClient))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="type"/> is MailKit's SMTP client, ISmtpClient or IMailTransport (or derives from/implements one).</summary>
        public static bool IsMailKitSmtpReceiver(ITypeSymbol? type, SecuritySymbols symbols)
            => type is not null
                && IsSmtpReceiver(type, symbols)
                && !IsSystemNetMailClient(type, symbols);

        /// <summary>Whether <paramref name="type"/> is or derives from System.Net.Mail.SmtpClient.</summary>
        public static bool IsSystemNetMailClient(ITypeSymbol? type, SecuritySymbols symbols)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, symbols.SystemNetMailClient))
                {
                    return true;
                }
            }

            return false;
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

        /// <summary>The symbol of the client <paramref name="receiver"/> refers to (<see cref="ClientOf"/>), or null for an anonymous or escaping one.</summary>
        public static ISymbol? ClientSymbol(IOperation? receiver) => ClientOf(receiver).Symbol;

        /// <summary>The object creation whose initializer holds <paramref name="implicitReceiver"/>, if any.</summary>
        public static IObjectCreationOperation? CreationOf(IInstanceReferenceOperation implicitReceiver) => InitializedCreation(implicitReceiver);

        /// <summary>Where a creation is stored (<see cref="CreationTarget"/>); null for none.</summary>
        public static ISymbol? CreatedClientSymbol(IObjectCreationOperation? creation) => creation is null ? null : CreationTarget(creation);

        private static bool IsInterface(ITypeSymbol type, SecuritySymbols symbols)
            => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, symbols.ISmtpClient)
                || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, symbols.IMailTransport);

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
