using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Operations
{
    /// <summary>
    /// Roslyn-only: integer constants read without boxing where the source spells them as a plain decimal literal.
    /// <see cref="IOperation.ConstantValue"/> boxes an integer again at every read, and the first checks of the
    /// literals and comparisons of a whole project read one each: most of the package's allocations in code without
    /// mail. Every other form (hexadecimal, separators, suffixes, named constants, implicit literals) is read from
    /// <see cref="IOperation.ConstantValue"/>, so each answer is the one it gives.
    /// </summary>
    internal static class IntegerConstants
    {
        /// <summary>The value of a constant of type <see cref="int"/>; false for any other constant and for a value that is not constant.</summary>
        public static bool TryGetInt32(IOperation operation, out int value)
        {
            if (operation.Kind == OperationKind.Literal && TryParseDecimal((ILiteralOperation)operation, out value))
            {
                return true;
            }

            if (operation.ConstantValue.Value is int constant)
            {
                value = constant;
                return true;
            }

            value = 0;
            return false;
        }

        /// <summary>
        /// The value of a constant of type <see cref="int"/>, <see cref="long"/> or <see cref="short"/>; false for any
        /// other constant and for a value that is not constant.
        /// </summary>
        public static bool TryGetInt64(IOperation operation, out long value)
        {
            if (TryParseDecimalOfWidenedType(operation, out var parsed))
            {
                value = parsed;
                return true;
            }

            value = 0;
            var constant = operation.ConstantValue;
            if (!constant.HasValue)
            {
                return false;
            }

            switch (constant.Value)
            {
                case int i:
                    value = i;
                    return true;
                case long l:
                    value = l;
                    return true;
                case short s:
                    value = s;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Whether <paramref name="operation"/> has a constant value (null included), without reading an integer literal's
        /// value, or the value of a named constant (an enum member, a const field or local): their symbols say whether
        /// they have one.
        /// </summary>
        public static bool HasConstant(IOperation operation)
        {
            switch (operation.Kind)
            {
                case OperationKind.FieldReference:
                    return ((IFieldReferenceOperation)operation).Field.HasConstantValue;
                case OperationKind.LocalReference:
                    return ((ILocalReferenceOperation)operation).Local.HasConstantValue;
                default:
                    return IsPlainInt32Literal(operation) || operation.ConstantValue.HasValue;
            }
        }

        /// <summary>
        /// Whether <paramref name="operation"/> has a constant value other than null, without reading an integer
        /// literal's value.
        /// </summary>
        public static bool IsNonNullConstant(IOperation operation)
        {
            switch (operation.Kind)
            {
                case OperationKind.FieldReference:
                    // A constant of a value type (an enum member, say) is never null: its value is not read.
                    var field = ((IFieldReferenceOperation)operation).Field;
                    return field.HasConstantValue && (field.Type.IsValueType || field.ConstantValue is not null);
                case OperationKind.LocalReference:
                    var local = ((ILocalReferenceOperation)operation).Local;
                    return local.HasConstantValue && (local.Type.IsValueType || local.ConstantValue is not null);
            }

            if (IsPlainInt32Literal(operation))
            {
                return true;
            }

            var constant = operation.ConstantValue;
            return constant.HasValue && constant.Value is not null;
        }

        /// <summary>
        /// A decimal <see cref="int"/> literal as written, or one widened by an implicit conversion to
        /// <see cref="long"/> or <see cref="short"/> (a constant conversion: the value does not change).
        /// </summary>
        private static bool TryParseDecimalOfWidenedType(IOperation operation, out int value)
        {
            if (operation.Kind == OperationKind.Conversion && operation.IsImplicit)
            {
                var target = operation.Type?.SpecialType;
                if (target is not (SpecialType.System_Int64 or SpecialType.System_Int16))
                {
                    value = 0;
                    return false;
                }

                operation = ((IConversionOperation)operation).Operand;
            }

            if (operation.Kind != OperationKind.Literal)
            {
                value = 0;
                return false;
            }

            return TryParseDecimal((ILiteralOperation)operation, out value);
        }

        private static bool TryParseDecimal(ILiteralOperation literal, out int value)
        {
            value = 0;
            if (!IsPlainInt32Literal(literal))
            {
                return false;
            }

            var text = ((LiteralExpressionSyntax)literal.Syntax).Token.Text;
            foreach (var character in text)
            {
                value = (value * 10) + (character - '0');
            }

            return true;
        }

        /// <summary>
        /// Whether <paramref name="operation"/> is an <see cref="int"/> literal written in its own syntax as one to nine
        /// decimal digits: its value is its text. A compiler-made literal (a default argument) has no such syntax.
        /// </summary>
        private static bool IsPlainInt32Literal(IOperation operation)
        {
            if (operation.Kind != OperationKind.Literal || operation.Type?.SpecialType != SpecialType.System_Int32
                || operation.IsImplicit || operation.Syntax is not LiteralExpressionSyntax syntax || !syntax.IsKind(SyntaxKind.NumericLiteralExpression))
            {
                return false;
            }

            var text = syntax.Token.Text;
            if (text.Length is 0 or > 9)
            {
                return false;
            }

            foreach (var character in text)
            {
                if (character is < '0' or > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
