using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>The certificate errors a callback accepts, as SslPolicyErrors bits (the probe values).</summary>
    [Flags]
    internal enum AcceptedErrors
    {
        None = 0,
        RemoteCertificateNotAvailable = 1,
        RemoteCertificateNameMismatch = 2,
        RemoteCertificateChainErrors = 4,
        All = 7,
    }

    /// <summary>
    /// SMTP3003's three-valued evaluator: runs a certificate validation callback's body once per probe value of its
    /// <c>errors</c> parameter (RemoteCertificateNotAvailable, RemoteCertificateNameMismatch,
    /// RemoteCertificateChainErrors), with the sender, certificate, chain, fields and calls unknown, and tells for which
    /// probes the callback certainly returns <c>true</c>. Pure: it reads only the operations it is given.
    /// </summary>
    internal static class CertificateCallbackEvaluator
    {
        private static readonly AcceptedErrors[] Probes =
        {
            AcceptedErrors.RemoteCertificateNotAvailable,
            AcceptedErrors.RemoteCertificateNameMismatch,
            AcceptedErrors.RemoteCertificateChainErrors,
        };

        private enum Tri
        {
            False,
            True,
            Unknown,
        }

        private enum Flow
        {
            /// <summary>The statement completed without returning: go on with the next.</summary>
            Continue,

            /// <summary>The statement returned (or threw): the result is known to be the returned value.</summary>
            Returned,

            /// <summary>Whether or what the statement returns is not known.</summary>
            Unknown,
        }

        /// <summary>
        /// The probes for which <paramref name="body"/> certainly returns true. <paramref name="body"/> is a function body
        /// (<see cref="IBlockOperation"/>, <see cref="IMethodBodyOperation"/>, a local function); <paramref name="errors"/>
        /// is the callback's <c>SslPolicyErrors</c> parameter, or null when the body cannot name it (<c>delegate { ... }</c>).
        /// </summary>
        public static AcceptedErrors Evaluate(IOperation body, IParameterSymbol? errors)
        {
            var accepted = AcceptedErrors.None;
            foreach (var probe in Probes)
            {
                if (Run(body, new Context(errors, (long)probe), out var result) == Flow.Returned && result == Tri.True)
                {
                    accepted |= probe;
                }
            }

            return accepted;
        }

        private static Flow Run(IOperation statement, Context context, out Tri result)
        {
            result = Tri.Unknown;
            switch (statement)
            {
                case IMethodBodyOperation methodBody:
                    return methodBody.BlockBody is { } block ? Run(block, context, out result)
                        : methodBody.ExpressionBody is { } expression ? Run(expression, context, out result)
                        : Flow.Unknown;
                case ILocalFunctionOperation localFunction:
                    return localFunction.Body is { } localBody ? Run(localBody, context, out result) : Flow.Unknown;
                case IBlockOperation blockOperation:
                    foreach (var inner in blockOperation.Operations)
                    {
                        var flow = Run(inner, context, out result);
                        if (flow != Flow.Continue)
                        {
                            return flow;
                        }
                    }

                    return Flow.Continue;
                case IReturnOperation { Kind: OperationKind.Return } returnOperation:
                    result = ToTri(Value(returnOperation.ReturnedValue, context));
                    return Flow.Returned;
                case IThrowOperation:
                case IExpressionStatementOperation { Operation: IThrowOperation }:
                    result = Tri.False;
                    return Flow.Returned;
                case IConditionalOperation conditional when ContainsExit(conditional):
                    switch (ToTri(Value(conditional.Condition, context)))
                    {
                        case Tri.True:
                            return Run(conditional.WhenTrue, context, out result);
                        case Tri.False:
                            return conditional.WhenFalse is { } whenFalse ? Run(whenFalse, context, out result) : Flow.Continue;
                        default:
                            return Flow.Unknown;
                    }

                default:
                    return ContainsExit(statement) ? Flow.Unknown : Flow.Continue;
            }
        }

        /// <summary>Whether <paramref name="operation"/> holds a return or throw of its own (not of a nested function).</summary>
        private static bool ContainsExit(IOperation operation)
        {
            switch (operation)
            {
                case IReturnOperation { Kind: OperationKind.Return }:
                case IThrowOperation:
                    return true;
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                    return false;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (ContainsExit(child))
                {
                    return true;
                }
            }

            return false;
        }

        private static Known Value(IOperation? operation, Context context)
        {
            if (operation is null)
            {
                return default;
            }

            var constant = operation.ConstantValue;
            if (constant.HasValue)
            {
                return FromConstant(constant.Value);
            }

            switch (operation)
            {
                case IParameterReferenceOperation parameter when context.Errors is not null
                    && SymbolEqualityComparer.Default.Equals(parameter.Parameter, context.Errors):
                    return Known.Integer(context.Probe);
                case IConversionOperation conversion when conversion.OperatorMethod is null:
                    return Value(conversion.Operand, context);
                case IUnaryOperation unary when unary.OperatorMethod is null:
                    return Unary(unary, context);
                case IBinaryOperation binary when binary.OperatorMethod is null:
                    return Binary(binary, context);
                case IConditionalOperation conditional:
                    return Conditional(conditional, context);
                case IInvocationOperation invocation:
                    return HasFlag(invocation, context);
                case IIsPatternOperation isPattern:
                    return FromTri(Match(isPattern.Pattern, Value(isPattern.Value, context), context));
                default:
                    return default;
            }
        }

        private static Known Unary(IUnaryOperation unary, Context context)
        {
            var operand = Value(unary.Operand, context);
            switch (unary.OperatorKind)
            {
                case UnaryOperatorKind.Not:
                    return FromTri(Not(ToTri(operand)));
                case UnaryOperatorKind.BitwiseNegation when operand.Kind == ValueKind.Integer:
                    return Known.Integer(~operand.Number);
                default:
                    return default;
            }
        }

        private static Known Binary(IBinaryOperation binary, Context context)
        {
            var left = Value(binary.LeftOperand, context);
            var right = Value(binary.RightOperand, context);
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.ConditionalAnd:
                    return FromTri(And(ToTri(left), ToTri(right)));
                case BinaryOperatorKind.ConditionalOr:
                    return FromTri(Or(ToTri(left), ToTri(right)));
                case BinaryOperatorKind.And:
                    return left.Kind == ValueKind.Integer && right.Kind == ValueKind.Integer
                        ? Known.Integer(left.Number & right.Number)
                        : FromTri(And(ToTri(left), ToTri(right)));
                case BinaryOperatorKind.Or:
                    return left.Kind == ValueKind.Integer && right.Kind == ValueKind.Integer
                        ? Known.Integer(left.Number | right.Number)
                        : FromTri(Or(ToTri(left), ToTri(right)));
                case BinaryOperatorKind.ExclusiveOr:
                    if (left.Kind == ValueKind.Integer && right.Kind == ValueKind.Integer)
                    {
                        return Known.Integer(left.Number ^ right.Number);
                    }

                    return left.Kind == ValueKind.Boolean && right.Kind == ValueKind.Boolean
                        ? Known.Boolean(left.Flag ^ right.Flag)
                        : default;
                case BinaryOperatorKind.Equals:
                    return FromTri(Equal(left, right));
                case BinaryOperatorKind.NotEquals:
                    return FromTri(Not(Equal(left, right)));
                default:
                    return default;
            }
        }

        private static Known Conditional(IConditionalOperation conditional, Context context)
        {
            switch (ToTri(Value(conditional.Condition, context)))
            {
                case Tri.True:
                    return Value(conditional.WhenTrue, context);
                case Tri.False:
                    return Value(conditional.WhenFalse, context);
                default:
                    var whenTrue = Value(conditional.WhenTrue, context);
                    var whenFalse = Value(conditional.WhenFalse, context);
                    return Equal(whenTrue, whenFalse) == Tri.True ? whenTrue : default;
            }
        }

        /// <summary><c>errors.HasFlag(constant)</c>: System.Enum.HasFlag on known values.</summary>
        private static Known HasFlag(IInvocationOperation invocation, Context context)
        {
            if (invocation.TargetMethod.Name != "HasFlag"
                || invocation.TargetMethod.ContainingType?.SpecialType != SpecialType.System_Enum
                || invocation.Arguments.Length != 1)
            {
                return default;
            }

            var instance = Value(invocation.Instance, context);
            var flag = Value(invocation.Arguments[0].Value, context);
            return instance.Kind == ValueKind.Integer && flag.Kind == ValueKind.Integer
                ? Known.Boolean((instance.Number & flag.Number) == flag.Number)
                : default;
        }

        private static Tri Match(IPatternOperation pattern, Known value, Context context)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return Equal(value, Value(constant.Value, context));
                case INegatedPatternOperation negated:
                    return Not(Match(negated.Pattern, value, context));
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                    return Or(Match(or.LeftPattern, value, context), Match(or.RightPattern, value, context));
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and:
                    return And(Match(and.LeftPattern, value, context), Match(and.RightPattern, value, context));
                default:
                    return Tri.Unknown;
            }
        }

        private static Tri Equal(Known left, Known right)
        {
            if (left.Kind == ValueKind.Unknown || right.Kind == ValueKind.Unknown || left.Kind != right.Kind)
            {
                return Tri.Unknown;
            }

            return left.Kind == ValueKind.Integer
                ? (left.Number == right.Number ? Tri.True : Tri.False)
                : (left.Flag == right.Flag ? Tri.True : Tri.False);
        }

        private static Tri Not(Tri value) => value switch
        {
            Tri.True => Tri.False,
            Tri.False => Tri.True,
            _ => Tri.Unknown,
        };

        private static Tri And(Tri left, Tri right)
            => left == Tri.False || right == Tri.False ? Tri.False
                : left == Tri.True && right == Tri.True ? Tri.True
                : Tri.Unknown;

        private static Tri Or(Tri left, Tri right)
            => left == Tri.True || right == Tri.True ? Tri.True
                : left == Tri.False && right == Tri.False ? Tri.False
                : Tri.Unknown;

        private static Tri ToTri(Known value)
            => value.Kind != ValueKind.Boolean ? Tri.Unknown : value.Flag ? Tri.True : Tri.False;

        private static Known FromTri(Tri value)
            => value == Tri.Unknown ? default : Known.Boolean(value == Tri.True);

        private static Known FromConstant(object? constant)
        {
            switch (constant)
            {
                case bool flag:
                    return Known.Boolean(flag);
                case int or long or short or sbyte or byte or ushort or uint:
                    return Known.Integer(Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture));
                case ulong unsigned:
                    return Known.Integer(unchecked((long)unsigned));
                default:
                    return default;
            }
        }

        private readonly struct Context
        {
            public Context(IParameterSymbol? errors, long probe)
            {
                Errors = errors;
                Probe = probe;
            }

            public IParameterSymbol? Errors { get; }

            public long Probe { get; }
        }
    }

    internal enum ValueKind
    {
        Unknown,
        Boolean,
        Integer,
    }

    /// <summary>A value the evaluator knows: a boolean, an integer (enum values included), or nothing.</summary>
    internal readonly struct Known
    {
        private Known(ValueKind kind, bool flag, long number)
        {
            Kind = kind;
            Flag = flag;
            Number = number;
        }

        public ValueKind Kind { get; }

        public bool Flag { get; }

        public long Number { get; }

        public static Known Boolean(bool flag) => new Known(ValueKind.Boolean, flag, 0);

        public static Known Integer(long number) => new Known(ValueKind.Integer, false, number);
    }
}
