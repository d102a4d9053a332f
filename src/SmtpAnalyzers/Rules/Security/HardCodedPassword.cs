using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// SMTP3006 decision: a password written in the source that reaches an SMTP sink: System.Net.Mail's
    /// <c>Credentials</c>, MailKit's <c>Authenticate[Async](ICredentials)</c> or <c>(userName, password)</c>.
    /// </summary>
    internal static class HardCodedPassword
    {
        /// <summary><c>client.Credentials = new NetworkCredential(user, "literal")</c> on a System.Net.Mail client.</summary>
        public static Diagnostic? AnalyzeAssignment(ISimpleAssignmentOperation assignment, SecuritySymbols symbols)
            => FirstSink(PasswordAtAssignment(assignment, symbols, out var credentials), credentials, assignment, symbols);

        /// <summary><c>client.Authenticate(user, "literal")</c> and <c>Authenticate(new NetworkCredential(user, "literal"))</c> on a MailKit SMTP receiver.</summary>
        public static Diagnostic? AnalyzeInvocation(IInvocationOperation invocation, SecuritySymbols symbols)
            => FirstSink(PasswordAtInvocation(invocation, symbols, out var credentials), credentials, invocation, symbols);

        /// <summary>
        /// The diagnostic at <paramref name="password"/>, unless the password came through a credentials local
        /// (<paramref name="credentials"/>) that an earlier sink of the same member already reports: one credentials object
        /// passed to two sinks (<c>Authenticate(credentials)</c> in both branches of an <c>if</c>) is one hard-coded
        /// password, reported once, at the first sink in source order that reports it.
        /// </summary>
        private static Diagnostic? FirstSink(IOperation? password, ILocalSymbol? credentials, IOperation sink, SecuritySymbols symbols)
        {
            if (password is null)
            {
                return null;
            }

            if (credentials is not null)
            {
                foreach (var operation in OperationWalk.Descendants(ClientFacts.MemberRoot(sink)))
                {
                    if (operation is not ILocalReferenceOperation reference
                        || reference.Syntax.SpanStart >= sink.Syntax.SpanStart
                        || !SymbolEqualityComparer.Default.Equals(reference.Local, credentials))
                    {
                        continue;
                    }

                    var value = Unwrap.UpThroughImplicitConversionsAndParentheses(reference);
                    var earlier = value.Parent switch
                    {
                        IArgumentOperation { Parent: IInvocationOperation invocation } => PasswordAtInvocation(invocation, symbols, out _),
                        ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, value) => PasswordAtAssignment(assignment, symbols, out _),
                        _ => null,
                    };
                    if (earlier is not null)
                    {
                        return null;
                    }
                }
            }

            return Diagnostic.Create(Descriptors.HardCodedPassword, password.Syntax.GetLocation());
        }

        /// <summary>The hard-coded password that <paramref name="assignment"/> gives a System.Net.Mail client, or null.</summary>
        private static IOperation? PasswordAtAssignment(ISimpleAssignmentOperation assignment, SecuritySymbols symbols, out ILocalSymbol? credentials)
        {
            credentials = null;
            if (assignment.Target is not IPropertyReferenceOperation property
                || property.Property.Name != "Credentials"
                || symbols.SystemNetMailClient is null
                || !SymbolEqualityComparer.Default.Equals(property.Property.ContainingType?.OriginalDefinition, symbols.SystemNetMailClient))
            {
                return null;
            }

            var password = PasswordOfCredentials(assignment.Value, symbols, out credentials);
            if (password is null || !IsHardCoded(password) || SecurityExemptions.IsDevelopmentOnly(assignment))
            {
                return null;
            }

            var client = SmtpReceiver.ClientOf(property.Instance);
            if (!client.IsNone)
            {
                var scope = ClientFacts.Scope(client, assignment, typeScope: true)
                    ?? new List<IOperation> { ClientFacts.MemberRoot(assignment) };
                if (ClientFacts.Gather(client, scope, symbols).HostIsLoopback)
                {
                    return null;
                }
            }

            return password;
        }

        /// <summary>The hard-coded password that <paramref name="invocation"/> authenticates a MailKit SMTP receiver with, or null.</summary>
        private static IOperation? PasswordAtInvocation(IInvocationOperation invocation, SecuritySymbols symbols, out ILocalSymbol? credentials)
        {
            credentials = null;
            var method = invocation.TargetMethod;
            if (method.Name is not ("Authenticate" or "AuthenticateAsync")
                || invocation.Instance is null
                || symbols.IMailService is null
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, symbols.IMailService.ContainingAssembly)
                || !SmtpReceiver.IsSmtpReceiver(invocation.Instance.Type, symbols))
            {
                return null;
            }

            IOperation? password = null;
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null || argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    continue;
                }

                if (parameter.Name == "password" && parameter.Type.SpecialType == SpecialType.System_String)
                {
                    password = argument.Value;
                }
                else if (parameter.Name == "credentials")
                {
                    password = PasswordOfCredentials(argument.Value, symbols, out credentials);
                }
            }

            if (password is null || !IsHardCoded(password) || SecurityExemptions.IsDevelopmentOnly(invocation))
            {
                return null;
            }

            var client = SmtpReceiver.ClientOf(invocation.Instance);
            if (client.Symbol is not null)
            {
                var facts = ClientFacts.Gather(client, new List<IOperation> { ClientFacts.MemberRoot(invocation) }, symbols);
                if (ConnectHosts.AllLoopback(facts.Connects))
                {
                    return null;
                }
            }

            return password;
        }

        /// <summary>
        /// The password argument of <c>new NetworkCredential(user, password[, domain])</c>, directly or through a local
        /// whose single assignment is that creation (<paramref name="local"/>); null for anything else (SecureString,
        /// configured credentials).
        /// </summary>
        private static IOperation? PasswordOfCredentials(IOperation value, SecuritySymbols symbols, out ILocalSymbol? local)
        {
            local = null;
            var credentials = SmtpReceiver.StripConversions(value);
            if (credentials is ILocalReferenceOperation reference)
            {
                local = reference.Local;
                credentials = SmtpReceiver.StripConversions(SmtpAnalyzers.Operations.LocalValues.SingleAssignedValue(reference));
            }

            if (credentials is not IObjectCreationOperation creation
                || symbols.NetworkCredential is null
                || !SymbolEqualityComparer.Default.Equals(creation.Constructor?.ContainingType, symbols.NetworkCredential))
            {
                return null;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit
                    && argument.Parameter is { Name: "password" } parameter
                    && parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// A non-empty constant string (literal, const, constant concatenation or interpolation), a local whose only
        /// assignment is one, or a source <c>readonly</c> field with a non-empty literal initializer and no other write.
        /// </summary>
        private static bool IsHardCoded(IOperation password)
        {
            if (IsNonEmptyString(password))
            {
                return true;
            }

            switch (SmtpReceiver.StripConversions(password))
            {
                case ILocalReferenceOperation local:
                    var value = SmtpAnalyzers.Operations.LocalValues.SingleAssignedValue(local);
                    return value is not null && IsNonEmptyString(value);
                case IFieldReferenceOperation field:
                    return IsLiteralReadonlyField(field.Field);
                default:
                    return false;
            }
        }

        private static bool IsNonEmptyString(IOperation operation)
            => operation.ConstantValue is { HasValue: true, Value: string text } && text.Length > 0;

        private static bool IsLiteralReadonlyField(IFieldSymbol field)
        {
            if (!field.IsReadOnly || field.IsConst || field.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            if (field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax
                {
                    Initializer.Value: LiteralExpressionSyntax { Token.Value: string text } literal,
                }
                || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                || text.Length == 0)
            {
                return false;
            }

            // A readonly field can be written again only in a constructor (or init accessor) of its type: look for
            // a write of that name in any part of the type.
            foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    if (node is IdentifierNameSyntax name && name.Identifier.ValueText == field.Name && IsWritten(name))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static bool IsWritten(IdentifierNameSyntax name)
        {
            SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            return expression.Parent switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left == expression,
                ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
                _ => false,
            };
        }
    }
}
