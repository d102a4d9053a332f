using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Catches;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Semantics
{
    /// <summary>The syntax-only pre-check: can a method reach anything named like a send within the depth, by callee names.</summary>
    internal sealed partial class SendWrappers
    {
        /// <summary>
        /// The syntax-only first check, before any body is bound: whether the method's body, or the body of a source
        /// method it calls by name (followed by name, <see cref="MaxDepth"/> deep), calls something named like a send.
        /// An over-approximation: only a method that passes it is bound and read.
        /// </summary>
        private bool MayReachSend(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (_mayReach.TryGetValue(method, out var known))
            {
                return known;
            }

            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method };
            var level = new List<IMethodSymbol> { method };
            var reaches = false;
            for (var depth = 1; depth <= MaxDepth && level.Count > 0 && !reaches; depth++)
            {
                var next = new List<IMethodSymbol>();
                foreach (var current in level)
                {
                    var names = InvokedNames(current, cancellationToken);
                    if (names.SendNamed)
                    {
                        reaches = true;
                        break;
                    }

                    if (depth == MaxDepth)
                    {
                        continue;
                    }

                    foreach (var name in names.Names)
                    {
                        foreach (var callee in SourceMethodsNamed(name, cancellationToken))
                        {
                            if (visited.Add(callee))
                            {
                                next.Add(callee);
                            }
                        }
                    }
                }

                level = next;
            }

            return _mayReach.GetOrAdd(method, reaches);
        }

        private ImmutableArray<IMethodSymbol> SourceMethodsNamed(string name, CancellationToken cancellationToken)
        {
            if (_byName.TryGetValue(name, out var known))
            {
                return known;
            }

            var methods = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var symbol in _model.Compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                if (symbol is IMethodSymbol candidate && MayFollow(candidate))
                {
                    methods.Add(Definition(candidate));
                }
            }

            return _byName.GetOrAdd(name, methods.ToImmutable());
        }

        /// <summary>The simple names the body of <paramref name="method"/> invokes (lambdas and local functions included), read from syntax.</summary>
        private InvokedNameSet InvokedNames(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (_names.TryGetValue(method, out var known))
            {
                return known;
            }

            var references = method.DeclaringSyntaxReferences;
            var set = InvokedNameSet.None;
            if (references.Length == 1)
            {
                var names = new HashSet<string>(System.StringComparer.Ordinal);
                var sendNamed = false;
                foreach (var node in references[0].GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax invocation)
                    {
                        continue;
                    }

                    var name = SimpleName(invocation.Expression);
                    if (name is null)
                    {
                        continue;
                    }

                    if (name is "Send" or "SendAsync" or "SendMailAsync")
                    {
                        sendNamed = true;
                        break;
                    }

                    names.Add(name);
                }

                set = new InvokedNameSet(sendNamed, names);
            }

            return _names.GetOrAdd(method, set);
        }

        private static string? SimpleName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        private sealed class InvokedNameSet
        {
            public static readonly InvokedNameSet None = new InvokedNameSet(false, new HashSet<string>());

            public InvokedNameSet(bool sendNamed, HashSet<string> names)
            {
                SendNamed = sendNamed;
                Names = names;
            }

            /// <summary>Something named Send, SendAsync or SendMailAsync is invoked.</summary>
            public bool SendNamed { get; }

            public HashSet<string> Names { get; }
        }
    }
}
