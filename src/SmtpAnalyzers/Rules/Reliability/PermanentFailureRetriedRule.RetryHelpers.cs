using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2002 at the call of a generic retry helper: <c>await ExecuteWithRetryAsync(() =&gt; client.SendMailAsync(m))</c>,
    /// where the helper is a method of this compilation that invokes its delegate parameter in a try whose catch retries
    /// permanent failures, decided exactly as for a try around a send (<see cref="TryFindRetryingCatch"/>), and the
    /// delegate given at the call lets a send's failure out (a send or a send wrapper, synchronous or awaited or returned).
    /// </summary>
    internal sealed partial class PermanentFailureRetriedRule
    {
        /// <summary>
        /// The cheap checks first, without allocation: an argument is a lambda or a method group (tested by kind), and the
        /// called method may be followed. Then the helper's retrying catches for that parameter (read once per helper and cached), and only
        /// then the delegate's sends.
        /// </summary>
        private static void AnalyzeHelperCall(OperationAnalysisContext context, SmtpModel model, RetryHelpers helpers, IInvocationOperation invocation)
        {
            var arguments = invocation.Arguments;
            var anyDelegate = false;
            foreach (var argument in arguments)
            {
                if (Unwrap.AllConversions(argument.Value).Kind == OperationKind.DelegateCreation)
                {
                    anyDelegate = true;
                    break;
                }
            }

            if (!anyDelegate || !model.Wrappers.MayFollow(invocation.TargetMethod))
            {
                return;
            }

            // The delegate first: it is bound already, is cheap to read and rarely sends; the helper's body (maybe in another
            // file) is read only for a call that hands it a sending delegate.
            ImmutableArray<HelperRetry>? retries = null;
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } helperParameter
                    || Unwrap.AllConversions(argument.Value) is not IDelegateCreationOperation creation
                    || !DelegateSends(creation, model, invocation.SemanticModel, context.CancellationToken, out var library, out var path))
                {
                    continue;
                }

                retries ??= helpers.Of(invocation.TargetMethod, invocation.SemanticModel, context.CancellationToken);
                foreach (var retry in retries.Value)
                {
                    if (retry.Ordinal == helperParameter.Ordinal && retry.Library == library)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.PermanentFailureRetried,
                            NameLocation(invocation),
                            "retry helper '" + invocation.TargetMethod.Name + "'",
                            retry.Catch.What(path),
                            retry.Catch.Retry));
                        return;
                    }
                }
            }
        }

        /// <summary>
        /// Whether the delegate lets a send's failure out: a lambda whose body sends, or calls a send wrapper, where no try
        /// in it catches the failure, and whose Task (if any) is awaited or returned; or a method group of a send wrapper.
        /// <paramref name="path"/> is " through 'Wrapper'" when the failure comes from a wrapper, else empty.
        /// </summary>
        private static bool DelegateSends(IDelegateCreationOperation creation, SmtpModel model, SemanticModel? semanticModel, CancellationToken cancellationToken, out SmtpLibrary library, out string path)
        {
            library = default;
            path = string.Empty;
            switch (creation.Target)
            {
                case IAnonymousFunctionOperation lambda:
                    var mentions = new List<int>();
                    if (!model.MayHoldSendSites(lambda.Body, followWrappers: true, cancellationToken, mentions))
                    {
                        return false;
                    }

                    var sites = new List<SmtpAnalyzers.Catches.SendSite>();
                    model.AddSendSites(lambda.Body, followWrappers: true, semanticModel, cancellationToken, mentions, sites);
                    foreach (var site in sites)
                    {
                        var throwsAtCall = site.Wrapper is null
                            ? model.ClassifySend(site.Invocation.TargetMethod) == SendKind.Sync
                            : !site.Wrapper.FailsThroughTask;
                        if ((throwsAtCall || SendWrappers.IsAwaitedOrReturned(site.Invocation)) && !CaughtWithin(site.Invocation, lambda, model))
                        {
                            library = site.Library;
                            path = site.Wrapper is null ? string.Empty : " through " + site.Wrapper.Path;
                            return true;
                        }
                    }

                    return false;
                case IMethodReferenceOperation { Method: var method } when model.Wrappers.MayFollow(method):
                    if (model.Wrappers.Of(method, semanticModel, cancellationToken) is { } wrapper)
                    {
                        library = wrapper.Library;
                        path = " through " + wrapper.Path;
                        return true;
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>Whether a try inside <paramref name="lambda"/> around <paramref name="send"/> has a catch that receives its failure and does not rethrow it.</summary>
        private static bool CaughtWithin(IOperation send, IAnonymousFunctionOperation lambda, SmtpModel model)
        {
            var child = send;
            for (var parent = send.Parent; parent is not null && !ReferenceEquals(parent, lambda); child = parent, parent = parent.Parent)
            {
                if (parent is ITryOperation tryOperation && ReferenceEquals(tryOperation.Body, child))
                {
                    foreach (var clause in tryOperation.Catches)
                    {
                        if (model.CatchesSendFailure(clause.ExceptionType) && !Catches.CatchClauseFacts.Of(clause, model).Rethrows)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>The called method's name in the call (<c>ExecuteWithRetryAsync</c> of <c>Retry.ExecuteWithRetryAsync(...)</c>).</summary>
        private static Location NameLocation(IInvocationOperation invocation)
        {
            if (invocation.Syntax is InvocationExpressionSyntax call)
            {
                switch (call.Expression)
                {
                    case SimpleNameSyntax name:
                        return name.GetLocation();
                    case MemberAccessExpressionSyntax access:
                        return access.Name.GetLocation();
                    case MemberBindingExpressionSyntax binding:
                        return binding.Name.GetLocation();
                }
            }

            return invocation.Syntax.GetLocation();
        }

        /// <summary>For a delegate invocation (<c>action()</c>, <c>action.Invoke()</c>), the parameter invoked; else null.</summary>
        private static IParameterSymbol? InvokedParameter(IInvocationOperation invocation)
            => invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke && invocation.Instance is { } instance
                && Unwrap.AllConversions(instance) is IParameterReferenceOperation parameter
                ? parameter.Parameter
                : null;

        /// <summary>The name to show for a call made again: the delegate parameter's for a delegate invocation, else the method's.</summary>
        private static string CalledName(IInvocationOperation invocation)
            => InvokedParameter(invocation)?.Name ?? invocation.TargetMethod.Name;

        /// <summary>One delegate parameter of a retry helper whose catch retries permanent failures of one library.</summary>
        private readonly struct HelperRetry
        {
            public HelperRetry(int ordinal, SmtpLibrary library, RetryingCatch retryingCatch)
            {
                Ordinal = ordinal;
                Library = library;
                Catch = retryingCatch;
            }

            public int Ordinal { get; }

            public SmtpLibrary Library { get; }

            public RetryingCatch Catch { get; }
        }

        /// <summary>
        /// The retry helpers of one compilation, read on demand and cached per method: which delegate parameters a method
        /// invokes in a try whose catch retries permanent failures. A syntax check comes first (a delegate-typed parameter
        /// and a try statement in the declaration); only then is the body bound and read, once.
        /// </summary>
        private sealed class RetryHelpers
        {
            private readonly SmtpModel _model;
            private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<HelperRetry>> _helpers =
                new ConcurrentDictionary<IMethodSymbol, ImmutableArray<HelperRetry>>(SymbolEqualityComparer.Default);

            public RetryHelpers(SmtpModel model) => _model = model;

            public ImmutableArray<HelperRetry> Of(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken)
            {
                method = SymbolRelations.BodyDefinition(method);
                if (_helpers.TryGetValue(method, out var known))
                {
                    return known;
                }

                return _helpers.GetOrAdd(method, Read(method, semanticModel, cancellationToken));
            }

            private ImmutableArray<HelperRetry> Read(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken)
            {
                var hasDelegateParameter = false;
                foreach (var parameter in method.Parameters)
                {
                    hasDelegateParameter |= parameter.Type.TypeKind == TypeKind.Delegate;
                }

                var references = method.DeclaringSyntaxReferences;
                if (!hasDelegateParameter || references.Length != 1)
                {
                    return ImmutableArray<HelperRetry>.Empty;
                }

                var declaration = references[0].GetSyntax(cancellationToken);
                if (!ContainsTry(declaration))
                {
                    return ImmutableArray<HelperRetry>.Empty;
                }

                var tree = declaration.SyntaxTree;
                if (semanticModel is null || semanticModel.SyntaxTree != tree)
                {
                    if (!_model.Compilation.ContainsSyntaxTree(tree))
                    {
                        return ImmutableArray<HelperRetry>.Empty;
                    }

                    // As for send wrappers (SendWrappers.Read): the compiler's cached model of the other tree; once per
                    // helper that passed the syntax check, cached for the compilation.
                    semanticModel = _model.Compilation.GetSemanticModel(tree);
                }

                IOperation? body = semanticModel.GetOperation(declaration, cancellationToken) switch
                {
                    IMethodBodyOperation methodBody => (IOperation?)methodBody.BlockBody ?? methodBody.ExpressionBody,
                    ILocalFunctionOperation localFunction => localFunction.Body,
                    _ => null,
                };
                if (body is null)
                {
                    return ImmutableArray<HelperRetry>.Empty;
                }

                var found = ImmutableArray.CreateBuilder<HelperRetry>();
                foreach (var operation in Walk(body))
                {
                    if (operation is ITryOperation tryOperation && !tryOperation.Catches.IsEmpty)
                    {
                        ReadTry(tryOperation, method, found);
                    }
                }

                return found.ToImmutable();
            }

            /// <summary>The delegate parameters invoked in the try body whose failures reach its catches, and the catches that retry them.</summary>
            private void ReadTry(ITryOperation tryOperation, IMethodSymbol method, ImmutableArray<HelperRetry>.Builder found)
            {
                Dictionary<int, List<IInvocationOperation>>? byParameter = null;
                foreach (var operation in Walk(tryOperation.Body))
                {
                    if (operation is IInvocationOperation invocation
                        && InvokedParameter(invocation) is { } parameter
                        && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method)
                        && (!_model.IsTaskLike(invocation.TargetMethod.ReturnType) || SendWrappers.IsAwaitedOrReturned(invocation, returnedCounts: false))
                        && !InNestedTry(invocation, tryOperation)) // a nested try may catch the failure first: not followed
                    {
                        byParameter ??= new Dictionary<int, List<IInvocationOperation>>();
                        if (!byParameter.TryGetValue(parameter.Ordinal, out var invocations))
                        {
                            invocations = new List<IInvocationOperation>();
                            byParameter.Add(parameter.Ordinal, invocations);
                        }

                        invocations.Add(invocation);
                    }
                }

                if (byParameter is null)
                {
                    return;
                }

                var function = EnclosingFunction.Of(tryOperation, method);
                foreach (var pair in byParameter)
                {
                    foreach (var library in new[] { SmtpLibrary.SystemNetMail, SmtpLibrary.MailKit })
                    {
                        for (var i = 0; i < tryOperation.Catches.Length; i++)
                        {
                            if (CatchesOtherLibrary(tryOperation.Catches[i].ExceptionType, library))
                            {
                                continue;
                            }

                            if (TryFindRetryingCatch(tryOperation, i, library == SmtpLibrary.SystemNetMail, library == SmtpLibrary.MailKit, pair.Value, function, _model, out var retrying))
                            {
                                found.Add(new HelperRetry(pair.Key, library, retrying));
                                break;
                            }
                        }
                    }
                }
            }

            /// <summary>A catch of one library's SMTP failure type does not receive the other library's failures.</summary>
            private bool CatchesOtherLibrary(ITypeSymbol? caught, SmtpLibrary library)
                => !_model.IsCatchAll(caught)
                    && SymbolRelations.IsOrDerivesFrom(caught, _model.SmtpException) != (library == SmtpLibrary.SystemNetMail);

            private static bool InNestedTry(IOperation operation, ITryOperation outer)
            {
                for (var parent = operation.Parent; parent is not null && !ReferenceEquals(parent, outer); parent = parent.Parent)
                {
                    if (parent is ITryOperation)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool ContainsTry(SyntaxNode declaration)
            {
                foreach (var node in declaration.DescendantNodes())
                {
                    if (node is TryStatementSyntax)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
