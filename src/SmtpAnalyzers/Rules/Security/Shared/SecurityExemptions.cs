using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>The exemptions every SMTP3xxx rule but SMTP3007 shares: development-only code and loopback hosts.</summary>
    internal static class SecurityExemptions
    {
        /// <summary>
        /// Whether <paramref name="operation"/> runs only in development: inside an active <c>#if DEBUG</c> region, or
        /// inside the then-branch of an <c>if</c> whose condition is a call named <c>IsDevelopment</c>, alone or
        /// joined with <c>&amp;&amp;</c> (not negated).
        /// </summary>
        public static bool IsDevelopmentOnly(IOperation operation)
        {
            for (IOperation? child = operation, parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional && conditional.WhenTrue == child && IsDevelopmentCheck(conditional.Condition))
                {
                    return true;
                }
            }

            return IsInDebugRegion(operation.Syntax);
        }

        /// <summary>Whether <paramref name="host"/> is <c>localhost</c>, <c>127.x.x.x</c>, <c>::1</c> or <c>[::1]</c>.</summary>
        public static bool IsLoopbackHost(string host)
        {
            var trimmed = host.Trim();
            if (string.Equals(trimmed, "localhost", System.StringComparison.OrdinalIgnoreCase)
                || trimmed == "::1"
                || trimmed == "[::1]")
            {
                return true;
            }

            if (!trimmed.StartsWith("127.", System.StringComparison.Ordinal))
            {
                return false;
            }

            var parts = trimmed.Split('.');
            if (parts.Length != 4)
            {
                return false;
            }

            foreach (var part in parts)
            {
                if (part.Length == 0 || part.Length > 3 || !int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value > 255)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsDevelopmentCheck(IOperation condition)
        {
            switch (condition)
            {
                case IInvocationOperation invocation:
                    return invocation.TargetMethod.Name == "IsDevelopment";
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return IsDevelopmentCheck(and.LeftOperand) || IsDevelopmentCheck(and.RightOperand);
                case IConversionOperation conversion:
                    return IsDevelopmentCheck(conversion.Operand);
                default:
                    return false;
            }
        }

        /// <summary>Whether <paramref name="node"/> lies in the active branch of an <c>#if DEBUG</c> (not its <c>#else</c>).</summary>
        private static bool IsInDebugRegion(SyntaxNode node)
        {
            var tree = node.SyntaxTree;
            if (!tree.HasCompilationUnitRoot)
            {
                return false;
            }

            var root = tree.GetRoot();
            if (!root.ContainsDirectives)
            {
                return false;
            }

            var position = node.SpanStart;

            // A stack of "this #if region is DEBUG", as bits: nesting deeper than 64 levels is treated as not DEBUG.
            ulong debugBits = 0;
            var depth = 0;
            for (var directive = root.GetFirstDirective(); directive is not null && directive.SpanStart < position; directive = directive.GetNextDirective())
            {
                switch (directive)
                {
                    case IfDirectiveTriviaSyntax ifDirective:
                        if (depth < 64 && IsDebugCondition(ifDirective.Condition))
                        {
                            debugBits |= 1UL << depth;
                        }

                        depth++;
                        break;
                    case ElifDirectiveTriviaSyntax or ElseDirectiveTriviaSyntax:
                        if (depth > 0 && depth <= 64)
                        {
                            debugBits &= ~(1UL << (depth - 1));
                        }

                        break;
                    case EndIfDirectiveTriviaSyntax:
                        if (depth > 0)
                        {
                            depth--;
                            if (depth < 64)
                            {
                                debugBits &= ~(1UL << depth);
                            }
                        }

                        break;
                }
            }

            return depth > 0 && debugBits != 0;
        }

        private static bool IsDebugCondition(ExpressionSyntax condition)
            => condition switch
            {
                IdentifierNameSyntax name => name.Identifier.ValueText == "DEBUG",
                ParenthesizedExpressionSyntax parenthesized => IsDebugCondition(parenthesized.Expression),
                BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) => IsDebugCondition(binary.Left) || IsDebugCondition(binary.Right),
                _ => false,
            };
    }
}
