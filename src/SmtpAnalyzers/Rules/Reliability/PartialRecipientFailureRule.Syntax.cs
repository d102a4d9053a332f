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
    /// <summary>SMTP2003: same-variable tests, walks and locations shared by its checks.</summary>
    internal sealed partial class PartialRecipientFailureRule
    {
        /// <summary>Whether two expressions name the same variable: a local, a parameter, <c>this</c>, or a field or property of one.</summary>
        private static bool SameVariable(IOperation? first, IOperation? second)
        {
            first = first is null ? null : Unwrap.ImplicitConversionsAndParentheses(first);
            second = second is null ? null : Unwrap.ImplicitConversionsAndParentheses(second);
            switch (first)
            {
                case ILocalReferenceOperation local:
                    return second is ILocalReferenceOperation otherLocal && SymbolEqualityComparer.Default.Equals(local.Local, otherLocal.Local);
                case IParameterReferenceOperation parameter:
                    return second is IParameterReferenceOperation otherParameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, otherParameter.Parameter);
                case IInstanceReferenceOperation:
                    return second is IInstanceReferenceOperation;
                case IFieldReferenceOperation field:
                    return second is IFieldReferenceOperation otherField
                        && SymbolEqualityComparer.Default.Equals(field.Field, otherField.Field)
                        && SameInstance(field.Instance, otherField.Instance);
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                    return second is IPropertyReferenceOperation otherProperty
                        && otherProperty.Arguments.IsEmpty
                        && SymbolEqualityComparer.Default.Equals(property.Property, otherProperty.Property)
                        && SameInstance(property.Instance, otherProperty.Instance);
                default:
                    return false;
            }
        }

        private static bool SameInstance(IOperation? first, IOperation? second)
            => (first is null && second is null) || (first is not null && second is not null && SameVariable(first, second));

        private static bool IsLocal(IOperation operation, ILocalSymbol local)
            => Unwrap.ImplicitConversionsAndParentheses(operation) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

        private static ILocalSymbol? CatchLocal(ICatchClauseOperation clause)
            => (clause.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol;

        /// <summary>Every operation of the clause's filter and handler, functions declared there included.</summary>
        private static IEnumerable<IOperation> FilterAndHandler(ICatchClauseOperation clause)
        {
            if (clause.Filter is not null)
            {
                yield return clause.Filter;
                foreach (var operation in OperationWalk.Descendants(clause.Filter))
                {
                    yield return operation;
                }
            }

            foreach (var operation in OperationWalk.Descendants(clause.Handler))
            {
                yield return operation;
            }
        }

        /// <summary><c>catch (SmtpFailedRecipientsException ex)</c>: from the keyword to the end of the declaration.</summary>
        private static Location CatchDeclarationLocation(ICatchClauseOperation clause)
        {
            if (clause.Syntax is CatchClauseSyntax syntax)
            {
                var end = syntax.Declaration?.Span.End ?? syntax.CatchKeyword.Span.End;
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, end));
            }

            return clause.Syntax.GetLocation();
        }

        /// <summary>The caught type as written in the declaration.</summary>
        private static Location CaughtTypeLocation(ICatchClauseOperation clause)
            => clause.Syntax is CatchClauseSyntax { Declaration: { } declaration }
                ? declaration.Type.GetLocation()
                : CatchDeclarationLocation(clause);
    }
}
