using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// SMTP3007 decision: a System.Net.Mail SmtpClient given port 465 (constructor argument or Port assignment), which
    /// it cannot use: it has no implicit TLS. No exemptions.
    /// </summary>
    internal static class ImplicitTlsPort
    {
        /// <summary>Diagnostic property set when the fix may turn the literal 465 into 587.</summary>
        public const string FixableProperty = "UsePort587";

        private const int ImplicitTlsPortNumber = 465;

        private static readonly ImmutableDictionary<string, string?> Fixable =
            ImmutableDictionary<string, string?>.Empty.Add(FixableProperty, "true");

        /// <summary><c>new SmtpClient(host, 465)</c>: reported at the port argument.</summary>
        public static Diagnostic? AnalyzeCreation(IObjectCreationOperation creation, SecuritySymbols symbols)
        {
            // The created type first: it is already a public symbol, where the constructor's ContainingType would make one
            // for the type of every creation of the compilation. Then the constructor, then the arguments.
            if (symbols.SystemNetMailClient is null
                || !SymbolEqualityComparer.Default.Equals(creation.Type, symbols.SystemNetMailClient)
                || !SymbolEqualityComparer.Default.Equals(creation.Constructor?.ContainingType, symbols.SystemNetMailClient)
                || creation.Arguments.Length < 2)
            {
                return null;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Name == "port" && MayBe465(argument.Value, 0))
                {
                    var target = SmtpReceiver.CreationTarget(creation);
                    var client = target is null ? new ClientKey(null, creation) : new ClientKey(target, null);
                    return Create(argument.Value.Syntax.GetLocation(), argument.Value, client, creation, symbols);
                }
            }

            return null;
        }

        /// <summary><c>client.Port = 465</c> and <c>{ Port = 465 }</c>: reported at the assignment.</summary>
        public static Diagnostic? AnalyzeAssignment(ISimpleAssignmentOperation assignment, SecuritySymbols symbols)
        {
            if (assignment.Target is not IPropertyReferenceOperation property
                || property.Property.Name != "Port"
                || symbols.SystemNetMailClient is null
                || !SymbolEqualityComparer.Default.Equals(property.Property.ContainingType?.OriginalDefinition, symbols.SystemNetMailClient)
                || !MayBe465(assignment.Value, 0))
            {
                return null;
            }

            return Create(assignment.Syntax.GetLocation(), assignment.Value, SmtpReceiver.ClientOf(property.Instance), assignment, symbols);
        }

        /// <summary>The literal 465 the fix replaces, given the node at the diagnostic's location.</summary>
        public static LiteralExpressionSyntax? FixedLiteral(SyntaxNode node)
        {
            var value = node is AssignmentExpressionSyntax assignment ? assignment.Right : node;
            while (value is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized.Expression;
            }

            return value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is int number && number == ImplicitTlsPortNumber
                ? literal
                : null;
        }

        private static Diagnostic Create(Location location, IOperation value, ClientKey client, IOperation trigger, SecuritySymbols symbols)
        {
            var fixable = false;
            if (FixedLiteral(value.Syntax) is not null && !client.IsNone)
            {
                var scope = ClientFacts.Scope(client, trigger, typeScope: true)
                    ?? new System.Collections.Generic.List<IOperation> { ClientFacts.MemberRoot(trigger) };
                fixable = ClientFacts.Gather(client, scope, symbols).HasEnableSslTrue;
            }

            return Diagnostic.Create(Descriptors.ImplicitTlsPortWithSystemNetMail, location, fixable ? Fixable : null);
        }

        private static bool MayBe465(IOperation? value, int depth)
        {
            if (value is null || depth > 8)
            {
                return false;
            }

            if (value.ConstantValue.HasValue)
            {
                return ConstantValues.AsInt64(value) == ImplicitTlsPortNumber;
            }

            return value switch
            {
                IConversionOperation conversion => MayBe465(conversion.Operand, depth + 1),
                IParenthesizedOperation parenthesized => MayBe465(parenthesized.Operand, depth + 1),
                IConditionalOperation conditional => MayBe465(conditional.WhenTrue, depth + 1) || MayBe465(conditional.WhenFalse, depth + 1),
                _ => false,
            };
        }
    }
}
