using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Semantics
{
    /// <summary>The syntax-only first check: which method declarations can reach anything named like a send, by callee names.</summary>
    internal sealed partial class SendWrappers
    {
        private ReachIndex? _reach;
        private bool _reachBuilt;
        private object? _reachLock;

        /// <summary>
        /// The first check, before any body is bound: whether the body of <paramref name="method"/>, or the body of a
        /// source method it calls by name (followed by name, <see cref="MaxDepth"/> deep), calls something named Send,
        /// SendAsync or SendMailAsync. An over-approximation: only a method that passes it is bound and read.
        /// </summary>
        private bool MayReachSend(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var references = method.DeclaringSyntaxReferences;
            if (references.Length != 1)
            {
                return false;
            }

            return ReachOf(cancellationToken).Contains(references[0].SyntaxTree, references[0].Span);
        }

        /// <summary>
        /// The first check of a call or of a piece of code, before any operation is read: whether <paramref name="name"/> is
        /// the name of a send or of a method or local function declaration that may reach one (so that a call of another
        /// name is never a send wrapper).
        /// </summary>
        public bool MayBeSendOrWrapperName(string name, CancellationToken cancellationToken)
        {
            var reach = ReachOf(cancellationToken);
            return reach.NameFilter.MayContain(name) && reach.Names.Contains(name);
        }

        /// <summary>The send names and the names of the declarations that may reach a send.</summary>
        public IEnumerable<string> SendAndWrapperNames(CancellationToken cancellationToken) => ReachOf(cancellationToken).Names;

        /// <summary>The send names and the names of the declarations that may reach a send, as whole words to search text for.</summary>
        public WordSet SendAndWrapperWords(CancellationToken cancellationToken) => ReachOf(cancellationToken).Words;

        /// <remarks>
        /// Asked at every call whose name is read (<see cref="MayBeSendOrWrapperName"/>), so the built index is read first:
        /// the initializer's closure would otherwise be allocated at every call.
        /// </remarks>
        private ReachIndex ReachOf(CancellationToken cancellationToken) => Volatile.Read(ref _reach) ?? BuildReach(cancellationToken);

        private ReachIndex BuildReach(CancellationToken cancellationToken)
            => LazyInitializer.EnsureInitialized(ref _reach, ref _reachBuilt, ref _reachLock, () => ReachIndex.Build(_model.Compilation, cancellationToken))!;

        /// <summary>
        /// The method and local-function declarations of the compilation that may reach a send within <see cref="MaxDepth"/>
        /// calls, by names, found once per compilation from the callee end. Each round searches the text of every file for
        /// the names found so far as whole words (a plain scan, no syntax is walked), and only at a hit asks the syntax
        /// tree whether the word is the name of an invocation and which declarations hold it. Round one starts from the
        /// send names; each next round from the names of the declarations the last round added. Files that mention none
        /// of the names cost one scan per round and nothing else.
        /// </summary>
        private sealed class ReachIndex
        {
            private static readonly string[] SendNames = { "Send", "SendAsync", "SendMailAsync" };

            /// <summary>
            /// The declarations found, by tree and span: one set for the compilation (a set per tree cost more than its
            /// entries, in a project where most files hold a wrapper).
            /// </summary>
            private readonly HashSet<(SyntaxTree Tree, TextSpan Span)> _declarations = new HashSet<(SyntaxTree Tree, TextSpan Span)>();

            /// <summary>The send names and the names of the followable declarations of the index, at every depth.</summary>
            public HashSet<string> Names { get; } = new HashSet<string>(SendNames, System.StringComparer.Ordinal);

            /// <summary>The first check before <see cref="Names"/>.</summary>
            public NameFilter NameFilter { get; private set; }

            /// <summary><see cref="Names"/> as whole words to search text for.</summary>
            public WordSet Words { get; private set; } = null!;

            private ReachIndex()
            {
            }

            public bool Contains(SyntaxTree tree, TextSpan span) => _declarations.Contains((tree, span));

            public static ReachIndex Build(Compilation compilation, CancellationToken cancellationToken)
            {
                var index = new ReachIndex();
                var known = new HashSet<string>(SendNames, System.StringComparer.Ordinal);
                var frontier = new WordSet(SendNames);
                var positions = new List<int>();
                for (var depth = 1; depth <= MaxDepth && !frontier.IsEmpty; depth++)
                {
                    var added = new List<string>();
                    foreach (var tree in compilation.SyntaxTrees)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var text = tree.GetText(cancellationToken);
                        positions.Clear();
                        frontier.FindAll(text, new TextSpan(0, text.Length), positions);
                        if (positions.Count == 0)
                        {
                            continue;
                        }

                        var root = tree.GetRoot(cancellationToken);
                        SyntaxNode? near = null;
                        foreach (var start in positions)
                        {
                            near = index.AddInvokers(tree, root, near, start, depth < MaxDepth ? added : null, known);
                        }
                    }

                    frontier = new WordSet(added);
                }

                index.Words = new WordSet(index.Names);
                index.NameFilter = new NameFilter(index.Names);
                return index;
            }

            /// <summary>
            /// When the word at <paramref name="start"/> names an invoked method, adds the declarations around it, and
            /// returns the node to look for the next word of the tree from. The positions ascend and mostly share a method,
            /// so the token is looked for from <paramref name="near"/>, the last word's node (<see cref="TokenNear"/>), not
            /// from the root: each word cost a walk down the file's lists of members and
            /// statements (on the Violations corpus, 4800 words per compilation, the index took 17-18 ms; with this and the
            /// loop below, 13).
            /// </summary>
            private SyntaxNode? AddInvokers(SyntaxTree tree, SyntaxNode root, SyntaxNode? near, int start, List<string>? names, HashSet<string> known)
            {
                // A token that starts one character early is the verbatim form, @Send.
                var token = TokenNear.Find(root, near, start);
                if ((token.SpanStart != start && token.SpanStart != start - 1) || !token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is not SimpleNameSyntax name || !IsInvoked(name))
                {
                    return token.Parent ?? near;
                }

                for (var node = name.Parent; node is not null; node = node.Parent)
                {
                    var isMethod = node.IsKind(SyntaxKind.MethodDeclaration);
                    if (!isMethod && !node.IsKind(SyntaxKind.LocalFunctionStatement))
                    {
                        continue;
                    }

                    // A declaration seen at an earlier word of the tree (most words of a method share it) is not read again.
                    if (_declarations.Add((tree, node.Span)))
                    {
                        var identifier = isMethod ? ((MethodDeclarationSyntax)node).Identifier : ((LocalFunctionStatementSyntax)node).Identifier;
                        var followable = !isMethod || (((MethodDeclarationSyntax)node).ExplicitInterfaceSpecifier is null && !IsVirtualOrExtern(((MethodDeclarationSyntax)node).Modifiers));
                        if (followable)
                        {
                            Names.Add(identifier.ValueText);
                            if (names is not null && known.Add(identifier.ValueText))
                            {
                                names.Add(identifier.ValueText);
                            }
                        }
                    }

                    if (isMethod)
                    {
                        // No method or local function holds a method declaration (a method body declares no types).
                        break;
                    }
                }

                return name;
            }

            /// <summary><c>Name(...)</c>, <c>x.Name(...)</c>, <c>x?.Name(...)</c>, generic forms included.</summary>
            private static bool IsInvoked(SimpleNameSyntax name)
            {
                SyntaxNode expression = name;
                if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
                {
                    expression = access;
                }
                else if (name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name)
                {
                    expression = binding;
                }

                return expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression;
            }

            private static bool IsVirtualOrExtern(SyntaxTokenList modifiers)
            {
                foreach (var modifier in modifiers)
                {
                    switch (modifier.Kind())
                    {
                        case SyntaxKind.VirtualKeyword:
                        case SyntaxKind.AbstractKeyword:
                        case SyntaxKind.OverrideKeyword:
                        case SyntaxKind.ExternKeyword:
                            return true;
                    }
                }

                return false;
            }
        }
    }
}
