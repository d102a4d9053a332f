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
    /// The integer constants read from a literal's text must be exactly what <see cref="IOperation.ConstantValue"/> says,
    /// for every operation of code that spells numbers every way C# allows; and a plain decimal literal must be read
    /// without allocating, which is why the reader exists.
    /// </summary>
    public class IntegerConstantsTests
    {
        private const string Source = """
            using System;

            enum Code { Ok = 250, Busy = 450 }

            class C
            {
                const int Limit = 550;
                const long Wide = 5_000_000_000;
                const string Reply = "550";
                const string Nothing = null;
                const Code Named = Code.Ok;
                static readonly int Variable = 550;

                bool M(int code, long wide, short narrow, char c, string text, int? maybe, Code named, uint unsigned, double d)
                {
                    short small = 5;
                    long widened = 550;
                    const int local = 421;
                    const string localText = null;
                    int notConstant = 421;
                    Take();
                    Take(421);
                    return code == 550 || code >= 0550 || code < 0x226 || code != 5_50 || code == 0
                        || code == 1 || code == -1 || code == 2147483647 || code == 999999999 || code == 1000000000
                        || wide >= 500 || wide == 550L || wide == 5000000000 || wide == Wide
                        || narrow == 5 || narrow == small || widened > 400
                        || code == Limit || code / 100 == 4 || (int)named == 450 || named == Code.Busy
                        || c == 'a' || c == 53 || text == "550" || text == null || maybe == 550 || maybe == null
                        || unsigned == 550u || unsigned == 550 || d < 500.0 || d > 499 || code == (int)4.0
                        || code == 0b1000100110 || code == 550U - 1 || code == 1_000_000_000
                        || code == local || code == notConstant || code == Variable || text == Reply || text == Nothing
                        || named == Named || text == localText;
                }

                void Take(int value = 550) { }
            }
            """;

        [Fact]
        public void TryGetInt64_AnswersWhatTheConstantValueSays_ForEveryOperation()
        {
            var operations = Operations();
            Assert.True(operations.Count > 100);
            foreach (var operation in operations)
            {
                var expected = ReferenceInt64(operation, out var expectedValue);
                Assert.True(expected == IntegerConstants.TryGetInt64(operation, out var value), operation.Syntax.ToString());
                Assert.Equal(expectedValue, value);
            }
        }

        [Fact]
        public void TryGetInt32_AnswersWhatTheConstantValueSays_ForEveryOperation()
        {
            var operations = Operations();
            var literals = operations.OfType<ILiteralOperation>().ToList();
            Assert.Contains(literals, l => l.IsImplicit && l.Type?.SpecialType == SpecialType.System_Int32);
            Assert.Contains(literals, l => l.Syntax.ToString() == "0x226");
            foreach (var operation in operations)
            {
                var expected = operation.ConstantValue.Value is int;
                Assert.True(expected == IntegerConstants.TryGetInt32(operation, out var value), operation.Syntax.ToString());
                Assert.Equal(expected ? (int)operation.ConstantValue.Value! : 0, value);
            }
        }

        [Fact]
        public void HasConstant_AnswersWhatTheConstantValueSays_ForEveryOperation()
        {
            foreach (var operation in Operations())
            {
                Assert.True(operation.ConstantValue.HasValue == IntegerConstants.HasConstant(operation), operation.Syntax.ToString());
            }
        }

        [Fact]
        public void IsNonNullConstant_AnswersWhatTheConstantValueSays_ForEveryOperation()
        {
            foreach (var operation in Operations())
            {
                var constant = operation.ConstantValue;
                var expected = constant.HasValue && constant.Value is not null;
                Assert.True(expected == IntegerConstants.IsNonNullConstant(operation), operation.Syntax.ToString());
            }
        }

        [Fact]
        public void APlainDecimalLiteral_IsReadWithoutAllocating_AndOtherFormsFromTheConstant()
        {
            var operations = Operations();
            var plain = operations.OfType<ILiteralOperation>().First(l => l.Syntax.ToString() == "0550");
            var widened = operations.OfType<IConversionOperation>().First(c => c.IsImplicit && c.Type?.SpecialType == SpecialType.System_Int64 && c.Operand.Syntax.ToString() == "500");
            var hexadecimal = operations.OfType<ILiteralOperation>().First(l => l.Syntax.ToString() == "0x226");

            // Once to compile the methods, then measured.
            Read(plain, widened, hexadecimal);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var values = Read(plain, widened, hexadecimal);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal((550L, 500L, 550L, true), values);
            Assert.Equal(0, allocated);

            // The other forms do read the constant, which boxes it: that is what the text spares.
            before = GC.GetAllocatedBytesForCurrentThread();
            Assert.True(IntegerConstants.TryGetInt64(hexadecimal, out var fromConstant));
            Assert.Equal(550, fromConstant);
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before > 0);
        }

        [Fact]
        public void NamedConstants_AreToldWithoutReadingTheirValues()
        {
            var operations = Operations();
            var member = operations.OfType<IFieldReferenceOperation>().First(f => f.Field.Name == "Busy");
            var local = operations.OfType<ILocalReferenceOperation>().First(l => l.Local.Name == "local");
            var nullText = operations.OfType<IFieldReferenceOperation>().First(f => f.Field.Name == "Nothing");

            // Once to compile the methods, then measured.
            ReadNamed(member, local);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var answers = ReadNamed(member, local);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(answers);

            // A constant of a reference type may be null: that one is still read.
            Assert.True(IntegerConstants.HasConstant(nullText));
            Assert.False(IntegerConstants.IsNonNullConstant(nullText));
        }

        private static bool ReadNamed(IOperation member, IOperation local)
            => IntegerConstants.HasConstant(member) && IntegerConstants.IsNonNullConstant(member)
                && IntegerConstants.HasConstant(local) && IntegerConstants.IsNonNullConstant(local);

        private static (long, long, long, bool) Read(ILiteralOperation plain, IOperation widened, ILiteralOperation hexadecimal)
        {
            IntegerConstants.TryGetInt32(plain, out var a);
            IntegerConstants.TryGetInt64(widened, out var b);
            IntegerConstants.TryGetInt64(plain, out var c);
            var d = IntegerConstants.IsNonNullConstant(plain) && IntegerConstants.HasConstant(plain);
            _ = hexadecimal;
            return (a, b, c, d);
        }

        private static bool ReferenceInt64(IOperation operation, out long value)
        {
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

        private static List<IOperation> Operations() => SourceOperations.Of(Source);
    }
}
