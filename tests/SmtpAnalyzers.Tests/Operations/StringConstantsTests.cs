using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.Tests.Operations
{
    /// <summary>
    /// String constants read from a literal's token must be exactly what <see cref="IOperation.ConstantValue"/> says, for
    /// every operation of code that spells strings every way C# allows; and a literal must be read without allocating.
    /// </summary>
    public class StringConstantsTests
    {
        private const string Source = """"
            class C
            {
                const string Reply = "550";
                const string Joined = Reply + " refused";
                const string Nothing = null;

                bool M(string text, char c, int code, object o)
                {
                    const string local = "4.2.1";
                    return text == "550" || text == @"5.1.1" || text == "tab\tquote\"\u0035" || text == """raw "550" text"""
                        || text == """
                            multi
                            line
                            """
                        || text == $"{Reply}" || text == $"x{Reply}y" || text == Reply || text == Joined || text == Nothing
                        || text == local || text == "" || text == null || c == '5' || code == 550 || o == (object)"550"
                        || text.Contains("5.7.1") || text == ("550" + "x");
                }
            }
            """";

        [Fact]
        public void TryGet_AnswersWhatTheConstantValueSays_ForEveryOperation()
        {
            var operations = Operations();
            Assert.Contains(operations, o => o.Syntax is LiteralExpressionSyntax { Token.RawKind: (int)SyntaxKind.MultiLineRawStringLiteralToken });
            Assert.Contains(operations, o => o.Kind == OperationKind.InterpolatedString && o.ConstantValue.HasValue);
            foreach (var operation in operations)
            {
                var expected = operation.ConstantValue.Value as string;
                Assert.True((expected is not null) == StringConstants.TryGet(operation, out var value), operation.Syntax.ToString());
                Assert.Equal(expected, value);
            }
        }

        /// <summary>
        /// The first read of a literal's constant in a compilation makes a weak reference (Roslyn 4.7 and later); the token
        /// is read as it is. The warm-up reads another literal, so that the measured read is this literal's first.
        /// </summary>
        [Fact]
        public void ALiteral_IsReadWithoutAllocating_EvenTheFirstTime()
        {
            var literals = Operations().OfType<ILiteralOperation>().ToList();
            var warmUp = literals.First(l => l.Syntax.ToString() == "@\"5.1.1\"");
            var literal = literals.First(l => l.Syntax.ToString() == "\"550\"");

            StringConstants.TryGet(warmUp, out _);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var found = StringConstants.TryGet(literal, out var value);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(found);
            Assert.Equal("550", value);
        }

        private static List<IOperation> Operations() => SourceOperations.Of(Source);
    }
}
