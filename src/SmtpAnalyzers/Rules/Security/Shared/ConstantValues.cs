using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// The spec's constant values: <see cref="IOperation.ConstantValue"/> after conversions, and "may be X" through
    /// conditionals (either branch), <c>??</c> (right side), switch expressions (any arm) and locals (any value assigned
    /// in the member).
    /// </summary>
    internal static class ConstantValues
    {
        private const int MaxDepth = 8;

        /// <summary>Whether <paramref name="operation"/> is the constant <paramref name="expected"/>.</summary>
        public static bool IsConstant(IOperation? operation, object expected)
            => operation is not null && operation.ConstantValue is { HasValue: true } constant && Equals(constant.Value, expected);

        /// <summary>The integer value of a constant (enum or number), if any.</summary>
        public static long? AsInt64(IOperation? operation)
        {
            if (operation is null || !operation.ConstantValue.HasValue)
            {
                return null;
            }

            return operation.ConstantValue.Value switch
            {
                int i => i,
                long l => l,
                short s => s,
                byte b => b,
                sbyte sb => sb,
                ushort us => us,
                uint ui => ui,
                _ => null,
            };
        }

        /// <summary>
        /// Adds every constant <paramref name="operation"/> may be to <paramref name="values"/>; returns false when a
        /// part of it is not constant (a configured value).
        /// </summary>
        public static bool Possible(IOperation? operation, List<object?> values)
            => Possible(operation, values, 0);

        /// <summary>Whether <paramref name="operation"/> may be the constant <paramref name="expected"/>.</summary>
        public static bool MayBe(IOperation? operation, object expected)
        {
            var values = new List<object?>();
            Possible(operation, values);
            foreach (var value in values)
            {
                if (Equals(value, expected))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Possible(IOperation? operation, List<object?> values, int depth)
        {
            if (operation is null || depth > MaxDepth)
            {
                return false;
            }

            if (operation.ConstantValue.HasValue)
            {
                values.Add(operation.ConstantValue.Value);
                return true;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Possible(conversion.Operand, values, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return Possible(parenthesized.Operand, values, depth + 1);
                case IConditionalOperation conditional when conditional.WhenFalse is not null:
                    var whenTrue = Possible(conditional.WhenTrue, values, depth + 1);
                    var whenFalse = Possible(conditional.WhenFalse, values, depth + 1);
                    return whenTrue && whenFalse;
                case ICoalesceOperation coalesce:
                    Possible(coalesce.WhenNull, values, depth + 1);
                    return false;
                case ISwitchExpressionOperation switchExpression:
                    var all = true;
                    foreach (var arm in switchExpression.Arms)
                    {
                        all &= Possible(arm.Value, values, depth + 1);
                    }

                    return all;
                case ILocalReferenceOperation local:
                    return PossibleLocal(local, values, depth);
                default:
                    return false;
            }
        }

        private static bool PossibleLocal(ILocalReferenceOperation reference, List<object?> values, int depth)
        {
            var local = reference.Local;
            if (local.IsRef)
            {
                return false;
            }

            var root = ClientFacts.MemberRoot(reference);
            var all = true;
            var any = false;
            foreach (var operation in OperationWalk.Descendants(root))
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                        if (initializer is not null)
                        {
                            any = true;
                            all &= Possible(initializer.Value, values, depth + 1);
                        }

                        break;
                    case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local):
                        any = true;
                        all &= assignment is ISimpleAssignmentOperation simple && Possible(simple.Value, values, depth + 1);
                        break;
                    case IArgumentOperation { Value: ILocalReferenceOperation argument } byRef when byRef.Parameter is { RefKind: RefKind.Ref or RefKind.Out } && SymbolEqualityComparer.Default.Equals(argument.Local, local):
                        all = false;
                        break;
                    case IDeclarationExpressionOperation:
                        break;
                }
            }

            return any && all;
        }
    }
}
