using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// The spec's "SMTP receiver" and "same client": which expressions are SMTP clients, and which symbol names the
    /// client a receiver refers to.
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
            if (type is null)
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

        /// <summary>
        /// The symbol naming the client that <paramref name="receiver"/> refers to: a local, a parameter, or a field or
        /// property read on <c>this</c> (implicit or explicit) or statically. For the implicit receiver of an object
        /// initializer member, the symbol the created client is stored in (declared local, assigned target, initialized
        /// field or property). Null for anything else (an escaping, anonymous client).
        /// </summary>
        public static ISymbol? ClientSymbol(IOperation? receiver)
        {
            receiver = SkipConversions(receiver);
            switch (receiver)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IFieldReferenceOperation field when IsThisOrStatic(field.Instance):
                    return field.Field;
                case IPropertyReferenceOperation property when IsThisOrStatic(property.Instance) && property.Arguments.IsEmpty:
                    return property.Property;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } implicitReceiver:
                    return CreatedClientSymbol(CreationOf(implicitReceiver));
                default:
                    return null;
            }
        }

        /// <summary>The object creation whose initializer holds <paramref name="implicitReceiver"/>, if any.</summary>
        public static IObjectCreationOperation? CreationOf(IInstanceReferenceOperation implicitReceiver)
        {
            for (var current = implicitReceiver.Parent; current is not null; current = current.Parent)
            {
                if (current is IObjectCreationOperation creation)
                {
                    return creation;
                }

                if (current is IObjectOrCollectionInitializerOperation or IAssignmentOperation or IMemberInitializerOperation or IPropertyReferenceOperation)
                {
                    continue;
                }

                return null;
            }

            return null;
        }

        /// <summary>Where a creation is stored: a declared local, an assigned local/field/property, an initialized field or property.</summary>
        public static ISymbol? CreatedClientSymbol(IObjectCreationOperation? creation)
        {
            IOperation? current = creation;
            var parent = creation?.Parent;
            while (parent is IConversionOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    return ClientSymbol(assignment.Target);
                case IFieldInitializerOperation fieldInitializer when fieldInitializer.InitializedFields.Length == 1:
                    return fieldInitializer.InitializedFields[0];
                case IPropertyInitializerOperation propertyInitializer when propertyInitializer.InitializedProperties.Length == 1:
                    return propertyInitializer.InitializedProperties[0];
                default:
                    return null;
            }
        }

        private static bool IsInterface(ITypeSymbol type, SecuritySymbols symbols)
            => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, symbols.ISmtpClient)
                || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, symbols.IMailTransport);

        private static bool IsThisOrStatic(IOperation? instance)
            => instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        private static IOperation? SkipConversions(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
