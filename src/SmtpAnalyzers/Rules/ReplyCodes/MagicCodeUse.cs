using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.ReplyCodes
{
    /// <summary>How a number literal meets an SMTP status code.</summary>
    internal enum MagicCodeUseKind
    {
        /// <summary><c>==</c>, <c>!=</c> or <c>Equals</c> with a status code.</summary>
        Equality,

        /// <summary>A <c>case</c> label of a switch statement over a status code.</summary>
        CaseLabel,

        /// <summary>A constant pattern tested against a status code (is, switch expression, property pattern).</summary>
        Pattern,

        /// <summary>An element of a collection tested for membership with a status code.</summary>
        Membership,

        /// <summary>A bound of a relational comparison or pattern (the reply-class rules own these).</summary>
        RelationalBound,

        /// <summary>A cast of the number to an SmtpStatusCode enum, anywhere else.</summary>
        EnumCast,
    }

    /// <summary>Where a literal that may be a reply code is used, found by walking up from the literal.</summary>
    internal readonly struct MagicCodeUse
    {
        /// <summary>The member's name, without <see cref="System.Enum.ToString()"/> (reflection on its first call in a process).</summary>
        public static string Name(MagicCodeUseKind kind) => kind switch
        {
            MagicCodeUseKind.Equality => nameof(MagicCodeUseKind.Equality),
            MagicCodeUseKind.CaseLabel => nameof(MagicCodeUseKind.CaseLabel),
            MagicCodeUseKind.Pattern => nameof(MagicCodeUseKind.Pattern),
            MagicCodeUseKind.Membership => nameof(MagicCodeUseKind.Membership),
            MagicCodeUseKind.RelationalBound => nameof(MagicCodeUseKind.RelationalBound),
            _ => nameof(MagicCodeUseKind.EnumCast),
        };

        private MagicCodeUse(MagicCodeUseKind kind, SmtpLibrary library, IOperation? statusCode, IConversionOperation? enumCast)
        {
            Kind = kind;
            Library = library;
            StatusCode = statusCode;
            EnumCast = enumCast;
        }

        public MagicCodeUseKind Kind { get; }

        public SmtpLibrary Library { get; }

        /// <summary>The status-code operand the literal meets, when there is one.</summary>
        public IOperation? StatusCode { get; }

        /// <summary>The conversion of the literal to an SmtpStatusCode enum, when it is cast to one.</summary>
        public IConversionOperation? EnumCast { get; }

        /// <summary>
        /// Finds how <paramref name="number"/> (a literal, or the negation of one) is used with an SMTP status code.
        /// </summary>
        public static bool TryFind(IOperation number, SmtpModel model, out MagicCodeUse use)
        {
            use = default;
            IConversionOperation? enumCast = null;
            var enumLibrary = default(SmtpLibrary);
            var current = number;
            while (current.Parent is { Kind: OperationKind.Conversion } parent)
            {
                var conversion = (IConversionOperation)parent;
                if (model.IsStatusCodeEnum(conversion.Type, out var castLibrary))
                {
                    enumCast = conversion;
                    enumLibrary = castLibrary;
                }

                current = conversion;
            }

            // Dispatched on Kind (one virtual call) rather than on a type test per operation interface: most numbers in the
            // reply range are none of these (array sizes, arguments, assignments), and each failed type test scans the
            // class's interface map.
            SmtpLibrary library;
            var user = current.Parent;
            switch (user?.Kind)
            {
                case OperationKind.Binary:
                    var binary = (IBinaryOperation)user;
                    var other = ReferenceEquals(binary.LeftOperand, current) ? binary.RightOperand : binary.LeftOperand;
                    if (model.IsStatusCode(other, out library))
                    {
                        switch (binary.OperatorKind)
                        {
                            case BinaryOperatorKind.Equals:
                            case BinaryOperatorKind.NotEquals:
                                use = new MagicCodeUse(MagicCodeUseKind.Equality, enumCast is null ? library : enumLibrary, other, enumCast);
                                return true;
                            case BinaryOperatorKind.LessThan:
                            case BinaryOperatorKind.LessThanOrEqual:
                            case BinaryOperatorKind.GreaterThan:
                            case BinaryOperatorKind.GreaterThanOrEqual:
                                use = new MagicCodeUse(MagicCodeUseKind.RelationalBound, library, other, enumCast);
                                return true;
                        }
                    }

                    break;

                case OperationKind.CaseClause when user is ISingleValueCaseClauseOperation clause && clause.Parent?.Parent is ISwitchOperation switchStatement:
                    if (model.IsStatusCode(switchStatement.Value, out library))
                    {
                        use = new MagicCodeUse(MagicCodeUseKind.CaseLabel, enumCast is null ? library : enumLibrary, switchStatement.Value, enumCast);
                        return true;
                    }

                    break;

                case OperationKind.ConstantPattern:
                    var constantPattern = (IConstantPatternOperation)user;
                    var tested = TestedValue(constantPattern);
                    if (model.IsStatusCode(tested, out library))
                    {
                        use = new MagicCodeUse(MagicCodeUseKind.Pattern, enumCast is null ? library : enumLibrary, tested, enumCast);
                        return true;
                    }

                    break;

                case OperationKind.RelationalPattern:
                    var relationalPattern = (IRelationalPatternOperation)user;
                    var bounded = TestedValue(relationalPattern);
                    if (model.IsStatusCode(bounded, out library))
                    {
                        use = new MagicCodeUse(MagicCodeUseKind.RelationalBound, library, bounded, enumCast);
                        return true;
                    }

                    break;

                case OperationKind.Argument when user.Parent is IInvocationOperation invocation:
                    var argument = (IArgumentOperation)user;
                    if (TryFindEqualsCall(argument, invocation, model, out var compared, out library))
                    {
                        use = new MagicCodeUse(MagicCodeUseKind.Equality, enumCast is null ? library : enumLibrary, compared, enumCast);
                        return true;
                    }

                    break;

                case OperationKind.ArrayInitializer:
                    var initializer = (IArrayInitializerOperation)user;
                    if (TryFindMembership(initializer, model, out var member, out library))
                    {
                        use = new MagicCodeUse(MagicCodeUseKind.Membership, enumCast is null ? library : enumLibrary, member, enumCast);
                        return true;
                    }

                    break;
            }

            if (enumCast is not null)
            {
                use = new MagicCodeUse(MagicCodeUseKind.EnumCast, enumLibrary, null, enumCast);
                return true;
            }

            return false;
        }

        /// <summary>The value a pattern is matched against, through and/or/not combinators.</summary>
        public static IOperation? TestedValue(IPatternOperation pattern)
        {
            IOperation current = pattern;
            while (current.Parent is IBinaryPatternOperation or INegatedPatternOperation)
            {
                current = current.Parent;
            }

            switch (current.Parent)
            {
                case IIsPatternOperation isPattern:
                    return isPattern.Value;
                case ISwitchExpressionArmOperation arm when arm.Parent is ISwitchExpressionOperation switchExpression:
                    return switchExpression.Value;
                case IPatternCaseClauseOperation caseClause when caseClause.Parent?.Parent is ISwitchOperation switchStatement:
                    return switchStatement.Value;
                case IPropertySubpatternOperation subpattern:
                    return subpattern.Member;
                default:
                    return null;
            }
        }

        private static bool TryFindEqualsCall(IArgumentOperation argument, IInvocationOperation invocation, SmtpModel model, out IOperation? compared, out SmtpLibrary library)
        {
            compared = null;
            library = default;
            if (invocation.TargetMethod.Name != nameof(Equals))
            {
                return false;
            }

            if (invocation.Instance is not null && invocation.Arguments.Length == 1)
            {
                compared = invocation.Instance;
                return model.IsStatusCode(compared, out library);
            }

            if (invocation.Instance is null && invocation.Arguments.Length == 2)
            {
                compared = ReferenceEquals(invocation.Arguments[0], argument) ? invocation.Arguments[1].Value : invocation.Arguments[0].Value;
                return model.IsStatusCode(compared, out library);
            }

            return false;
        }

        private static bool TryFindMembership(IArrayInitializerOperation initializer, SmtpModel model, out IOperation? member, out SmtpLibrary library)
        {
            member = null;
            library = default;
            if (initializer.Parent is not IArrayCreationOperation creation)
            {
                return false;
            }

            IOperation current = creation;
            while (current.Parent is IConversionOperation conversion)
            {
                current = conversion;
            }

            if (current.Parent is not IArgumentOperation argument || argument.Parent is not IInvocationOperation invocation)
            {
                return false;
            }

            switch (invocation.TargetMethod.Name)
            {
                case "Contains":
                case "IndexOf":
                    foreach (var other in invocation.Arguments)
                    {
                        if (!ReferenceEquals(other, argument) && model.IsStatusCode(other.Value, out library))
                        {
                            member = other.Value;
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }
    }
}
