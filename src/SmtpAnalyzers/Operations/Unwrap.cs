using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.Operations
{
    /// <summary>
    /// Roslyn-only: stepping through operations that do not change a value, with the policy named at each call. Tested by
    /// <see cref="IOperation.Kind"/>, one virtual call, where a type test per operation interface scans an interface map:
    /// these run under most first checks.
    /// </summary>
    internal static class Unwrap
    {
        /// <summary>Down through implicit conversions only.</summary>
        public static IOperation ImplicitConversions(IOperation operation)
        {
            while (operation.Kind == OperationKind.Conversion && operation.IsImplicit)
            {
                operation = ((IConversionOperation)operation).Operand;
            }

            return operation;
        }

        /// <summary>Down through every conversion, explicit casts included: the value before any conversion.</summary>
        public static IOperation AllConversions(IOperation operation)
        {
            while (operation.Kind == OperationKind.Conversion)
            {
                operation = ((IConversionOperation)operation).Operand;
            }

            return operation;
        }

        /// <summary>Down through implicit conversions and parentheses: the value as written.</summary>
        public static IOperation ImplicitConversionsAndParentheses(IOperation operation)
        {
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
                    default:
                        return operation;
                }
            }
        }

        /// <summary>
        /// Up through implicit conversions and parentheses: the outermost operation that still is <paramref name="operation"/>'s
        /// value, whose parent says what is done with it.
        /// </summary>
        public static IOperation UpThroughImplicitConversionsAndParentheses(IOperation operation)
        {
            while (operation.Parent is { } parent
                && ((parent.Kind == OperationKind.Conversion && parent.IsImplicit) || parent.Kind == OperationKind.Parenthesized))
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>
        /// The value of a Task-returning <paramref name="call"/> as the code around it uses it: up through implicit
        /// conversions, parentheses and <c>.ConfigureAwait(...)</c>, whose parent then says what is done with the Task.
        /// </summary>
        public static IOperation TaskValue(IOperation call)
        {
            var value = UpThroughImplicitConversionsAndParentheses(call);
            return value.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && ReferenceEquals(configure.Instance, value)
                ? UpThroughImplicitConversionsAndParentheses(configure)
                : value;
        }
    }
}
