using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// The exemptions of the SMTP3xxx rules: code that runs only in development, and clients that talk to this
    /// machine only.
    /// </summary>
    internal static class SecurityExemptions
    {
        /// <summary>
        /// Whether <paramref name="operation"/> runs only in development: it is compiled only under <c>#if DEBUG</c>
        /// (alone or <c>&amp;&amp;</c>-joined, or the <c>#else</c> of <c>#if !DEBUG</c>), or it sits in the then-branch of
        /// an <c>if</c> whose condition is a call named <c>IsDevelopment</c> (alone or <c>&amp;&amp;</c>-joined, not negated).
        /// A settings flag is no exemption: it is a production switch.
        /// </summary>
        public static bool IsDevelopmentOnly(IOperation operation)
            => IsUnderDevelopmentCondition(operation) || IsInDebugRegion(operation.Syntax);

        /// <summary>
        /// Whether <paramref name="operation"/> runs inside a lambda handed to a test assertion that expects it to throw
        /// (<c>Assert.Throws&lt;ArgumentNullException&gt;(() =&gt; client.Connect(null, 25, false))</c>): a method named
        /// <c>Throws...</c>, <c>Catch</c> or <c>CatchAsync</c> of a type named <c>Assert</c> (xunit, NUnit, MSTest). Such a
        /// call is made to fail; it neither connects nor authenticates.
        /// </summary>
        public static bool IsExpectedToThrow(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is not IAnonymousFunctionOperation lambda)
                {
                    continue;
                }

                var value = lambda.Parent is IDelegateCreationOperation creation ? (IOperation)creation : lambda;
                while (value.Parent is IConversionOperation conversion)
                {
                    value = conversion;
                }

                if (value.Parent is IArgumentOperation { Parent: IInvocationOperation assertion }
                    && assertion.TargetMethod.ContainingType?.Name == "Assert"
                    && (assertion.TargetMethod.Name.StartsWith("Throws", StringComparison.Ordinal) || assertion.TargetMethod.Name is "Catch" or "CatchAsync"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="host"/> names this machine: <c>localhost</c>, <c>127.x.x.x</c>, <c>::1</c> or <c>[::1]</c>.</summary>
        public static bool IsLoopbackHost(string host)
        {
            if (host is null)
            {
                return false;
            }

            host = host.Trim();
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || host == "::1" || host == "[::1]")
            {
                return true;
            }

            var parts = host.Split('.');
            if (parts.Length != 4 || parts[0] != "127")
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

        /// <summary>Whether <paramref name="condition"/> is a call named IsDevelopment, alone or joined with <c>&amp;&amp;</c>.</summary>
        public static bool IsDevelopmentCondition(IOperation? condition)
        {
            while (condition is IConversionOperation conversion)
            {
                condition = conversion.Operand;
            }

            switch (condition)
            {
                case IInvocationOperation invocation:
                    return invocation.TargetMethod.Name == "IsDevelopment";
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return IsDevelopmentCondition(and.LeftOperand) || IsDevelopmentCondition(and.RightOperand);
                default:
                    return false;
            }
        }

        private static bool IsUnderDevelopmentCondition(IOperation operation)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional && conditional.WhenTrue == child && IsDevelopmentCondition(conditional.Condition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInDebugRegion(SyntaxNode node)
        {
            var root = node.SyntaxTree.GetRoot();
            if (!root.ContainsDirectives)
            {
                return false;
            }

            var position = node.SpanStart;

            // The conditional branches around the position: every frame on the stack is a taken branch, since the
            // node is compiled code. A frame is "debug" when its branch is taken only with DEBUG defined.
            var stack = new System.Collections.Generic.List<(bool Debug, bool NotDebug)>();
            for (var directive = root.GetFirstDirective(); directive is not null && directive.SpanStart < position; directive = directive.GetNextDirective())
            {
                switch (directive)
                {
                    case IfDirectiveTriviaSyntax ifDirective:
                        stack.Add((IsDebug(ifDirective.Condition), IsNotDebug(ifDirective.Condition)));
                        break;
                    case ElifDirectiveTriviaSyntax elif when stack.Count > 0:
                        stack[stack.Count - 1] = (IsDebug(elif.Condition), false);
                        break;
                    case ElseDirectiveTriviaSyntax when stack.Count > 0:
                        stack[stack.Count - 1] = (stack[stack.Count - 1].NotDebug, false);
                        break;
                    case EndIfDirectiveTriviaSyntax when stack.Count > 0:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                }
            }

            foreach (var frame in stack)
            {
                if (frame.Debug)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDebug(ExpressionSyntax condition)
        {
            switch (condition)
            {
                case IdentifierNameSyntax name:
                    return name.Identifier.ValueText == "DEBUG";
                case ParenthesizedExpressionSyntax parenthesized:
                    return IsDebug(parenthesized.Expression);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                    return IsDebug(binary.Left) || IsDebug(binary.Right);
                default:
                    return false;
            }
        }

        private static bool IsNotDebug(ExpressionSyntax condition)
        {
            switch (condition)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return IsNotDebug(parenthesized.Expression);
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    return IsDebug(not.Operand);
                default:
                    return false;
            }
        }
    }
}
