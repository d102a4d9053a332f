using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    /// SMTP2005 by exception type and by error code rather than by reply code: MailKit's authentication failures
    /// (<c>AuthenticationException</c>: 535 and friends; <c>ServiceNotAuthenticatedException</c>: 530) handled as transient,
    /// and a MailKit <c>SmtpErrorCode</c> (which command was refused, not with which class) handled as transient without a
    /// look at StatusCode.
    /// </summary>
    internal sealed partial class ReplyClassMisclassifiedRule
    {
        private const string AuthenticationClass = "an authentication failure, permanent until the credentials or settings change";

        private const string AuthenticationAdvice = "a retry with the same credentials fails again (RFC 4954 §6); fix the credentials or settings instead";

        private const string ErrorCodeClass = "the refused command, not the reply class (it comes with a 4yz or a 5yz reply)";

        private const string ErrorCodeAdvice = "read StatusCode before retrying: a permanent 5yz reply must not be sent again unchanged (RFC 5321 §4.2.1)";

        private static void StartNotByReplyCode(Engine.RuleStart start, SmtpModel model)
        {
            // Symbols are resolved after compilation start: each handler checks for MailKit's types first.
            start.OnOperation(WhenMailKit(model, AnalyzeCatchClause), OperationKind.CatchClause);
            start.OnOperation(WhenMailKit(model, AnalyzeTypeOrErrorCodeSwitch), OperationKind.Switch);
            start.OnOperation(WhenMailKit(model, AnalyzeTypeOrErrorCodeSwitchExpression), OperationKind.SwitchExpression);
            start.OnOperation(WhenMailKit(model, AnalyzeTypeOrErrorCodeConditional), OperationKind.Conditional);
        }

        private static Action<OperationAnalysisContext> WhenMailKit(SmtpModel model, Action<OperationAnalysisContext, SmtpModel> analyze)
            => context =>
            {
                if (model.MailKitAuthenticationException is not null || model.ServiceNotAuthenticatedException is not null || model.SmtpErrorCode is not null)
                {
                    analyze(context, model);
                }
            };

        /// <summary><c>catch (AuthenticationException) { return Outcome.RetryLater; }</c>.</summary>
        private static void AnalyzeCatchClause(OperationAnalysisContext context, SmtpModel model)
        {
            var clause = (ICatchClauseOperation)context.Operation;
            if (clause.Filter is not null || !IsAuthenticationFailure(clause.ExceptionType, model)
                || clause.Syntax is not CatchClauseSyntax { Declaration: { } declaration })
            {
                return;
            }

            var outcome = Outcome(clause.Handler.Operations, context.ContainingSymbol);
            if (outcome is { } found && found.Item1 == ReplyClass.TransientNegative && OnlyDecides(clause.Handler.Operations))
            {
                Report(context, model, declaration.Type.GetLocation(), clause.ExceptionType.Name, AuthenticationClass, found.Item2, AuthenticationAdvice);
            }
        }

        /// <summary><c>switch (ex) { case AuthenticationException: ... }</c> and <c>switch (ex.ErrorCode) { case SmtpErrorCode.X: ... }</c>.</summary>
        private static void AnalyzeTypeOrErrorCodeSwitch(OperationAnalysisContext context, SmtpModel model)
        {
            var switchOperation = (ISwitchOperation)context.Operation;
            var onErrorCode = IsErrorCode(switchOperation.Value.Type, model);
            if (!onErrorCode && !IsExceptionValue(switchOperation.Value.Type, model))
            {
                return;
            }

            foreach (var section in switchOperation.Cases)
            {
                if (Outcome(section.Body, context.ContainingSymbol) is not { } outcome || outcome.Item1 != ReplyClass.TransientNegative)
                {
                    continue;
                }

                foreach (var clause in section.Clauses)
                {
                    switch (clause)
                    {
                        case ISingleValueCaseClauseOperation single when onErrorCode:
                            CheckErrorCode(context, model, single.Value, outcome.Item2, section.Body);
                            break;
                        case IPatternCaseClauseOperation { Guard: null } pattern:
                            CheckPattern(context, model, pattern.Pattern, onErrorCode, outcome.Item2, section.Body);
                            break;
                    }
                }
            }
        }

        private static void AnalyzeTypeOrErrorCodeSwitchExpression(OperationAnalysisContext context, SmtpModel model)
        {
            var switchExpression = (ISwitchExpressionOperation)context.Operation;
            var onErrorCode = IsErrorCode(switchExpression.Value.Type, model);
            if (!onErrorCode && !IsExceptionValue(switchExpression.Value.Type, model))
            {
                return;
            }

            foreach (var arm in switchExpression.Arms)
            {
                if (arm.Guard is null && OutcomeOf(arm.Value, context.ContainingSymbol) is { } outcome && outcome.Item1 == ReplyClass.TransientNegative)
                {
                    CheckPattern(context, model, arm.Pattern, onErrorCode, outcome.Item2, ImmutableArray.Create(arm.Value));
                }
            }
        }

        /// <summary><c>if (ex is AuthenticationException) return Retry;</c>, <c>if (ex.ErrorCode == SmtpErrorCode.MessageNotAccepted) return Retry;</c>.</summary>
        private static void AnalyzeTypeOrErrorCodeConditional(OperationAnalysisContext context, SmtpModel model)
        {
            var conditional = (IConditionalOperation)context.Operation;
            var condition = Unwrap.AllConversions(conditional.Condition);
            if (condition.Kind is not (OperationKind.IsType or OperationKind.IsPattern or OperationKind.Binary))
            {
                // By kind first, as for every if and ?: of the project: no type test per operation interface.
                return;
            }

            var branch = conditional.WhenTrue;
            switch (condition)
            {
                case IIsTypeOperation isType when IsAuthenticationFailure(isType.TypeOperand, model):
                    if (BranchOutcome(branch, context.ContainingSymbol) is { } typeOutcome && typeOutcome.Item1 == ReplyClass.TransientNegative
                        && OnlyDecides(Body(branch))
                        && isType.Syntax is BinaryExpressionSyntax { Right: { } typeSyntax })
                    {
                        Report(context, model, typeSyntax.GetLocation(), isType.TypeOperand.Name, AuthenticationClass, typeOutcome.Item2, AuthenticationAdvice);
                    }

                    break;
                case IIsPatternOperation isPattern:
                    var onErrorCode = IsErrorCode(isPattern.Value.Type, model);
                    if ((onErrorCode || IsExceptionValue(isPattern.Value.Type, model))
                        && BranchOutcome(branch, context.ContainingSymbol) is { } patternOutcome && patternOutcome.Item1 == ReplyClass.TransientNegative)
                    {
                        CheckPattern(context, model, isPattern.Pattern, onErrorCode, patternOutcome.Item2, Body(branch));
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                    var member = IsErrorCode(equals.LeftOperand.Type, model) && equals.RightOperand.ConstantValue.HasValue ? equals.RightOperand
                        : IsErrorCode(equals.RightOperand.Type, model) && equals.LeftOperand.ConstantValue.HasValue ? equals.LeftOperand
                        : null;
                    if (member is not null && BranchOutcome(branch, context.ContainingSymbol) is { } codeOutcome && codeOutcome.Item1 == ReplyClass.TransientNegative)
                    {
                        CheckErrorCode(context, model, member, codeOutcome.Item2, Body(branch));
                    }

                    break;
            }
        }

        private static ImmutableArray<IOperation> Body(IOperation branch)
            => branch is IBlockOperation block ? block.Operations : ImmutableArray.Create(branch);

        /// <summary>The outcome of an if's branch (a block or one statement) or of a conditional expression's value.</summary>
        private static (ReplyClass, OutcomeName)? BranchOutcome(IOperation branch, ISymbol containing)
            => branch is IBlockOperation block
                ? Outcome(block.Operations, containing)
                : Outcome(ImmutableArray.Create(branch), containing) ?? OutcomeOf(branch, containing);

        private static void CheckPattern(OperationAnalysisContext context, SmtpModel model, IPatternOperation pattern, bool onErrorCode, OutcomeName outcome, ImmutableArray<IOperation> branch)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant when onErrorCode:
                    CheckErrorCode(context, model, constant.Value, outcome, branch);
                    break;
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                    CheckPattern(context, model, or.LeftPattern, onErrorCode, outcome, branch);
                    CheckPattern(context, model, or.RightPattern, onErrorCode, outcome, branch);
                    break;
                case IPatternOperation when !onErrorCode && !OnlyDecides(branch):
                    // Refreshing a token or the credentials before trying again is not a misclassification.
                    break;
                case ITypePatternOperation typePattern when !onErrorCode && IsAuthenticationFailure(typePattern.MatchedType, model):
                    Report(context, model, typePattern.Syntax.GetLocation(), typePattern.MatchedType.Name, AuthenticationClass, outcome, AuthenticationAdvice);
                    break;
                case IDeclarationPatternOperation { MatchedType: { } matched } declaration when !onErrorCode && IsAuthenticationFailure(matched, model)
                    && declaration.Syntax is DeclarationPatternSyntax { Type: { } declared }:
                    Report(context, model, declared.GetLocation(), matched.Name, AuthenticationClass, outcome, AuthenticationAdvice);
                    break;
                case IRecursivePatternOperation { MatchedType: { } recursiveType, PropertySubpatterns.IsEmpty: true, DeconstructionSubpatterns.IsEmpty: true } recursive
                    when !onErrorCode && IsAuthenticationFailure(recursiveType, model) && recursive.Syntax is RecursivePatternSyntax { Type: { } recursiveSyntax }:
                    Report(context, model, recursiveSyntax.GetLocation(), recursiveType.Name, AuthenticationClass, outcome, AuthenticationAdvice);
                    break;
            }
        }

        /// <summary>An SmtpErrorCode member whose branch retries without reading StatusCode.</summary>
        private static void CheckErrorCode(OperationAnalysisContext context, SmtpModel model, IOperation member, OutcomeName outcome, IEnumerable<IOperation> branch)
        {
            if (!member.ConstantValue.HasValue || ReadsStatusCode(branch) || ReadsStatusCode(ImmutableArray.Create(Scope(member))))
            {
                return;
            }

            Report(context, model, member.Syntax.GetLocation(), member.Syntax.ToString(), ErrorCodeClass, outcome, ErrorCodeAdvice);
        }

        private static void Report(OperationAnalysisContext context, SmtpModel model, Location location, string what, string isWhat, OutcomeName outcome, string advice)
        {
            if (model.IsInGeneratedHelper(context.ContainingSymbol))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ReplyClassMisclassified, location, what, isWhat, outcome.ToString(), advice));
        }

        private static bool IsAuthenticationFailure(ITypeSymbol? type, SmtpModel model) => model.IsAuthenticationFailure(type);

        private static bool IsErrorCode(ITypeSymbol? type, SmtpModel model)
            => type is not null && model.SmtpErrorCode is not null && SymbolEqualityComparer.Default.Equals(type, model.SmtpErrorCode);

        private static bool IsExceptionValue(ITypeSymbol? type, SmtpModel model)
            => type is not null && type.TypeKind == TypeKind.Class && model.Exception is not null && SymbolRelations.IsOrDerivesFrom(type, model.Exception);

        /// <summary>
        /// Whether a branch only decides: every call in it writes a log or text. A branch that calls anything else (refreshes
        /// an OAuth token, asks for new credentials, reconnects) may have changed what the retry sends.
        /// </summary>
        private static bool OnlyDecides(IEnumerable<IOperation> branch)
        {
            foreach (var root in branch)
            {
                foreach (var operation in OperationWalk.DescendantsAndSelf(root))
                {
                    if (operation is IInvocationOperation invocation && !FailureSwallowedRule.IsTextOrLog(invocation.TargetMethod))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>Where a StatusCode check may guard the error-code decision: the enclosing catch clause, else the whole body.</summary>
        private static IOperation Scope(IOperation operation)
        {
            var current = operation;
            while (current.Parent is not null)
            {
                current = current.Parent;
                if (current is ICatchClauseOperation)
                {
                    return current;
                }
            }

            return current;
        }

        private static bool ReadsStatusCode(IEnumerable<IOperation> branch)
        {
            foreach (var root in branch)
            {
                foreach (var operation in OperationWalk.DescendantsAndSelf(root))
                {
                    if (operation is IPropertyReferenceOperation { Property.Name: "StatusCode" })
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
