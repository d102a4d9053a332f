using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.ReplyCodes
{
    /// <summary>
    /// SMTP1002: a reply class written as a numeric range (<c>&gt;= 500</c>, <c>is &gt;= 400 and &lt; 500</c>,
    /// <c>/ 100 == 4</c>, the first digit of the code's text). SMTP1003: a range whose boundary is not a
    /// class edge (<c>&gt;= SmtpStatusCode.MailboxUnavailable</c>).
    /// </summary>
    internal sealed class ReplyClassRangeRule : SmtpRule
    {
        /// <summary>Diagnostic property: the <see cref="ReplyClassCheck"/> the range amounts to.</summary>
        public const string CheckProperty = "Check";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.UseReplyClassCheck, Descriptors.WrongClassBoundary);

        public override void Start(RuleStart start)
        {
            var model = start.Model;
            start.OnComparisonWithConstant((c, _) => AnalyzeBinary(c, model));
            start.OnOperation(c => AnalyzeRelationalPattern(c, model), OperationKind.RelationalPattern);
            start.OnInvocation((c, _) => AnalyzeInvocation(c, model), "StartsWith");
        }

        private static void AnalyzeBinary(OperationAnalysisContext context, SmtpModel model)
        {
            var binary = (IBinaryOperation)context.Operation;
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.LessThan:
                case BinaryOperatorKind.LessThanOrEqual:
                case BinaryOperatorKind.GreaterThan:
                case BinaryOperatorKind.GreaterThanOrEqual:
                    if (!ReplyClassRange.MayBoundReplies(binary.RightOperand) && !ReplyClassRange.MayBoundReplies(binary.LeftOperand))
                    {
                        return;
                    }

                    if (!ReplyClassRange.TryFromComparison(binary, model, out var range))
                    {
                        return;
                    }

                    // "code >= 400 && code < 500" is one range, reported once, from its left comparison.
                    if (binary.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and
                        && and.LeftOperand is IBinaryOperation left && and.RightOperand is IBinaryOperation right
                        && ReplyClassRange.TryFromComparison(left, model, out var leftRange)
                        && ReplyClassRange.TryFromComparison(right, model, out var rightRange)
                        && ReplyClassRange.TryCombine(leftRange, rightRange, out var combined))
                    {
                        if (HasTwoOffEdgeBounds(combined))
                        {
                            // "code > 421 && code < 501": each bound is wrong in its own way, each its own finding.
                            ReportBound(context, model, binary, range);
                        }
                        else if (ReferenceEquals(binary, left))
                        {
                            Report(context, model, and, combined);
                        }

                        return;
                    }

                    Report(context, model, binary, range);
                    return;

                case BinaryOperatorKind.Equals:
                case BinaryOperatorKind.NotEquals:
                    AnalyzeFirstDigitComparison(context, model, binary);
                    return;
            }
        }

        private static void AnalyzeRelationalPattern(OperationAnalysisContext context, SmtpModel model)
        {
            var pattern = (IRelationalPatternOperation)context.Operation;
            if (!ReplyClassRange.MayBoundReplies(pattern.Value) || !ReplyClassRange.TryFromPattern(pattern, model, out var range))
            {
                return;
            }

            if (pattern.Parent is IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and
                && and.LeftPattern is IRelationalPatternOperation left && and.RightPattern is IRelationalPatternOperation right
                && ReplyClassRange.TryFromPattern(left, model, out var leftRange)
                && ReplyClassRange.TryFromPattern(right, model, out var rightRange)
                && ReplyClassRange.TryCombine(leftRange, rightRange, out var combined))
            {
                if (HasTwoOffEdgeBounds(combined))
                {
                    ReportBound(context, model, pattern, range);
                }
                else if (ReferenceEquals(pattern, left))
                {
                    Report(context, model, and, combined);
                }

                return;
            }

            Report(context, model, pattern, range);
        }

        /// <summary>A division, or an indexer with one argument (a property such as <c>ex.StatusCode</c> is neither).</summary>
        private static bool IsDivisionOrIndexer(IOperation operand)
        {
            var unwrapped = Unwrap.AllConversions(operand);
            return unwrapped.Kind switch
            {
                OperationKind.Binary => ((IBinaryOperation)unwrapped).OperatorKind == BinaryOperatorKind.Divide,
                OperationKind.PropertyReference => ((IPropertyReferenceOperation)unwrapped).Arguments.Length == 1,
                _ => false,
            };
        }

        /// <summary><c>code / 100 == 5</c> and <c>code.ToString()[0] == '5'</c>.</summary>
        private static void AnalyzeFirstDigitComparison(OperationAnalysisContext context, SmtpModel model, IBinaryOperation binary)
        {
            // The shapes first, by kind, before any constant is read (each read boxes it again): one side must be a
            // division or an indexer. Most equalities with a constant (null, 0, a char) have neither.
            if (!IsDivisionOrIndexer(binary.LeftOperand) && !IsDivisionOrIndexer(binary.RightOperand))
            {
                return;
            }

            // Which side is the constant, without reading an integer literal's boxed value.
            var constantOnRight = IntegerConstants.HasConstant(binary.RightOperand);
            var constant = constantOnRight ? binary.RightOperand : binary.LeftOperand;
            var other = Unwrap.AllConversions(constantOnRight ? binary.LeftOperand : binary.RightOperand);

            // And it must be the side that is not the constant.
            if (other.Kind is not (OperationKind.Binary or OperationKind.PropertyReference))
            {
                return;
            }

            if (!TryGetDigit(constant, out var digit))
            {
                return;
            }

            var isFirstDigit = other switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } divide
                    => IntegerConstants.TryGetInt32(divide.RightOperand, out var divisor) && divisor == 100 && model.IsStatusCode(divide.LeftOperand, out _),
                IPropertyReferenceOperation { Arguments.Length: 1 } indexer
                    => IntegerConstants.TryGetInt32(indexer.Arguments[0].Value, out var index) && index == 0 && IsNumericText(indexer.Instance, model),
                _ => false,
            };

            if (isFirstDigit)
            {
                ReportDigit(context, model, binary, digit, binary.OperatorKind == BinaryOperatorKind.NotEquals);
            }
        }

        /// <summary><c>code.ToString().StartsWith("5")</c>.</summary>
        private static void AnalyzeInvocation(OperationAnalysisContext context, SmtpModel model)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name != "StartsWith"
                || invocation.Arguments.Length == 0
                || !TryGetDigitArgument(invocation.Arguments[0].Value, out var digit)
                || !IsNumericText(invocation.Instance, model))
            {
                return;
            }

            ReportDigit(context, model, invocation, digit, negated: false);
        }

        private static bool IsNumericText(IOperation? operation, SmtpModel model)
            => operation is IInvocationOperation { TargetMethod.Name: "ToString" } toString
                && toString.Instance is { Type.TypeKind: not TypeKind.Enum } instance
                && model.IsStatusCode(instance, out _);

        /// <summary>The digit a constant compared with a first digit stands for: an int, or a char widened to int.</summary>
        private static bool TryGetDigit(IOperation constant, out int digit)
        {
            digit = -1;
            if (constant is IConversionOperation conversion && conversion.Operand.Type?.SpecialType == SpecialType.System_Char)
            {
                // '5' compared with a char is widened to int; the digit is the char's.
                return conversion.Operand.ConstantValue is { HasValue: true, Value: char widenedChar } && TryGetDigit(widenedChar, out digit);
            }

            if (constant.Type?.SpecialType == SpecialType.System_Int32)
            {
                // Read without boxing where the source spells it as a plain literal.
                if (!IntegerConstants.TryGetInt32(constant, out var number))
                {
                    return false;
                }

                digit = number;
                return digit >= 2 && digit <= 5;
            }

            // A char or a one-character string ("5"); an enum member or any other constant is no digit.
            if (constant.Type?.SpecialType is not (SpecialType.System_Char or SpecialType.System_String))
            {
                return false;
            }

            var value = constant.ConstantValue;
            return value.HasValue && TryGetDigit(value.Value, out digit);
        }

        /// <summary>The digit of <c>StartsWith("5")</c> or <c>StartsWith('5')</c>; a string literal is read from its token.</summary>
        private static bool TryGetDigitArgument(IOperation argument, out int digit)
        {
            if (StringConstants.TryGet(argument, out var text))
            {
                return TryGetDigit(text, out digit);
            }

            digit = -1;
            return argument.Type?.SpecialType == SpecialType.System_Char
                && argument.ConstantValue is { HasValue: true } character
                && TryGetDigit(character.Value, out digit);
        }

        private static bool TryGetDigit(object? value, out int digit)
        {
            digit = value switch
            {
                int i => i,
                char c when c >= '0' && c <= '9' => c - '0',
                string s when s.Length == 1 && s[0] >= '0' && s[0] <= '9' => s[0] - '0',
                _ => -1,
            };
            return digit >= 2 && digit <= 5;
        }

        private static void ReportDigit(OperationAnalysisContext context, SmtpModel model, IOperation node, int digit, bool negated)
        {
            var check = digit switch
            {
                4 => negated ? ReplyClassCheck.None : ReplyClassCheck.Transient,
                5 => negated ? ReplyClassCheck.NotPermanent : ReplyClassCheck.Permanent,
                _ => ReplyClassCheck.None,
            };
            ReportUseCheck(context, model, node, check);
        }

        private static void Report(OperationAnalysisContext context, SmtpModel model, IOperation node, ReplyClassRange range)
        {
            if (!range.IsWithinReplies)
            {
                // "code < 0", "code > 0": not a reply class.
                return;
            }

            if (range.IsOnClassEdges)
            {
                ReportUseCheck(context, model, node, range.Check);
                return;
            }

            if (model.IsInGeneratedHelper(context.ContainingSymbol))
            {
                return;
            }

            ReportWrongBound(context, node, range, range.Check);
        }

        /// <summary>Both ends of a closed range inside the replies are off the class edges (421..501).</summary>
        private static bool HasTwoOffEdgeBounds(ReplyClassRange range)
            => range.IsWithinReplies && range.Lower is long lower && range.Upper is long upper
                && !Knowledge.ReplyCodeTable.IsClassEdge(lower) && !Knowledge.ReplyCodeTable.IsClassEdge(upper);

        /// <summary>One bound of a range with two off-edge bounds, at its own comparison; no fix: the intent is not plain.</summary>
        private static void ReportBound(OperationAnalysisContext context, SmtpModel model, IOperation node, ReplyClassRange bound)
        {
            if (!model.IsInGeneratedHelper(context.ContainingSymbol))
            {
                ReportWrongBound(context, node, bound, ReplyClassCheck.None);
            }
        }

        private static void ReportWrongBound(OperationAnalysisContext context, IOperation node, ReplyClassRange range, ReplyClassCheck check)
        {
            // The bound cuts its class in two: the codes below it and the codes from it up. The smaller part is the one
            // on the wrong side ("<= 500" takes 500 into a 4yz range; ">= 422" leaves 400-421 out of one); when the
            // parts are equal, the part the range leaves out.
            var bound = range.OffEdgeBound;
            var classStart = bound / 100 * 100;
            var below = bound - classStart;
            var above = classStart + 100 - bound;
            var leftOutIsBelow = range.Lower == bound;
            var misplacedIsBelow = below == above ? leftOutIsBelow : below < above;
            var misplaced = misplacedIsBelow
                ? Codes(classStart, bound - 1)
                : Codes(bound, classStart + 99);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.WrongClassBoundary,
                node.Syntax.GetLocation(),
                Properties(check),
                bound.ToString(CultureInfo.InvariantCulture),
                (bound / 100).ToString(CultureInfo.InvariantCulture),
                misplaced));
        }

        private static string Codes(long first, long last)
            => first == last
                ? $"code {first.ToString(CultureInfo.InvariantCulture)} falls"
                : $"codes {first.ToString(CultureInfo.InvariantCulture)}-{last.ToString(CultureInfo.InvariantCulture)} fall";

        private static void ReportUseCheck(OperationAnalysisContext context, SmtpModel model, IOperation node, ReplyClassCheck check)
        {
            if (model.IsInGeneratedHelper(context.ContainingSymbol))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UseReplyClassCheck,
                node.Syntax.GetLocation(),
                Properties(check),
                Describe(check),
                node.Syntax.ToString()));
        }

        private static ImmutableDictionary<string, string?> Properties(ReplyClassCheck check)
            => ImmutableDictionary<string, string?>.Empty.Add(CheckProperty, Name(check));

        /// <summary>
        /// The member's name, as the fix parses it back. Not <see cref="System.Enum.ToString()"/>: its first call in a
        /// process reads the enum by reflection, and the runtime may drop that cache again.
        /// </summary>
        internal static string Name(ReplyClassCheck check) => check switch
        {
            ReplyClassCheck.Transient => nameof(ReplyClassCheck.Transient),
            ReplyClassCheck.Permanent => nameof(ReplyClassCheck.Permanent),
            ReplyClassCheck.Failure => nameof(ReplyClassCheck.Failure),
            ReplyClassCheck.NotPermanent => nameof(ReplyClassCheck.NotPermanent),
            ReplyClassCheck.NotFailure => nameof(ReplyClassCheck.NotFailure),
            _ => nameof(ReplyClassCheck.None),
        };

        internal static string Describe(ReplyClassCheck check) => check switch
        {
            ReplyClassCheck.Transient => "the reply-class check IsTransientFailure()",
            ReplyClassCheck.Permanent => "the reply-class check IsPermanentFailure()",
            ReplyClassCheck.Failure => "the reply-class check IsFailure()",
            ReplyClassCheck.NotPermanent => "the reply-class check !IsPermanentFailure()",
            ReplyClassCheck.NotFailure => "the reply-class check !IsFailure()",
            _ => "a check of the reply class (the first digit of the code)",
        };
    }
}
