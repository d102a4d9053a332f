using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2001's exemption of test code: interactive "send a test mail" actions show the server's reply text to an
    /// administrator, and unit tests assert on it. Exempt: a method (or a type that contains it) whose name has one of
    /// the exempt words as a whole PascalCase word (default "Test" and "Tests": <c>SendTestMail</c>, <c>MailerTests</c>,
    /// not <c>Attestation</c>, <c>Contest</c>, <c>Testimonial</c>), configurable with
    /// <c>smtp_analyzers.SMTP2001.exempt_words</c>; and a method marked as a unit test by an xunit, NUnit or MSTest attribute.
    /// </summary>
    internal sealed partial class FailureSwallowedRule
    {
        /// <summary>The .editorconfig key: a comma-separated list of PascalCase words, or "none".</summary>
        public const string ExemptWordsKey = "smtp_analyzers.SMTP2001.exempt_words";

        private static readonly string[] DefaultExemptWords = { "Test", "Tests" };

        private static bool IsExempt(ISymbol symbol, AnalyzerOptions options, ITryOperation tryOperation)
        {
            var words = DefaultExemptWords;
            if (options.AnalyzerConfigOptionsProvider.GetOptions(tryOperation.Syntax.SyntaxTree).TryGetValue(ExemptWordsKey, out var configured))
            {
                words = ParseWords(configured);
            }

            return IsTestMember(symbol, words) || IsInTestBranch(tryOperation, words);
        }

        private static bool IsTestMember(ISymbol symbol, string[] words)
        {
            for (var current = symbol; current is not null; current = current.ContainingSymbol)
            {
                if (current is INamespaceSymbol)
                {
                    return false;
                }

                if (current is IMethodSymbol method && IsUnitTest(method))
                {
                    return true;
                }

                if (current is IMethodSymbol or INamedTypeSymbol && HasWord(current.Name, words))
                {
                    return true;
                }
            }

            return false;
        }

        private static string[] ParseWords(string value)
        {
            var trimmed = value.Trim();
            if (trimmed.Length == 0 || string.Equals(trimmed, "none", StringComparison.OrdinalIgnoreCase))
            {
                return Array.Empty<string>();
            }

            var parts = trimmed.Split(',');
            var count = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = parts[i].Trim();
                if (parts[i].Length > 0)
                {
                    parts[count++] = parts[i];
                }
            }

            Array.Resize(ref parts, count);
            return parts;
        }

        /// <summary>
        /// Whether <paramref name="name"/> has <paramref name="words"/>' member as a whole PascalCase word: it starts at the
        /// start of the name, after a lower-case letter, digit or underscore, or before a lower-case letter after capitals
        /// (<c>SMTPTest</c>); it ends at the end of the name, at an upper-case letter, digit or underscore.
        /// </summary>
        internal static bool HasWord(string name, string[] words)
        {
            foreach (var word in words)
            {
                for (var start = name.IndexOf(word, StringComparison.Ordinal); start >= 0; start = name.IndexOf(word, start + 1, StringComparison.Ordinal))
                {
                    var end = start + word.Length;
                    var startsWord = start == 0 || !char.IsLetter(name[start - 1]) || char.IsLower(name[start - 1])
                        || (char.IsUpper(name[start - 1]) && char.IsUpper(name[start]));
                    var endsWord = end == name.Length || !char.IsLower(name[end]);
                    if (startsWord && endsWord)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="tryOperation"/> runs only in a branch chosen by a string constant that names an exempt
        /// word: the true branch of an <c>if</c> whose condition compares with it (<c>if (command == "Test")</c>,
        /// <c>string.Equals(action, "SendTest", ...)</c>, <c>action is "test"</c>), or a <c>switch</c> section with it as a
        /// case label (<c>case "Test":</c>). This is the shape of a settings page's "send a test mail" button handled
        /// inside a general action method.
        /// </summary>
        private static bool IsInTestBranch(ITryOperation tryOperation, string[] words)
        {
            if (words.Length == 0)
            {
                return false;
            }

            IOperation child = tryOperation;
            for (var parent = tryOperation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when ReferenceEquals(conditional.WhenTrue, child):
                        if (ComparesWithWord(conditional.Condition, words))
                        {
                            return true;
                        }

                        break;
                    case ISwitchCaseOperation section:
                        foreach (var clause in section.Clauses)
                        {
                            var label = clause switch
                            {
                                ISingleValueCaseClauseOperation single => single.Value,
                                IPatternCaseClauseOperation { Pattern: IConstantPatternOperation constant } => constant.Value,
                                _ => null,
                            };
                            if (label is not null && IsWordConstant(label, words))
                            {
                                return true;
                            }
                        }

                        break;
                }
            }

            return false;
        }

        private static bool ComparesWithWord(IOperation condition, string[] words)
        {
            foreach (var operation in OperationWalk.DescendantsAndSelf(condition))
            {
                switch (operation)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                        if (IsWordConstant(equals.LeftOperand, words) || IsWordConstant(equals.RightOperand, words))
                        {
                            return true;
                        }

                        break;
                    case IInvocationOperation { TargetMethod.Name: "Equals" } call:
                        if (call.Instance is not null && IsWordConstant(call.Instance, words))
                        {
                            return true;
                        }

                        foreach (var argument in call.Arguments)
                        {
                            if (IsWordConstant(argument.Value, words))
                            {
                                return true;
                            }
                        }

                        break;
                    case IConstantPatternOperation constant:
                        if (IsWordConstant(constant.Value, words))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>
        /// A string constant with an exempt word as one of its words: separated by anything but letters and digits, in any
        /// case (<c>"test"</c>, <c>"send-test"</c>), or as a whole PascalCase word (<c>"SendTest"</c>).
        /// </summary>
        private static bool IsWordConstant(IOperation operation, string[] words)
        {
            if (operation.ConstantValue is not { HasValue: true, Value: string text })
            {
                return false;
            }

            for (var i = 0; i < text.Length;)
            {
                if (!char.IsLetterOrDigit(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                var part = text.Substring(start, i - start);
                foreach (var word in words)
                {
                    if (string.Equals(part, word, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                if (HasWord(part, words))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="clause"/> is the last handler of a program: it sits in the entry point (a static
        /// <c>Main</c>, or top-level statements), outside any lambda or local function, and ends the process with a
        /// failure: <c>return 1;</c> (any constant but 0), <c>Environment.Exit(1)</c>, or <c>Environment.ExitCode = 1</c>.
        /// The failure leaves the program through its exit code; there is no caller inside it to classify it.
        /// </summary>
        private static bool ExitsWithFailure(ICatchClauseOperation clause, ISymbol containingSymbol)
        {
            if (containingSymbol is not IMethodSymbol { IsStatic: true, Name: "Main" or "<Main>$" })
            {
                return false;
            }

            for (var parent = clause.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }
            }

            foreach (var statement in clause.Handler.Operations)
            {
                switch (statement)
                {
                    case IReturnOperation { ReturnedValue: { } value } when IsNonZeroConstant(value):
                        return true;
                    case IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod.Name: "Exit" } exit }
                        when IsEnvironment(exit.TargetMethod.ContainingType) && exit.Arguments.Length == 1 && IsNonZeroConstant(exit.Arguments[0].Value):
                        return true;
                    case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ExitCode" } exitCode } assignment }
                        when IsEnvironment(exitCode.Property.ContainingType) && IsNonZeroConstant(assignment.Value):
                        return true;
                }
            }

            return false;
        }

        private static bool IsNonZeroConstant(IOperation value)
            => value.ConstantValue is { HasValue: true, Value: int code } && code != 0;

        private static bool IsEnvironment(INamedTypeSymbol? type)
            => type is { Name: "Environment", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

        /// <summary>A unit test: xunit's Fact/Theory, NUnit's Test/TestCase/TestCaseSource/Theory, MSTest's TestMethod/DataTestMethod (or attributes derived from them).</summary>
        private static bool IsUnitTest(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
                {
                    var ns = type.ContainingNamespace?.ToDisplayString();
                    var isTest = ns switch
                    {
                        "Xunit" => type.Name is "FactAttribute" or "TheoryAttribute",
                        "NUnit.Framework" => type.Name is "TestAttribute" or "TestCaseAttribute" or "TestCaseSourceAttribute" or "TheoryAttribute",
                        "Microsoft.VisualStudio.TestTools.UnitTesting" => type.Name is "TestMethodAttribute" or "DataTestMethodAttribute",
                        _ => false,
                    };
                    if (isTest)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
