using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2004 for failures thrown where they are called, in an async void function: a synchronous send
    /// (<c>client.Send(m)</c>), or a call to a send wrapper that throws its send's failure to the caller (a void or other
    /// non-Task method). An async void function hands every exception of its body to the synchronization context, so with
    /// no catching try around the call the failure reaches nobody, as it does for an awaited send there.
    /// </summary>
    internal sealed partial class SendOutcomeNotObservedRule
    {
        private static void AnalyzeSyncSend(OperationAnalysisContext context, SmtpModel model, IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.Name != "Send" || model.ClassifySend(invocation.TargetMethod) != SendKind.Sync)
            {
                return;
            }

            AnalyzeThrownInAsyncVoid(context, model, invocation, null);
        }

        /// <summary>
        /// A call to a source method that does not return a Task: when it is in an async void function without a try that
        /// catches a send's failure (walked first, without allocation), and the method is a send wrapper, its failure is
        /// lost like an awaited send's there. Async methods (async void ones report their own awaits) and iterators (their
        /// body runs later) are left out.
        /// </summary>
        private static void AnalyzeSyncWrapperCall(OperationAnalysisContext context, SmtpModel model, IInvocationOperation invocation, IMethodSymbol method)
        {
            if (method.IsAsync || !model.Wrappers.MayFollow(method) || IsIteratorType(method.ReturnType))
            {
                return;
            }

            AnalyzeThrownInAsyncVoid(context, model, invocation, method);
        }

        private static void AnalyzeThrownInAsyncVoid(OperationAnalysisContext context, SmtpModel model, IInvocationOperation invocation, IMethodSymbol? wrapper)
        {
            // The function alone first (a walk up the parents, nothing else looked at); the tries on the way only for async void.
            if (Operations.EnclosingFunction.Of(invocation, context.ContainingSymbol) is not { IsAsync: true, ReturnsVoid: true })
            {
                return;
            }

            var function = EnclosingFunction(invocation, context.ContainingSymbol, model, out var caught, out _);
            if (caught || function is null)
            {
                return;
            }

            if (wrapper is not null && model.Wrappers.Of(wrapper, invocation.SemanticModel, context.CancellationToken) is null)
            {
                return;
            }

            var kind = function.MethodKind switch
            {
                MethodKind.AnonymousFunction => "lambda",
                MethodKind.LocalFunction => "local function",
                _ => "method",
            };
            IOperation located = invocation.Parent is IConditionalAccessOperation conditional && ReferenceEquals(conditional.WhenNotNull, invocation)
                ? conditional
                : invocation;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SendOutcomeNotObserved,
                located.Syntax.GetLocation(),
                invocation.TargetMethod.Name,
                "it is called in an async void " + kind + " that does not catch its exception"));
        }

        private static bool IsIteratorType(ITypeSymbol type)
            => type.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T
                or SpecialType.System_Collections_IEnumerable
                or SpecialType.System_Collections_Generic_IEnumerator_T
                or SpecialType.System_Collections_IEnumerator;
    }
}
