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
    /// <summary>Exception text: whether a string is the Message or ToString() of an SMTP exception.</summary>
    internal sealed partial class SmtpModel
    {
        /// <summary>
        /// Whether <paramref name="operation"/> is the text of an SMTP exception: its <c>Message</c> or
        /// <c>ToString()</c>, optionally through <c>?.</c>, through string methods that keep the text
        /// (Substring, Trim, ToLower, ...), or through a local whose only assigned value is one of those.
        /// </summary>
        public bool IsSmtpExceptionText(IOperation? operation, out SmtpExceptionText text)
            => FindSmtpExceptionText(operation, throughLocal: false, conditional: false, depth: 0, out text);

        private bool FindSmtpExceptionText(IOperation? operation, bool throughLocal, bool conditional, int depth, out SmtpExceptionText text)
        {
            text = null!;
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation { IsImplicit: true } conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    case IConditionalAccessInstanceOperation instance:
                        operation = ConditionalAccessTarget(instance);
                        conditional = true;
                        continue;
                }

                break;
            }

            switch (operation)
            {
                case IPropertyReferenceOperation { Instance: { } instance } property
                    when property.Property.Name == nameof(System.Exception.Message) && IsExceptionMember(property.Property):
                    return IsSmtpExceptionInstance(instance, throughLocal, conditional, out text);

                case IInvocationOperation { Instance: { } instance, Arguments.Length: 0 } invocation
                    when invocation.TargetMethod.Name == nameof(ToString) && IsExceptionMember(invocation.TargetMethod):
                    return IsSmtpExceptionInstance(instance, throughLocal, conditional, out text);

                case IInvocationOperation { Instance: { } instance } invocation
                    when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String && KeepsText(invocation.TargetMethod.Name):
                    return FindSmtpExceptionText(instance, throughLocal, conditional, depth, out text);

                case ILocalReferenceOperation local when local.Type?.SpecialType == SpecialType.System_String && depth < MaxLocalDepth:
                    var value = DeclaredValue(local);
                    if (value is not null && FindSmtpExceptionText(value, throughLocal: true, conditional, depth + 1, out text) && IsNeverReassigned(local))
                    {
                        return true;
                    }

                    text = null!;
                    return false;

                default:
                    return false;
            }
        }

        private bool IsSmtpExceptionInstance(IOperation instance, bool throughLocal, bool conditional, out SmtpExceptionText text)
        {
            text = null!;
            if (instance is IConditionalAccessInstanceOperation conditionalInstance)
            {
                instance = ConditionalAccessTarget(conditionalInstance) ?? instance;
                conditional = true;
            }

            if (!IsSmtpException(instance.Type, out var library, out var kind))
            {
                if (!IsCatchAll(instance.Type) || !ReceivesSendFailure(instance, out library))
                {
                    return false;
                }

                // A catch of Exception around a send: what it holds is the send's SMTP failure among others.
                kind = SmtpExceptionKind.StatusCode;
            }

            text = new SmtpExceptionText(instance, library, kind, throughLocal, conditional, IsBuiltInCode(instance));
            return true;
        }

        /// <summary>
        /// Whether <paramref name="instance"/> is the variable of a <c>catch (Exception ex)</c> that receives the failure of a
        /// send in its try (no earlier unfiltered clause takes the library's reply-carrying exception), and the try sends
        /// with one library only: <paramref name="library"/>.
        /// </summary>
        private bool ReceivesSendFailure(IOperation instance, out SmtpLibrary library)
        {
            library = default;
            if (Unwrap.ImplicitConversionsAndParentheses(instance) is not ILocalReferenceOperation { Local: var local })
            {
                return false;
            }

            ICatchClauseOperation? clause = null;
            for (var parent = instance.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is ICatchClauseOperation candidate
                    && candidate.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation declarator
                    && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    clause = candidate;
                    break;
                }
            }

            if (clause?.Parent is not ITryOperation tryOperation)
            {
                return false;
            }

            SmtpLibrary? found = null;
            foreach (var (_, sendLibrary) in SendsIn(tryOperation.Body))
            {
                if (found is not null && found != sendLibrary)
                {
                    return false;
                }

                found = sendLibrary;
            }

            if (found is not SmtpLibrary only)
            {
                return false;
            }

            foreach (var earlier in tryOperation.Catches)
            {
                if (ReferenceEquals(earlier, clause))
                {
                    break;
                }

                if (earlier.Filter is null && CatchesEveryReplyOf(earlier.ExceptionType, only))
                {
                    return false;
                }
            }

            library = only;
            return true;
        }

        /// <summary>Whether <paramref name="exception"/> is a new exception, or a local holding only one.</summary>
        private static bool IsBuiltInCode(IOperation exception)
        {
            var current = exception;
            for (var depth = 0; depth < MaxLocalDepth; depth++)
            {
                while (current is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
                {
                    current = current is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)current).Operand;
                }

                switch (current)
                {
                    case IObjectCreationOperation:
                        return true;
                    case ILocalReferenceOperation local when SingleAssignedValue(local) is { } value:
                        current = value;
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The expression that <c>?.</c> tests, for the implicit receiver inside its WhenNotNull part.</summary>
        private static IOperation? ConditionalAccessTarget(IConditionalAccessInstanceOperation instance)
        {
            IOperation previous = instance;
            for (var parent = instance.Parent; parent is not null; previous = parent, parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access && ReferenceEquals(access.WhenNotNull, previous))
                {
                    return access.Operation;
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="member"/> is System.Exception's own member or an override of it.</summary>
        private bool IsExceptionMember(ISymbol member)
        {
            if (Exception is null)
            {
                return false;
            }

            var root = member;
            while (true)
            {
                var overridden = root switch
                {
                    IPropertySymbol property => (ISymbol?)property.OverriddenProperty,
                    IMethodSymbol method => method.OverriddenMethod,
                    _ => null,
                };

                if (overridden is null || SymbolEqualityComparer.Default.Equals(root.ContainingType, Exception))
                {
                    break;
                }

                root = overridden;
            }

            return SymbolEqualityComparer.Default.Equals(root.ContainingType, Exception);
        }

        /// <summary>String methods whose result is still the text they were called on, or a part of it.</summary>
        private static bool KeepsText(string name)
        {
            switch (name)
            {
                case nameof(string.Substring):
                case nameof(string.Trim):
                case nameof(string.TrimStart):
                case nameof(string.TrimEnd):
                case nameof(string.ToLower):
                case nameof(string.ToUpper):
                case nameof(string.ToLowerInvariant):
                case nameof(string.ToUpperInvariant):
                    return true;
                default:
                    return false;
            }
        }
    }
}
