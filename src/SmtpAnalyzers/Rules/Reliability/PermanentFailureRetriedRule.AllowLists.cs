using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2002: an allow-list is a reply condition, but not necessarily a correct one. Reading the reply is not classifying
    /// it: every member an allow-list lets through is checked for its class, and one permanent (5yz) member is a finding.
    /// </summary>
    internal sealed partial class PermanentFailureRetriedRule
    {
        /// <summary>
        /// The first permanent (5yz) code that <paramref name="condition"/>, an allow-list (<see cref="Condition.Membership"/>),
        /// lets through, described for the message (<c>MailboxUnavailable, a 550</c>, or <c>535</c>); null when every listed
        /// code is 2yz-4yz or a listed code sits under a negation (then the list excludes, it does not allow).
        /// </summary>
        private static string? PermanentCodeListed(IOperation condition, SmtpModel model)
        {
            string? found = null;
            foreach (var operation in WalkAll(condition))
            {
                if (operation is IConversionOperation or IParenthesizedOperation || !model.IsStatusCode(operation, out _))
                {
                    continue;
                }

                var current = operation;
                var parent = current.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                if (Negation.IsBetween(parent, condition))
                {
                    return null;
                }

                switch (parent)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary:
                        found ??= Permanent(ReferenceEquals(binary.LeftOperand, current) ? binary.RightOperand : binary.LeftOperand);
                        break;
                    case IIsPatternOperation isPattern when ReferenceEquals(isPattern.Value, current):
                        foreach (var pattern in WalkAll(isPattern.Pattern))
                        {
                            if (pattern is IConstantPatternOperation constant)
                            {
                                found ??= Permanent(constant.Value);
                            }
                        }

                        break;
                }
            }

            return found;
        }

        /// <summary>
        /// Whether <paramref name="condition"/> lets MailKit's authentication failures through by type
        /// (<c>ex is AuthenticationException</c>, not under a negation): the exception type a retry predicate names.
        /// </summary>
        private static string? AuthenticationFailureListed(IOperation condition, SmtpModel model)
        {
            foreach (var operation in WalkAll(condition))
            {
                var type = operation switch
                {
                    IIsTypeOperation isType => isType.TypeOperand,
                    ITypePatternOperation typePattern => typePattern.MatchedType,
                    IDeclarationPatternOperation declaration => declaration.MatchedType,
                    _ => null,
                };
                if (type is not null
                    && model.IsAuthenticationFailure(type)
                    && !IsNegated(operation)
                    && !Negation.IsBetween(operation.Parent, condition))
                {
                    return type.Name;
                }
            }

            return null;
        }

        /// <summary>
        /// The first 5yz code a section of a switch on a status code lists in its cases (<c>case MailboxUnavailable:</c>,
        /// <c>case 550:</c>, <c>case A or B:</c>), or null; a section with a guard (<c>when</c>) or a default is no allow-list.
        /// </summary>
        private static string? PermanentCase(ISwitchCaseOperation section, IOperation value, SmtpModel model)
        {
            if (!model.IsStatusCode(value, out _))
            {
                return null;
            }

            string? found = null;
            foreach (var clause in section.Clauses)
            {
                switch (clause)
                {
                    case ISingleValueCaseClauseOperation single:
                        found ??= Permanent(single.Value);
                        break;
                    case IPatternCaseClauseOperation { Guard: null } pattern:
                        foreach (var part in WalkAll(pattern.Pattern))
                        {
                            if (part is IConstantPatternOperation constant && !Negation.IsBetween(constant, pattern.Pattern))
                            {
                                found ??= Permanent(constant.Value);
                            }
                            else if (part is IRelationalPatternOperation or INegatedPatternOperation)
                            {
                                return null;
                            }
                        }

                        break;
                    default:
                        return null;
                }
            }

            return found;
        }

        /// <summary>The constant <paramref name="value"/> described for the message when it is a 5yz code, else null.</summary>
        private static string? Permanent(IOperation value)
        {
            // One read of the constant: each read of ConstantValue boxes it again.
            if (!IntegerConstants.TryGetInt64(value, out var code))
            {
                return null;
            }

            if (code < 500 || code > 599 || ReplyCodeTable.IsLegacyTransient(code))
            {
                return null;
            }

            return Unwrap.AllConversions(value) is IFieldReferenceOperation field
                ? field.Field.Name + ", a " + code.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
