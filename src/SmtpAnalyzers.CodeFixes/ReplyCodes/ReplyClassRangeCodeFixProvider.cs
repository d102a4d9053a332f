using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.ReplyCodes
{
    /// <summary>
    /// SMTP1002 and SMTP1003: replaces a numeric reply-class range with the documented reply-class check of the
    /// generated <c>SmtpReplyCodes</c> holder (<c>ex.StatusCode.IsPermanentFailure()</c>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplyClassRangeCodeFixProvider))]
    [Shared]
    public sealed class ReplyClassRangeCodeFixProvider : SmtpCodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string FixEquivalenceKey = RuleIds.UseReplyClassCheck + ".UseClassCheck";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UseReplyClassCheck, RuleIds.WrongClassBoundary);

        protected override string EquivalenceKey => FixEquivalenceKey;

        private protected override FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(ReplyClassRangeRule.CheckProperty, out var checkName)
                || !Enum.TryParse<ReplyClassCheck>(checkName, out var check)
                || check == ReplyClassCheck.None)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var operation = semanticModel.GetOperation(node, cancellationToken);
            var model = SmtpModel.Create(semanticModel.Compilation);
            var (replaced, statusCode) = Target(operation, model);
            if (replaced is not ExpressionSyntax replacedExpression || statusCode is null)
            {
                return null;
            }

            var call = CheckCall(statusCode, check, model);
            if (call is null)
            {
                return null;
            }

            return FixPlan.Replace(
                "Use " + ReplyClassRangeRule.Describe(check),
                replacedExpression,
                call.WithTriviaFrom(replacedExpression),
                HolderNeeds.ReplyClassChecks);
        }

        /// <summary>The expression to replace and the status code it tests.</summary>
        private static (SyntaxNode? Replaced, IOperation? StatusCode) Target(IOperation? operation, SmtpModel model)
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd, LeftOperand: IBinaryOperation left } and:
                    return (and.Syntax, StatusOperand(left, model));
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } equality:
                    var other = equality.RightOperand.ConstantValue.HasValue ? equality.LeftOperand : equality.RightOperand;
                    while (other is IConversionOperation conversion)
                    {
                        other = conversion.Operand;
                    }

                    return other switch
                    {
                        IBinaryOperation divide => (equality.Syntax, divide.LeftOperand),
                        IPropertyReferenceOperation { Instance: IInvocationOperation toString } => (equality.Syntax, toString.Instance),
                        _ => (null, null),
                    };
                case IBinaryOperation comparison:
                    return (comparison.Syntax, StatusOperand(comparison, model));
                case IInvocationOperation { Instance: IInvocationOperation toString } startsWith:
                    return (startsWith.Syntax, toString.Instance);
                case IPatternOperation pattern when pattern.Parent is IIsPatternOperation isPattern:
                    return (isPattern.Syntax, isPattern.Value);
                default:
                    return (null, null);
            }
        }

        private static IOperation StatusOperand(IBinaryOperation comparison, SmtpModel model)
            => model.IsStatusCode(comparison.LeftOperand, out _) ? comparison.LeftOperand : comparison.RightOperand;

        /// <summary><c>x.IsPermanentFailure()</c> for an enum value, <c>SmtpReplyCodes.IsPermanentFailure(code)</c> for an int.</summary>
        private static ExpressionSyntax? CheckCall(IOperation statusCode, ReplyClassCheck check, SmtpModel model)
        {
            var (name, negate) = check switch
            {
                ReplyClassCheck.Transient => (ReplyCodesHolder.TransientCheck, false),
                ReplyClassCheck.Permanent => (ReplyCodesHolder.PermanentCheck, false),
                ReplyClassCheck.Failure => (ReplyCodesHolder.FailureCheck, false),
                ReplyClassCheck.NotPermanent => (ReplyCodesHolder.PermanentCheck, true),
                _ => (ReplyCodesHolder.FailureCheck, true),
            };

            ExpressionSyntax call;
            if (statusCode is IConversionOperation { Syntax: CastExpressionSyntax cast } conversion
                && model.IsStatusCodeEnum(conversion.Operand.Type, out _))
            {
                call = ExtensionCall(cast.Expression, name);
            }
            else if (model.IsStatusCodeEnum(statusCode.Type, out _) && statusCode.Syntax is ExpressionSyntax enumValue)
            {
                call = ExtensionCall(enumValue, name);
            }
            else if (statusCode.Type?.SpecialType == SpecialType.System_Int32 && statusCode.Syntax is ExpressionSyntax code)
            {
                call = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.ParseExpression(ReplyCodesHolder.TypeName + "." + name),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(code.WithoutTrivia()))));
            }
            else
            {
                return null;
            }

            return negate ? SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, call) : call;
        }

        private static ExpressionSyntax ExtensionCall(ExpressionSyntax receiver, string name)
        {
            receiver = receiver.WithoutTrivia();
            if (receiver is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax))
            {
                receiver = SyntaxFactory.ParenthesizedExpression(receiver);
            }

            return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(name)));
        }
    }
}
