using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.ReplyCodes
{
    /// <summary>Which reply-class check a range amounts to.</summary>
    internal enum ReplyClassCheck
    {
        /// <summary>No single check says the same.</summary>
        None,

        /// <summary>4yz: IsTransientFailure.</summary>
        Transient,

        /// <summary>5yz: IsPermanentFailure.</summary>
        Permanent,

        /// <summary>4yz or 5yz: IsFailure.</summary>
        Failure,

        /// <summary>Not 5yz: !IsPermanentFailure.</summary>
        NotPermanent,

        /// <summary>Neither 4yz nor 5yz: !IsFailure.</summary>
        NotFailure,
    }

    /// <summary>
    /// A range of status codes written as relational comparisons or patterns: the half-open interval
    /// [Lower, Upper), either end open.
    /// </summary>
    internal readonly struct ReplyClassRange
    {
        public ReplyClassRange(IOperation statusCode, long? lower, long? upper)
        {
            StatusCode = statusCode;
            Lower = lower;
            Upper = upper;
        }

        /// <summary>The status code being compared.</summary>
        public IOperation StatusCode { get; }

        /// <summary>The smallest code inside the range, when bounded below.</summary>
        public long? Lower { get; }

        /// <summary>The smallest code above the range, when bounded above.</summary>
        public long? Upper { get; }

        /// <summary>Whether every bound is the first code of a reply class (200, 300, 400, 500, 600).</summary>
        public bool IsOnClassEdges => (Lower is null || ReplyCodeTable.IsClassEdge(Lower.Value)) && (Upper is null || ReplyCodeTable.IsClassEdge(Upper.Value));

        /// <summary>Whether every bound lies between the first and the last reply class (200 to 600).</summary>
        public bool IsWithinReplies => InReplies(Lower) && InReplies(Upper);

        /// <summary>The first bound that is not a class edge.</summary>
        public long OffEdgeBound => Lower is long l && !ReplyCodeTable.IsClassEdge(l) ? l : Upper ?? 0;

        /// <summary>The reply-class check that says what this range means, where that is unambiguous.</summary>
        public ReplyClassCheck Check
        {
            get
            {
                if (IsOnClassEdges)
                {
                    return (Lower, Upper) switch
                    {
                        (400, 500) => ReplyClassCheck.Transient,
                        (500, 600) or (500, null) => ReplyClassCheck.Permanent,
                        (400, 600) or (400, null) => ReplyClassCheck.Failure,
                        (null, 500) => ReplyClassCheck.NotPermanent,
                        (null, 400) => ReplyClassCheck.NotFailure,
                        _ => ReplyClassCheck.None,
                    };
                }

                // A boundary inside a class: fix only where the intent is plain. A lower bound inside 5yz with
                // nothing above means "permanent" (nothing is above 600); a lower bound inside 4yz closed at 500
                // means "transient".
                if (Lower is long lower && !ReplyCodeTable.IsClassEdge(lower))
                {
                    if (lower > 500 && lower < 600 && (Upper is null || Upper == 600))
                    {
                        return ReplyClassCheck.Permanent;
                    }

                    if (lower > 400 && lower < 500 && Upper == 500)
                    {
                        return ReplyClassCheck.Transient;
                    }
                }

                return ReplyClassCheck.None;
            }
        }

        /// <summary>A relational comparison of a status code with a constant, as a one-sided range.</summary>
        public static bool TryFromComparison(IBinaryOperation binary, SmtpModel model, out ReplyClassRange range)
        {
            range = default;
            var statusOnLeft = model.IsStatusCode(binary.LeftOperand, out _);
            var statusCode = statusOnLeft ? binary.LeftOperand : binary.RightOperand;
            var bound = statusOnLeft ? binary.RightOperand : binary.LeftOperand;
            if (!statusOnLeft && !model.IsStatusCode(statusCode, out _))
            {
                return false;
            }

            if (!TryGetConstant(bound, out var value))
            {
                return false;
            }

            var kind = binary.OperatorKind;
            if (!statusOnLeft)
            {
                kind = kind switch
                {
                    BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
                    BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                    BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                    BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                    _ => kind,
                };
            }

            return TryFromBound(statusCode, kind, value, out range);
        }

        /// <summary>
        /// The cheap first check, before the other side is read (which may follow a local or a parameter): whether the
        /// constant of <paramref name="constant"/> could bound a range within the replies. A comparison whose bound lies
        /// outside them is never reported, alone or joined with another, so nothing is lost by stopping here.
        /// </summary>
        public static bool MayBoundReplies(IOperation constant)
            => TryGetConstant(constant, out var value) && value >= ReplyCodeTable.LowestReply - 1 && value <= ReplyCodeTable.EndOfReplies;

        /// <summary>A relational pattern on a status code, as a one-sided range.</summary>
        public static bool TryFromPattern(IRelationalPatternOperation pattern, SmtpModel model, out ReplyClassRange range)
        {
            range = default;
            var statusCode = MagicCodeUse.TestedValue(pattern);
            return statusCode is not null
                && model.IsStatusCode(statusCode, out _)
                && TryGetConstant(pattern.Value, out var value)
                && TryFromBound(statusCode, pattern.OperatorKind, value, out range);
        }

        /// <summary>Two one-sided ranges on the same status code joined by "and", as one range.</summary>
        public static bool TryCombine(ReplyClassRange left, ReplyClassRange right, out ReplyClassRange range)
        {
            range = default;
            if ((left.Lower is null) == (right.Lower is null) || !SameValue(left.StatusCode, right.StatusCode))
            {
                return false;
            }

            range = new ReplyClassRange(left.StatusCode, left.Lower ?? right.Lower, left.Upper ?? right.Upper);
            return true;
        }

        private static bool TryFromBound(IOperation statusCode, BinaryOperatorKind kind, long value, out ReplyClassRange range)
        {
            switch (kind)
            {
                case BinaryOperatorKind.GreaterThanOrEqual:
                    range = new ReplyClassRange(statusCode, value, null);
                    return true;
                case BinaryOperatorKind.GreaterThan:
                    range = new ReplyClassRange(statusCode, value + 1, null);
                    return true;
                case BinaryOperatorKind.LessThan:
                    range = new ReplyClassRange(statusCode, null, value);
                    return true;
                case BinaryOperatorKind.LessThanOrEqual:
                    range = new ReplyClassRange(statusCode, null, value + 1);
                    return true;
                default:
                    range = default;
                    return false;
            }
        }

        private static bool TryGetConstant(IOperation operation, out long value)
            => IntegerConstants.TryGetInt64(operation, out value);

        private static bool InReplies(long? bound)
            => bound is not long value || (value >= ReplyCodeTable.LowestReply && value <= ReplyCodeTable.EndOfReplies);

        private static bool SameValue(IOperation a, IOperation b)
            => a.Syntax.IsEquivalentTo(b.Syntax, topLevel: false);
    }
}
