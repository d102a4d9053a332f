using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Operations;
using Xunit;

namespace SmtpAnalyzers.Tests.Operations
{
    /// <summary>
    /// The rules' allocation-free walk must visit exactly what Roslyn's walks visit, in the order the rules were written
    /// against, including when walks are nested and when a loop leaves early.
    /// </summary>
    public class OperationWalkTests
    {
        private const string Source = """
            using System;
            using System.Linq;

            class C
            {
                int M(int[] values, string text)
                {
                    var total = 0;
                    foreach (var v in values)
                    {
                        try
                        {
                            total += v > 400 && v < 500 ? 1 : values.Count(x => x == v);
                        }
                        catch (InvalidOperationException ex) when (ex.Message.Contains("550"))
                        {
                            total -= Local(text.Length);
                        }
                    }

                    int Local(int n) => n * 2;
                    return total;
                }
            }
            """;

        [Fact]
        public void Descendants_VisitsWhatRoslynVisits_InTheSameOrder()
        {
            var body = Body();
            Assert.Equal(body.Descendants().ToList(), Collect(OperationWalk.Descendants(body)));
            Assert.Equal(body.DescendantsAndSelf().ToList(), Collect(OperationWalk.DescendantsAndSelf(body)));
        }

        [Fact]
        public void LastChildFirst_VisitsTheSameOperations_LastChildFirst()
        {
            var body = Body();
            var walked = Collect(OperationWalk.LastChildFirst(body, enterFunctions: true));

            Assert.Equal(body.DescendantsAndSelf().ToHashSet(), walked.ToHashSet());
            Assert.Equal(walked.Count, walked.Distinct().Count());
            Assert.Same(body, walked[0]);

            // The body's last statement (the return) comes before its first (the declaration of total).
            var statements = ((IBlockOperation)body).Operations;
            Assert.True(walked.IndexOf(statements[statements.Length - 1]) < walked.IndexOf(statements[0]));
        }

        [Fact]
        public void LastChildFirst_WithoutFunctions_VisitsLambdasAndLocalFunctions_ButNotTheirBodies()
        {
            var body = Body();
            var walked = Collect(OperationWalk.LastChildFirst(body, enterFunctions: false));

            var functions = body.Descendants().Where(o => o.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction).ToList();
            Assert.Equal(2, functions.Count);
            var inside = functions.SelectMany(f => f.Descendants()).ToHashSet();
            Assert.All(functions, f => Assert.Contains(f, walked));
            Assert.DoesNotContain(walked, inside.Contains);
            Assert.Equal(body.DescendantsAndSelf().Where(o => !inside.Contains(o)).ToHashSet(), walked.ToHashSet());
        }

        [Fact]
        public void NestedWalksAndEarlyExits_EachWalkSeesAllItsOperations()
        {
            var body = Body();
            var expected = body.Descendants().Select(o => o.Descendants().Count()).ToList();

            // Walks left by break and by return give their stack back; the walks after them, nested ones included,
            // must still be complete.
            for (var round = 0; round < 3; round++)
            {
                foreach (var operation in OperationWalk.Descendants(body))
                {
                    if (operation.Kind == OperationKind.Literal)
                    {
                        break;
                    }
                }

                Assert.True(FirstLiteral(body) is not null);
                var counts = new List<int>();
                foreach (var operation in OperationWalk.Descendants(body))
                {
                    var count = 0;
                    foreach (var _ in OperationWalk.Descendants(operation))
                    {
                        count++;
                    }

                    counts.Add(count);
                }

                Assert.Equal(expected, counts);
            }
        }

        private static IOperation? FirstLiteral(IOperation root)
        {
            foreach (var operation in OperationWalk.DescendantsAndSelf(root))
            {
                if (operation.Kind == OperationKind.Literal)
                {
                    return operation;
                }
            }

            return null;
        }

        private static List<IOperation> Collect(OperationWalk walk)
        {
            var list = new List<IOperation>();
            foreach (var operation in walk)
            {
                list.Add(operation);
            }

            return list;
        }

        private static IOperation Body()
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            var compilation = CSharpCompilation.Create(
                "Walk",
                new[] { tree },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(Enumerable).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
            return compilation.GetSemanticModel(tree).GetOperation(method.Body!)!;
        }
    }
}
