using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.ReplyCodes
{
    /// <summary>
    /// A reply code or enhanced status code looked for in the text of an SMTP exception:
    /// <c>ex.Message.Contains("550")</c>, <c>ex.ToString().IndexOf("5.1.1")</c>, <c>text == "421"</c>,
    /// <c>Regex.IsMatch(ex.Message, @"5\.7\.57")</c>. Shared by SMTP1004 and its code fix.
    /// </summary>
    internal sealed class CodeTextSearch
    {
        private CodeTextSearch(IOperation codeValue, StatusCodeText code, SmtpExceptionText text, IOperation? test, bool testIsNegative)
        {
            CodeValue = codeValue;
            Code = code;
            Text = text;
            Test = test;
            TestIsNegative = testIsNegative;
        }

        /// <summary>The string constant that holds the code (the diagnostic's location).</summary>
        public IOperation CodeValue { get; }

        public StatusCodeText Code { get; }

        /// <summary>The exception text searched.</summary>
        public SmtpExceptionText Text { get; }

        /// <summary>
        /// The whole yes/no test, when it is one whose meaning is "the text holds the code" or its opposite
        /// (a bool call, <c>==</c>/<c>!=</c>, <c>IndexOf(...) &gt;= 0</c>, <c>Regex.Match(...).Success</c> with a
        /// pattern that is only the code); null when the search is used some other way.
        /// </summary>
        public IOperation? Test { get; }

        /// <summary>The test is true when the text does NOT hold the code (<c>!=</c>, <c>IndexOf(...) &lt; 0</c>).</summary>
        public bool TestIsNegative { get; }

        /// <summary>Finds a code searched for in SMTP exception text by <paramref name="operation"/>, an invocation or a binary operator.</summary>
        public static bool TryFind(IOperation operation, SmtpModel model, out CodeTextSearch search)
        {
            search = null!;
            switch (operation.Kind)
            {
                case OperationKind.Invocation:
                    return TryFindInInvocation((IInvocationOperation)operation, model, out search);
                case OperationKind.Binary:
                    return TryFindInBinary((IBinaryOperation)operation, model, out search);
                default:
                    return false;
            }
        }

        private static bool TryFindInBinary(IBinaryOperation binary, SmtpModel model, out CodeTextSearch search)
        {
            search = null!;
            if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
            {
                return false;
            }

            // Cheapest first: one side is a string constant that is a code.
            var left = Unwrap.ImplicitConversions(binary.LeftOperand);
            var right = Unwrap.ImplicitConversions(binary.RightOperand);
            IOperation codeValue;
            IOperation other;
            StatusCodeText code;
            if (IsCodeConstant(right, out code))
            {
                codeValue = right;
                other = left;
            }
            else if (IsCodeConstant(left, out code))
            {
                codeValue = left;
                other = right;
            }
            else
            {
                return false;
            }

            if (other.Type?.SpecialType != SpecialType.System_String || !model.IsSmtpExceptionText(other, out var text))
            {
                return false;
            }

            search = new CodeTextSearch(codeValue, code, text, binary, binary.OperatorKind == BinaryOperatorKind.NotEquals);
            return true;
        }

        /// <summary>The names of the methods <see cref="TryFind"/> reads a search from: string searches and Regex.</summary>
        public static readonly string[] SearchMethodNames =
        {
            nameof(string.Contains),
            nameof(string.StartsWith),
            nameof(string.EndsWith),
            nameof(string.IndexOf),
            nameof(string.LastIndexOf),
            nameof(string.Equals),
            "IsMatch",
            "Match",
        };

        private static bool TryFindInInvocation(IInvocationOperation invocation, SmtpModel model, out CodeTextSearch search)
        {
            search = null!;
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case nameof(string.Contains):
                case nameof(string.StartsWith):
                case nameof(string.EndsWith):
                case nameof(string.IndexOf):
                case nameof(string.LastIndexOf):
                case nameof(string.Equals):
                    return TryFindInStringMethod(invocation, model, out search);
                case "IsMatch":
                case "Match":
                    return TryFindInRegex(invocation, model, out search);
                default:
                    return false;
            }
        }

        private static bool TryFindInStringMethod(IInvocationOperation invocation, SmtpModel model, out CodeTextSearch search)
        {
            search = null!;
            var method = invocation.TargetMethod;

            // The receiver type first: most calls by these names (a list's Contains, a value's Equals) are not on strings.
            if (method.ContainingType?.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            IOperation? codeValue = null;
            IOperation? other = null;
            var code = default(StatusCodeText);

            if (method.IsStatic)
            {
                // string.Equals(a, b[, comparison])
                if (method.Name != nameof(string.Equals) || invocation.Arguments.Length < 2)
                {
                    return false;
                }

                var first = ArgumentAt(invocation, 0);
                var second = ArgumentAt(invocation, 1);
                if (first is null || second is null)
                {
                    return false;
                }

                if (IsCodeConstant(second, out code))
                {
                    codeValue = second;
                    other = first;
                }
                else if (IsCodeConstant(first, out code))
                {
                    codeValue = first;
                    other = second;
                }
            }
            else if (invocation.Instance is { } instance && ArgumentAt(invocation, 0) is { } argument)
            {
                if (IsCodeConstant(argument, out code))
                {
                    codeValue = argument;
                    other = instance;
                }
                else if (method.Name == nameof(string.Equals) && IsCodeConstant(Unwrap.ImplicitConversions(instance), out code))
                {
                    // "550".Equals(ex.Message)
                    codeValue = Unwrap.ImplicitConversions(instance);
                    other = argument;
                }
            }

            if (codeValue is null || other is null || !model.IsSmtpExceptionText(other, out var text))
            {
                return false;
            }

            IOperation? test = invocation;
            var negative = false;
            if (method.Name is nameof(string.IndexOf) or nameof(string.LastIndexOf))
            {
                test = IndexComparison(invocation, out negative);
            }

            if (text.Conditional)
            {
                test = null;
            }

            search = new CodeTextSearch(codeValue, code, text, test, negative);
            return true;
        }

        private static bool TryFindInRegex(IInvocationOperation invocation, SmtpModel model, out CodeTextSearch search)
        {
            search = null!;
            IOperation? pattern;
            IOperation? input = null;
            if (invocation.TargetMethod.IsStatic)
            {
                // Regex.IsMatch(input, pattern, ...), Regex.Match(input, pattern, ...)
                pattern = ArgumentNamed(invocation.Arguments, "pattern");
                input = ArgumentNamed(invocation.Arguments, "input");
            }
            else
            {
                // new Regex(pattern).IsMatch(input)
                pattern = invocation.Instance is { } instance && Unwrap.ImplicitConversions(instance) is IObjectCreationOperation creation
                    ? ArgumentNamed(creation.Arguments, "pattern")
                    : null;
                input = pattern is null ? null : ArgumentNamed(invocation.Arguments, "input");
            }

            if (pattern?.ConstantValue.Value is not string patternText
                || !StatusCodeText.TryFindInPattern(patternText, out var code, out var exact)
                || input is null
                || model.Regex is null
                || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, model.Regex)
                || !model.IsSmtpExceptionText(input, out var text))
            {
                return false;
            }

            IOperation? test = null;
            if (exact && !text.Conditional)
            {
                if (invocation.TargetMethod.Name == "IsMatch")
                {
                    test = invocation;
                }
                else if (invocation.Parent is IPropertyReferenceOperation { Property.Name: "Success" } success)
                {
                    test = success;
                }
            }

            search = new CodeTextSearch(pattern, code, text, test, testIsNegative: false);
            return true;
        }

        /// <summary>
        /// The comparison around <c>IndexOf</c> that turns it into "found" (<c>&gt;= 0</c>, <c>&gt; -1</c>,
        /// <c>!= -1</c>) or "not found" (<c>&lt; 0</c>, <c>== -1</c>); null for anything else (<c>== 0</c> is a
        /// position test, not a search).
        /// </summary>
        private static IOperation? IndexComparison(IInvocationOperation indexOf, out bool negative)
        {
            negative = false;
            IOperation current = indexOf;
            while (current.Parent is IParenthesizedOperation parenthesized)
            {
                current = parenthesized;
            }

            if (current.Parent is not IBinaryOperation comparison)
            {
                return null;
            }

            var indexOnLeft = ReferenceEquals(comparison.LeftOperand, current);
            var bound = indexOnLeft ? comparison.RightOperand : comparison.LeftOperand;
            if (bound.ConstantValue.Value is not int value)
            {
                return null;
            }

            // Normalise to "index OP value".
            var kind = indexOnLeft ? comparison.OperatorKind : Mirror(comparison.OperatorKind);
            switch (kind)
            {
                case BinaryOperatorKind.GreaterThanOrEqual when value == 0:
                case BinaryOperatorKind.GreaterThan when value == -1:
                case BinaryOperatorKind.NotEquals when value == -1:
                    return comparison;
                case BinaryOperatorKind.LessThan when value == 0:
                case BinaryOperatorKind.LessThanOrEqual when value == -1:
                case BinaryOperatorKind.Equals when value == -1:
                    negative = true;
                    return comparison;
                default:
                    return null;
            }
        }

        private static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
            BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
            BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
            _ => kind,
        };

        private static bool IsCodeConstant(IOperation operation, out StatusCodeText code)
        {
            code = default;
            // The type first: reading the constant of an integer boxes it.
            return StringConstants.TryGet(operation, out var value) && StatusCodeText.TryParse(value, out code);
        }

        /// <summary>The value passed for the parameter at <paramref name="ordinal"/>, without implicit conversions.</summary>
        private static IOperation? ArgumentAt(IInvocationOperation invocation, int ordinal)
            => Arguments.ByOrdinal(invocation, ordinal) is { } argument ? Unwrap.ImplicitConversions(argument.Value) : null;

        private static IOperation? ArgumentNamed(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string name)
            => Arguments.ByName(arguments, name) is { } argument ? Unwrap.ImplicitConversions(argument.Value) : null;
    }
}
