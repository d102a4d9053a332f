using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Catches;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>SMTP2002: how a condition in a catch reads the reply (class check, allow-list, deny-list).</summary>
    internal sealed partial class PermanentFailureRetriedRule
    {
        /// <summary>Classifies a condition by how it reads the reply.</summary>
        private static Condition Classify(IOperation condition, ISymbol? exceptionLocal, SmtpModel model)
        {
            var replyClass = false;
            var deny = false;
            var member = false;
            var testedReplyType = false;
            var testedOtherType = false;
            foreach (var operation in WalkAll(condition))
            {
                switch (operation)
                {
                    case IInvocationOperation invocation when exceptionLocal is not null:
                        foreach (var argument in invocation.Arguments)
                        {
                            if (IsLocal(argument.Value, exceptionLocal))
                            {
                                // A helper that classifies the exception itself.
                                replyClass = true;
                            }
                        }

                        break;
                    case IIsTypeOperation isType:
                        Tested(isType.TypeOperand, IsNegated(isType));
                        break;
                    case ITypePatternOperation typePattern:
                        Tested(typePattern.MatchedType, IsNegated(typePattern));
                        break;
                    case IDeclarationPatternOperation declarationPattern when declarationPattern.MatchedType is not null:
                        Tested(declarationPattern.MatchedType, IsNegated(declarationPattern));
                        break;
                    case IConversionOperation:
                    case IParenthesizedOperation:
                        break;
                    default:
                        if (model.IsStatusCode(operation, out _))
                        {
                            if (IsExclusion(operation))
                            {
                                deny = true;
                            }
                            else if (IsInclusion(operation))
                            {
                                member = true;
                            }
                            else
                            {
                                replyClass = true;
                            }
                        }

                        break;
                }
            }

            if (replyClass || (deny && member))
            {
                return Condition.ReplyClass;
            }

            if (deny)
            {
                return Condition.DenyList;
            }

            if (member)
            {
                return Condition.Membership;
            }

            return testedOtherType && !testedReplyType ? Condition.NoReplyType : Condition.None;

            void Tested(ITypeSymbol? type, bool negated)
            {
                if (type is null)
                {
                    return;
                }

                if (model.CanCarryPermanentReply(type) || model.IsCatchAll(type))
                {
                    if (negated)
                    {
                        testedOtherType = true;
                    }
                    else
                    {
                        testedReplyType = true;
                    }
                }
                else if (!negated)
                {
                    testedOtherType = true;
                }
            }
        }

        /// <summary>Whether a status code read only excludes a constant: <c>code != X</c>, <c>code is not X</c>.</summary>
        private static bool IsExclusion(IOperation statusCode)
        {
            var current = statusCode;
            var parent = current.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } binary:
                    var other = ReferenceEquals(binary.LeftOperand, current) ? binary.RightOperand : binary.LeftOperand;
                    return IntegerConstants.HasConstant(other);
                case IIsPatternOperation { Pattern: INegatedPatternOperation negated } isPattern when ReferenceEquals(isPattern.Value, current):
                    foreach (var pattern in WalkAll(negated.Pattern))
                    {
                        if (pattern is IPatternOperation && pattern is not (IConstantPatternOperation or IBinaryPatternOperation))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Whether a status code read only tests equality with constants: <c>code == X</c>, <c>code is X or Y</c>.</summary>
        private static bool IsInclusion(IOperation statusCode)
        {
            var current = statusCode;
            var parent = current.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary:
                    var other = ReferenceEquals(binary.LeftOperand, current) ? binary.RightOperand : binary.LeftOperand;
                    return IntegerConstants.HasConstant(other);
                case IIsPatternOperation isPattern when ReferenceEquals(isPattern.Value, current):
                    foreach (var pattern in WalkAll(isPattern.Pattern))
                    {
                        if (pattern is IPatternOperation && pattern is not (IConstantPatternOperation or IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or }))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Whether <paramref name="branch"/> always leaves the catch without retrying: it ends in return, throw or break.</summary>
        private static bool Exits(IOperation branch)
        {
            var last = branch is IBlockOperation block
                ? (block.Operations.IsEmpty ? null : block.Operations[block.Operations.Length - 1])
                : branch;
            return last is IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }
                || last is IBranchOperation { BranchKind: BranchKind.Break };
        }

        private static bool IsNegated(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case INegatedPatternOperation:
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                        return true;
                    case IParenthesizedOperation:
                    case IBinaryPatternOperation:
                    case IIsPatternOperation:
                    case IConversionOperation:
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        private static bool IsLocal(IOperation? operation, ISymbol? local)
            => local is not null && operation is not null
                && (Unwrap.AllConversions(operation) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    || Unwrap.AllConversions(operation) is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, local));
    }
}
