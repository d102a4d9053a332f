using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Catches;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Semantics
{
    /// <summary>Send wrappers: the application's own methods that send mail and let the failure leave them.</summary>
    internal sealed partial class SmtpModel
    {
        private SendWrappers? _wrappers;

        /// <summary>The send wrappers of the compilation, found on demand and cached (<see cref="Semantics.SendWrappers"/>).</summary>
        public SendWrappers Wrappers => Volatile.Read(ref _wrappers) ?? Once.Publish(ref _wrappers, new SendWrappers(this));

        /// <summary>Whether <paramref name="type"/> is Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</summary>
        public bool IsTaskLike(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (Task is not null && SymbolRelations.IsOrDerivesFrom(type, Task))
            {
                return true;
            }

            return type.Name == "ValueTask"
                && type.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
        }
    }

    /// <summary>
    /// A send wrapper: a method or local function in source whose body sends mail (directly, through an awaited or returned
    /// <c>Task.Run</c>, or by calling another wrapper) outside any try whose catches receive the failure without rethrowing
    /// it. A call to it fails like the send it wraps.
    /// </summary>
    internal sealed class SendWrapper
    {
        public SendWrapper(IMethodSymbol method, SmtpLibrary library, string path, bool failsThroughTask)
        {
            Method = method;
            Library = library;
            Path = path;
            FailsThroughTask = failsThroughTask;
        }

        public IMethodSymbol Method { get; }

        /// <summary>The library of the send at the end of the path.</summary>
        public SmtpLibrary Library { get; }

        /// <summary>The wrappers from this one to the send, quoted for messages: <c>'Notify' and 'SendEmailAsync'</c>.</summary>
        public string Path { get; }

        /// <summary>The wrapper returns a Task (or ValueTask) that carries the failure: it is async, or returns the send's Task.</summary>
        public bool FailsThroughTask { get; }
    }

    /// <summary>
    /// The send wrappers of one compilation, found on demand: first a syntax-only check (does the method, or a source
    /// method it calls by name, call anything named Send, SendAsync or SendMailAsync), then each remaining method body is
    /// bound and read once (its escaping sends and its escaping calls to other source methods); every answer is cached. Wrappers are followed
    /// <see cref="MaxDepth"/> calls deep, across files; cycles end the search. Not followed: virtual, abstract,
    /// interface and override methods (the code that runs is chosen at run time), delegates and lambdas stored in
    /// variables, and methods of other assemblies.
    /// </summary>
    internal sealed partial class SendWrappers
    {
        /// <summary>How many wrappers deep a send is found: the called wrapper and two more below it.</summary>
        public const int MaxDepth = 3;

        private readonly SmtpModel _model;
        /// <summary>The compilation's assembly, read at the first call followed (the reach index is built at compilation start and binds nothing).</summary>
        private IAssemblySymbol? _assembly;
        private readonly ConcurrentDictionary<IMethodSymbol, Body> _bodies = new ConcurrentDictionary<IMethodSymbol, Body>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, SendWrapper?> _wrappers = new ConcurrentDictionary<IMethodSymbol, SendWrapper?>(SymbolEqualityComparer.Default);

        public SendWrappers(SmtpModel model)
        {
            _model = model;
        }

        /// <summary>
        /// The cheap first check, no allocation: whether a call to <paramref name="method"/> may be followed (an ordinary
        /// method or local function of this compilation that is not virtual, abstract, override or extern).
        /// </summary>
        public bool MayFollow(IMethodSymbol method)
            => method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
                && !method.IsAbstract
                && !method.IsVirtual
                && !method.IsOverride
                && !method.IsExtern
                && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _assembly ??= _model.Compilation.Assembly);

        /// <summary>
        /// The wrapper that <paramref name="method"/> is, or null. <paramref name="semanticModel"/> is used when the method
        /// is declared in its tree.
        /// </summary>
        public SendWrapper? Of(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken)
        {
            if (!MayFollow(method))
            {
                return null;
            }

            method = Definition(method);
            if (_wrappers.TryGetValue(method, out var known))
            {
                return known;
            }

            var wrapper = MayReachSend(method, cancellationToken) ? Find(method, semanticModel, cancellationToken) : null;
            return _wrappers.GetOrAdd(method, wrapper);
        }

        private static IMethodSymbol Definition(IMethodSymbol method) => SymbolRelations.BodyDefinition(method);

        /// <summary>Breadth first from <paramref name="method"/>: the shortest path to an escaping send, at most <see cref="MaxDepth"/> wrappers long.</summary>
        private SendWrapper? Find(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken)
        {
            var root = BodyOf(method, semanticModel, cancellationToken);
            if (root.IsEmpty)
            {
                return null;
            }

            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method };
            var level = new List<(IMethodSymbol Method, Body Body, string Path)> { (method, root, Quote(method)) };
            for (var depth = 1; depth <= MaxDepth && level.Count > 0; depth++)
            {
                foreach (var (_, body, path) in level)
                {
                    if (body.Library is SmtpLibrary library)
                    {
                        return new SendWrapper(method, library, path, FailsThroughTask(method, root));
                    }
                }

                if (depth == MaxDepth)
                {
                    break;
                }

                var next = new List<(IMethodSymbol, Body, string)>();
                foreach (var (_, body, path) in level)
                {
                    foreach (var callee in body.Calls)
                    {
                        if (!visited.Add(callee) || !MayReachSend(callee, cancellationToken))
                        {
                            continue;
                        }

                        var calleeBody = BodyOf(callee, semanticModel, cancellationToken);
                        if (!calleeBody.IsEmpty)
                        {
                            next.Add((callee, calleeBody, path + " and " + Quote(callee)));
                        }
                    }
                }

                level = next;
            }

            return null;
        }

        private bool FailsThroughTask(IMethodSymbol method, Body body)
            => !method.ReturnsVoid && _model.IsTaskLike(method.ReturnType) && (method.IsAsync || body.ReturnsFailure);

        private static string Quote(IMethodSymbol method) => "'" + method.Name + "'";

        private Body BodyOf(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken)
        {
            if (_bodies.TryGetValue(method, out var known))
            {
                return known;
            }

            return _bodies.GetOrAdd(method, Read(method, semanticModel, cancellationToken));
        }

        /// <summary>Reads the body of <paramref name="method"/>: its escaping sends and its escaping calls to source methods.</summary>
        private Body Read(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken)
        {
            var references = method.DeclaringSyntaxReferences;
            if (references.Length != 1)
            {
                return Body.Empty;
            }

            var declaration = references[0].GetSyntax(cancellationToken);
            var tree = declaration.SyntaxTree;
            if (semanticModel is null || semanticModel.SyntaxTree != tree)
            {
                if (!_model.Compilation.ContainsSyntaxTree(tree))
                {
                    return Body.Empty;
                }

                // The callee is declared in another file of this compilation. While analyzers run, the compiler hands out
                // its cached semantic model for the tree (the one the analyzer driver itself uses), so this binds nothing
                // twice; it is asked once per method that passed the syntax check, and the answer is cached for the
                // compilation. (RS1030 looks only inside DiagnosticAnalyzer types and does not fire here; this is the
                // call it is about, made knowingly.)
                semanticModel = _model.Compilation.GetSemanticModel(tree);
            }

            var operation = semanticModel.GetOperation(declaration, cancellationToken);
            IOperation? body = operation switch
            {
                IMethodBodyOperation methodBody => (IOperation?)methodBody.BlockBody ?? methodBody.ExpressionBody,
                ILocalFunctionOperation localFunction => localFunction.Body,
                _ => null,
            };
            if (body is null)
            {
                return Body.Empty;
            }

            SmtpLibrary? library = null;
            var returnsFailure = false;
            List<IMethodSymbol>? calls = null;
            foreach (var site in EscapingCalls(body, _model, this))
            {
                if (site.Library is SmtpLibrary found)
                {
                    library ??= found;
                }
                else
                {
                    calls ??= new List<IMethodSymbol>();
                    calls.Add(Definition(site.Invocation.TargetMethod));
                }

                if (Unwrap.UpThroughImplicitConversionsAndParentheses(site.Invocation).Parent is IReturnOperation)
                {
                    returnsFailure = true;
                }
            }

            return library is null && calls is null ? Body.Empty : new Body(library, calls ?? new List<IMethodSymbol>(), returnsFailure);
        }

        /// <summary>
        /// The sends and the calls to followable source methods under <paramref name="root"/> whose failures leave it: not in
        /// lambdas or local functions declared there (they run elsewhere) except the delegate of an awaited or returned
        /// <c>Task.Run</c>, not System.Net.Mail's event-based SendAsync, and not inside a try with a catch that receives a
        /// send's failure without rethrowing it. Sends carry their library; calls carry none.
        /// </summary>
        internal static IEnumerable<(IInvocationOperation Invocation, SmtpLibrary? Library)> EscapingCalls(IOperation root, SmtpModel model, SendWrappers wrappers)
        {
            var pending = new Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                if (operation is IInvocationOperation invocation)
                {
                    var method = invocation.TargetMethod;
                    if (model.SendLibrary(method) is SmtpLibrary library)
                    {
                        if (model.ClassifySend(method) != SendKind.Event)
                        {
                            yield return (invocation, library);
                        }
                    }
                    else if (wrappers.MayFollow(method))
                    {
                        yield return (invocation, null);
                    }
                    else if (model.IsTaskRun(method) && IsAwaitedOrReturned(invocation))
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            if (Unwrap.AllConversions(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                            {
                                pending.Push(lambda.Body);
                            }
                        }
                    }
                }

                if (operation is ITryOperation tryOperation)
                {
                    if (!CatchesWithoutRethrow(tryOperation, model))
                    {
                        pending.Push(tryOperation.Body);
                    }

                    foreach (var clause in tryOperation.Catches)
                    {
                        pending.Push(clause.Handler);
                    }

                    if (tryOperation.Finally is not null)
                    {
                        pending.Push(tryOperation.Finally);
                    }

                    continue;
                }

                foreach (var child in operation.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        /// <summary>Whether <paramref name="invocation"/>'s Task is awaited (ConfigureAwait included) or, when <paramref name="returnedCounts"/>, returned.</summary>
        internal static bool IsAwaitedOrReturned(IInvocationOperation invocation, bool returnedCounts = true)
        {
            var value = Unwrap.TaskValue(invocation);
            return value.Parent is IAwaitOperation || (returnedCounts && value.Parent is IReturnOperation);
        }

        /// <summary>A catch of the try receives a send's failure and does not rethrow it: the failure stops there.</summary>
        private static bool CatchesWithoutRethrow(ITryOperation tryOperation, SmtpModel model)
        {
            foreach (var clause in tryOperation.Catches)
            {
                if (model.CatchesSendFailure(clause.ExceptionType) && !CatchClauseFacts.Of(clause, model).Rethrows)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What one method body does, read once: the library of its first escaping send, its escaping calls.</summary>
        private sealed class Body
        {
            public static readonly Body Empty = new Body(null, new List<IMethodSymbol>(), false);

            public Body(SmtpLibrary? library, List<IMethodSymbol> calls, bool returnsFailure)
            {
                Library = library;
                Calls = calls;
                ReturnsFailure = returnsFailure;
            }

            public SmtpLibrary? Library { get; }

            public List<IMethodSymbol> Calls { get; }

            /// <summary>An escaping send or call is returned (<c>return client.SendMailAsync(m);</c>).</summary>
            public bool ReturnsFailure { get; }

            public bool IsEmpty => ReferenceEquals(this, Empty);
        }
    }
}
