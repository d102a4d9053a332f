using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// What a scope (member or type) does with one client, flow-insensitively: its settings writes, creations,
    /// Connect and Authenticate calls, IsSecure checks, and whether its reference escapes. Gathered on demand, only
    /// after a rule's rare trigger was found.
    /// </summary>
    internal sealed partial class ClientFacts
    {
        private ClientFacts()
        {
        }

        /// <summary>Assignments to EnableSsl (simple and compound).</summary>
        public List<IOperation> EnableSslWrites { get; } = new List<IOperation>();

        /// <summary>Values written to Host, and host arguments of creations.</summary>
        public List<IOperation> HostValues { get; } = new List<IOperation>();

        /// <summary>Values written to DeliveryMethod (System.Net.Mail).</summary>
        public List<IOperation> DeliveryMethodValues { get; } = new List<IOperation>();

        /// <summary>Creations stored in the client.</summary>
        public List<IObjectCreationOperation> Creations { get; } = new List<IObjectCreationOperation>();

        /// <summary>Connect/ConnectAsync calls on the client.</summary>
        public List<IInvocationOperation> Connects { get; } = new List<IInvocationOperation>();

        /// <summary>Whether an Authenticate/AuthenticateAsync call on the client exists.</summary>
        public bool HasAuthenticate { get; private set; }

        /// <summary>Whether IsSecure or IsEncrypted is read on the client.</summary>
        public bool HasSecureCheck { get; private set; }

        /// <summary>Whether the client symbol is also given a value that is not a creation (a parameter, a factory's result).</summary>
        public bool HasOtherSource { get; private set; }

        /// <summary>Whether the client's reference leaves the scope: an argument, a returned value, stored elsewhere.</summary>
        public bool Escapes { get; private set; }

        /// <summary>Whether EnableSsl is assigned, every time the constant <c>false</c>.</summary>
        public bool EnableSslAlwaysFalse
        {
            get
            {
                if (EnableSslWrites.Count == 0)
                {
                    return false;
                }

                foreach (var write in EnableSslWrites)
                {
                    if (write is not ISimpleAssignmentOperation simple || !ConstantValues.IsConstant(simple.Value, false))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>Whether EnableSsl has a constant <c>true</c> write.</summary>
        public bool HasEnableSslTrue
        {
            get
            {
                foreach (var write in EnableSslWrites)
                {
                    if (write is ISimpleAssignmentOperation simple && ConstantValues.IsConstant(simple.Value, true))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>Whether every host value is a constant loopback host (at least one).</summary>
        public bool HostIsLoopback => AllLoopback(HostValues);

        /// <summary>Whether every value is a constant loopback host (at least one).</summary>
        public static bool AllLoopback(List<IOperation> hosts)
        {
            if (hosts.Count == 0)
            {
                return false;
            }

            foreach (var host in hosts)
            {
                if (host.ConstantValue is not { HasValue: true, Value: string text } || !SecurityExemptions.IsLoopbackHost(text))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The scope the spec gives a client: the member for locals, parameters and anonymous creations; the whole
        /// type for private fields and properties when <paramref name="typeScope"/>, every partial part in every file
        /// included. Null when the scope cannot be seen whole: a non-private field or property.
        /// </summary>
        public static List<IOperation>? Scope(ClientKey client, IOperation trigger, bool typeScope)
        {
            if (client.AnonymousCreation is not null)
            {
                return new List<IOperation> { client.AnonymousCreation };
            }

            switch (client.Symbol)
            {
                case ILocalSymbol:
                case IParameterSymbol:
                    return new List<IOperation> { MemberRoot(trigger) };
                case IFieldSymbol or IPropertySymbol when !typeScope:
                    return new List<IOperation> { MemberRoot(trigger) };
                case IFieldSymbol or IPropertySymbol when client.Symbol.DeclaredAccessibility == Accessibility.Private:
                    return TypeRoots(client.Symbol.ContainingType, trigger.SemanticModel);
                default:
                    return null;
            }
        }

        /// <summary>The root of the operation tree of the member that contains <paramref name="operation"/>.</summary>
        public static IOperation MemberRoot(IOperation operation)
        {
            var current = operation;
            while (current.Parent is not null)
            {
                current = current.Parent;
            }

            return current;
        }

        /// <summary>Gathers what the scope does with <paramref name="client"/>.</summary>
        public static ClientFacts Gather(ClientKey client, List<IOperation> roots, SecuritySymbols symbols)
        {
            var facts = new ClientFacts();
            foreach (var root in roots)
            {
                facts.Visit(root, client, symbols);
                foreach (var operation in OperationWalk.Descendants(root))
                {
                    facts.Visit(operation, client, symbols);
                }
            }

            return facts;
        }

        private void Visit(IOperation operation, ClientKey client, SecuritySymbols symbols)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property:
                    VisitProperty(property, client, symbols);
                    break;
                case IInvocationOperation invocation:
                    var name = invocation.TargetMethod.Name;
                    if (name is "Connect" or "ConnectAsync" or "Authenticate" or "AuthenticateAsync"
                        && client.Matches(SmtpReceiver.ClientOf(invocation.Instance))
                        && !SecurityExemptions.IsExpectedToThrow(invocation))
                    {
                        if (name[0] == 'C')
                        {
                            Connects.Add(invocation);
                        }
                        else
                        {
                            HasAuthenticate = true;
                        }
                    }

                    break;
                case IObjectCreationOperation creation:
                    if (client.Symbol is not null && SymbolEqualityComparer.Default.Equals(SmtpReceiver.CreationTarget(creation), client.Symbol))
                    {
                        Creations.Add(creation);
                    }
                    else if (client.AnonymousCreation is not null && ReferenceEquals(creation, client.AnonymousCreation))
                    {
                        Creations.Add(creation);
                    }
                    else
                    {
                        break;
                    }

                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter?.Name == "host" && argument.ArgumentKind == ArgumentKind.Explicit)
                        {
                            HostValues.Add(argument.Value);
                        }
                    }

                    break;
                case ISimpleAssignmentOperation assignment when client.Symbol is not null
                    && assignment.Target is not IPropertyReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } }
                    && client.Matches(SmtpReceiver.ClientOf(assignment.Target)):
                    NoteSource(assignment.Value);
                    break;
                case IVariableDeclaratorOperation declarator when client.Symbol is ILocalSymbol && SymbolEqualityComparer.Default.Equals(declarator.Symbol, client.Symbol):
                    var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                    if (initializer is not null)
                    {
                        NoteSource(initializer.Value);
                    }

                    break;
                case IFieldInitializerOperation fieldInitializer when client.Symbol is IFieldSymbol && fieldInitializer.InitializedFields.Contains(client.Symbol, SymbolEqualityComparer.Default):
                    NoteSource(fieldInitializer.Value);
                    break;
                case IPropertyInitializerOperation propertyInitializer when client.Symbol is IPropertySymbol && propertyInitializer.InitializedProperties.Contains(client.Symbol, SymbolEqualityComparer.Default):
                    NoteSource(propertyInitializer.Value);
                    break;
                case ILocalReferenceOperation local when client.Symbol is ILocalSymbol && SymbolEqualityComparer.Default.Equals(local.Local, client.Symbol):
                    CheckEscape(local);
                    break;
                case IParameterReferenceOperation parameter when client.Symbol is IParameterSymbol && SymbolEqualityComparer.Default.Equals(parameter.Parameter, client.Symbol):
                    CheckEscape(parameter);
                    break;
                case IFieldReferenceOperation field when client.Symbol is IFieldSymbol && SymbolEqualityComparer.Default.Equals(field.Field, client.Symbol):
                    CheckEscape(field);
                    break;
            }
        }

        private void VisitProperty(IPropertyReferenceOperation property, ClientKey client, SecuritySymbols symbols)
        {
            var name = property.Property.Name;
            switch (name)
            {
                case "EnableSsl":
                case "Host":
                case "DeliveryMethod":
                    if (property.Parent is IAssignmentOperation assignment && assignment.Target == property
                        && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType?.OriginalDefinition, symbols.SystemNetMailClient)
                        && client.Matches(SmtpReceiver.ClientOf(property.Instance)))
                    {
                        if (name == "EnableSsl")
                        {
                            EnableSslWrites.Add(assignment);
                        }
                        else if (assignment is ISimpleAssignmentOperation simple)
                        {
                            (name == "Host" ? HostValues : DeliveryMethodValues).Add(simple.Value);
                        }
                        else
                        {
                            // A compound write is no constant: record the target so the value counts as unknown.
                            (name == "Host" ? HostValues : DeliveryMethodValues).Add(assignment);
                        }
                    }

                    break;
                case "IsSecure":
                case "IsEncrypted":
                    if (client.Matches(SmtpReceiver.ClientOf(property.Instance)))
                    {
                        HasSecureCheck = true;
                    }

                    break;
                default:
                    if (client.Symbol is IPropertySymbol && SymbolEqualityComparer.Default.Equals(property.Property, client.Symbol))
                    {
                        CheckEscape(property);
                    }

                    break;
            }
        }

        /// <summary>Notes a value given to the client symbol: a creation (seen as such) or <c>null</c> are known sources.</summary>
        private void NoteSource(IOperation value)
        {
            var stripped = SmtpReceiver.StripConversions(value);
            if (stripped is IObjectCreationOperation || value.ConstantValue is { HasValue: true, Value: null })
            {
                return;
            }

            HasOtherSource = true;
        }

        /// <summary>Marks the client as escaping when this reference of it is passed, returned, or stored elsewhere.</summary>
        private void CheckEscape(IOperation reference)
        {
            var current = reference;
            while (current.Parent is IConversionOperation conversion)
            {
                current = conversion;
            }

            switch (current.Parent)
            {
                case IArgumentOperation:
                case IReturnOperation:
                case IVariableInitializerOperation:
                case IFieldInitializerOperation:
                case IPropertyInitializerOperation:
                case IArrayInitializerOperation:
                case ITupleOperation:
                case IAnonymousObjectCreationOperation:
                case IConditionalOperation:
                case ICoalesceOperation:
                case ISwitchExpressionArmOperation:
                case IDelegateCreationOperation:
                    Escapes = true;
                    break;
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    Escapes = true;
                    break;
            }
        }
    }
}
