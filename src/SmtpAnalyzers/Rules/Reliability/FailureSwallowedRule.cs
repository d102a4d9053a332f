using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Catches;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2001: a catch clause that receives the failure of a send in its try block and neither rethrows (or
    /// wraps it), nor reads the reply code, nor hands the exception object on: the reply class is lost.
    /// </summary>
    internal sealed class FailureSwallowedRule : SmtpRule
    {
        /// <summary>Diagnostic property: the library of the sends in the try block, when there is exactly one.</summary>
        public const string LibraryProperty = "Library";

        /// <summary>Members of Exception and Object that turn an exception into text or lose it.</summary>
        private static readonly ImmutableHashSet<string> FlatteningMembers = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "Message",
            "ToString",
            "StackTrace",
            "Source",
            "HelpLink",
            "HResult",
            "GetType",
            "Data",
            "TargetSite");

        /// <summary>Members that read the reply: StatusCode, MailKit's ErrorCode, and the per-recipient exceptions.</summary>
        private static readonly ImmutableHashSet<string> ReplyMembers = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "StatusCode",
            "ErrorCode",
            "InnerExceptions");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.FailureSwallowed);

        public override void Start(RuleStart start)
        {
            var model = start.Model;
            if (model.SystemNetMailClient is null && model.MailKitIMailTransport is null)
            {
                return;
            }

            start.OnTryAroundSend((c, facts) => AnalyzeTry(c, model, facts));
        }

        private static void AnalyzeTry(OperationAnalysisContext context, SmtpModel model, TryFacts facts)
        {
            var tryOperation = facts.Try;
            if (IsExempt(context.ContainingSymbol))
            {
                return;
            }

            var libraries = new HashSet<SmtpLibrary>();
            foreach (var send in facts.Sends)
            {
                libraries.Add(send.Library);
            }

            // The failure types still uncaught before each clause, in clause order (C# order rules apply).
            var failures = libraries.SelectMany(model.FailureTypes).ToList();
            var properties = libraries.Count == 1
                ? ImmutableDictionary<string, string?>.Empty.Add(LibraryProperty, libraries.First().ToString())
                : ImmutableDictionary<string, string?>.Empty;

            var separatedEarlier = false;
            foreach (var clause in tryOperation.Catches)
            {
                var caught = clause.ExceptionType;
                var receives = failures.Any(f => SymbolRelations.IsOrDerivesFrom(f, caught as INamedTypeSymbol) || SymbolRelations.IsOrDerivesFrom(caught, f))
                    || caught.SpecialType == SpecialType.System_Object;

                // Once an earlier clause has taken failures by their reply code ("when (ex.StatusCode.IsTransientFailure())"),
                // the clauses after it see a remainder already told apart from them.
                if (receives && !separatedEarlier && !Handles(clause, model))
                {
                    var syntax = (CatchClauseSyntax)clause.Syntax;
                    var end = syntax.Filter?.Span.End ?? syntax.Declaration?.Span.End ?? syntax.CatchKeyword.Span.End;
                    var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, end));
                    var caughtName = syntax.Declaration is null ? "every exception" : caught.Name;
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.FailureSwallowed, location, properties, caughtName));
                }

                if (clause.Filter is not null && ReadsReply(clause.Filter, model))
                {
                    separatedEarlier = true;
                }

                if (clause.Filter is null)
                {
                    // An unfiltered clause takes every failure of its type away from the clauses after it.
                    failures.RemoveAll(f => SymbolRelations.IsOrDerivesFrom(f, caught as INamedTypeSymbol) || caught.SpecialType == SpecialType.System_Object);
                    if (failures.Count == 0)
                    {
                        return;
                    }
                }
            }
        }

        /// <summary>
        /// Whether the clause keeps the failure: it throws (rethrow, or a new exception built with the caught one),
        /// reads the reply code, or passes the exception object on.
        /// </summary>
        private static bool Handles(ICatchClauseOperation clause, SmtpModel model)
        {
            var local = clause.Locals.FirstOrDefault();
            foreach (var operation in Walk(clause))
            {
                switch (operation)
                {
                    case IThrowOperation thrown:
                        // "throw;", "throw ex;" and "throw new X(..., ex)" keep the failure; text of it does not.
                        if (thrown.Exception is null || (local is not null && CarriesUnflattened(thrown.Exception, local)))
                        {
                            return true;
                        }

                        break;

                    case IPropertyReferenceOperation or IPropertySubpatternOperation when ReadsReplyHere(operation, model):
                        return true;

                    case ILocalReferenceOperation reference when local is not null && SymbolEqualityComparer.Default.Equals(reference.Local, local):
                        if (!IsFlattened(reference))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        private static bool ReadsReply(IOperation operation, SmtpModel model)
            => operation.DescendantsAndSelf().Any(o => ReadsReplyHere(o, model));

        /// <summary>Whether <paramref name="operation"/> itself reads StatusCode, ErrorCode or InnerExceptions of an SMTP type.</summary>
        private static bool ReadsReplyHere(IOperation operation, SmtpModel model) => operation switch
        {
            IPropertyReferenceOperation property => ReplyMembers.Contains(property.Property.Name) && IsSmtpMember(property.Property, model),
            IPropertySubpatternOperation { Member: IPropertyReferenceOperation member } => ReplyMembers.Contains(member.Property.Name) && IsSmtpMember(member.Property, model),
            _ => false,
        };

        /// <summary>A use of the caught exception that keeps only its text.</summary>
        private static bool IsFlattened(ILocalReferenceOperation reference)
        {
            IOperation current = reference;
            while (current.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                current = conversion;
            }

            switch (current.Parent)
            {
                case IPropertyReferenceOperation property when ReferenceEquals(property.Instance, current):
                    return FlatteningMembers.Contains(property.Property.Name);
                case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, current):
                    return FlatteningMembers.Contains(invocation.TargetMethod.Name);
                case IInterpolationOperation:
                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                    return concatenation.Type?.SpecialType == SpecialType.System_String;
                case IArgumentOperation { Parent: IInvocationOperation call }:
                    return IsTextWriter(call.TargetMethod);
                case IConditionalAccessOperation conditional when ReferenceEquals(conditional.Operation, current):
                    return conditional.WhenNotNull is IPropertyReferenceOperation { Property.Name: var name } && FlatteningMembers.Contains(name)
                        || conditional.WhenNotNull is IInvocationOperation { TargetMethod.Name: var method } && FlatteningMembers.Contains(method);
                default:
                    return false;
            }
        }

        /// <summary>Console, Debug and Trace writes: they print the exception and keep nothing.</summary>
        private static bool IsTextWriter(IMethodSymbol method)
        {
            var type = method.ContainingType;
            return type?.ContainingNamespace?.ToDisplayString() is "System" or "System.Diagnostics"
                && type.Name is "Console" or "Debug" or "Trace";
        }

        private static bool IsSmtpMember(IPropertySymbol property, SmtpModel model)
        {
            var type = property.ContainingType;
            return SymbolRelations.IsOrDerivesFrom(type, model.SmtpException)
                || SymbolRelations.IsOrDerivesFrom(type, model.MailKitCommandException)
                || SymbolRelations.IsOrDerivesFrom(type, model.SmtpResponse);
        }

        private static bool CarriesUnflattened(IOperation operation, ILocalSymbol local)
            => operation.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(r => SymbolEqualityComparer.Default.Equals(r.Local, local) && !IsFlattened(r));

        /// <summary>The filter and handler of a clause, without nested lambdas and local functions.</summary>
        private static IEnumerable<IOperation> Walk(ICatchClauseOperation clause)
        {
            var pending = new Stack<IOperation>();
            if (clause.Filter is not null)
            {
                pending.Push(clause.Filter);
            }

            pending.Push(clause.Handler);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                yield return operation;
                foreach (var child in operation.ChildOperations)
                {
                    if (child is not ILocalFunctionOperation)
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        /// <summary>
        /// Interactive "send a test mail" actions show the server's reply text to an administrator, and unit tests
        /// assert on it: a method or type whose name says Test is left alone.
        /// </summary>
        private static bool IsExempt(ISymbol symbol)
        {
            for (var current = symbol; current is not null; current = current.ContainingSymbol)
            {
                if (current is IMethodSymbol or INamedTypeSymbol && current.Name.IndexOf("Test", StringComparison.Ordinal) >= 0)
                {
                    return true;
                }

                if (current is INamespaceSymbol)
                {
                    return false;
                }
            }

            return false;
        }
    }
}
