using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// SMTP2005: a named status code handled as the other reply class: a transient (4yz) member mapped to an
    /// outcome named permanent, fatal, failed, critical...; a permanent (5yz) member mapped to one named
    /// transient, retry, temporary...; GeneralFailure treated as permanent without a look at InnerException.
    /// The outcome is the first thing the branch returns, assigns or throws, or the value of a switch arm.
    /// </summary>
    internal sealed partial class ReplyClassMisclassifiedRule : SmtpRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ReplyClassMisclassified);

        public override void Start(RuleStart start)
        {
            var model = start.Model;
            start.OnOperation(c => AnalyzeSwitch(c, model), OperationKind.Switch);
            start.OnOperation(c => AnalyzeSwitchExpression(c, model), OperationKind.SwitchExpression);
            start.OnOperation(c => AnalyzeConditional(c, model), OperationKind.Conditional);
            start.OnComparisonWithConstant((c, comparison) => AnalyzeReturnedComparison(c, model, comparison));
            StartNotByReplyCode(start, model);
        }

        /// <summary>
        /// A predicate that returns its list: <c>static bool CanRecover(SmtpException ex) =&gt; ex.StatusCode == MailboxBusy
        /// || ex.StatusCode == MailboxUnavailable;</c>. Each <c>==</c> of the <c>||</c> chain that the method returns says
        /// "true" for its member, so the member gets the class of the method's name. Each comparison reports its own member.
        /// </summary>
        private static void AnalyzeReturnedComparison(OperationAnalysisContext context, SmtpModel model, IBinaryOperation comparison)
        {
            // The shape first (most comparisons are conditions of an if), then the method.
            if (comparison.OperatorKind != BinaryOperatorKind.Equals)
            {
                return;
            }

            IOperation top = comparison;
            while (top.Parent is { } parent && parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or IParenthesizedOperation)
            {
                top = parent;
            }

            if (top.Parent is not IReturnOperation returned
                || context.ContainingSymbol is not IMethodSymbol { ReturnType.SpecialType: SpecialType.System_Boolean } method)
            {
                return;
            }

            for (var parent = returned.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    // The value of a lambda or local function, not of the method whose name says the class.
                    return;
                }
            }

            List<IOperation>? own = null;
            List<IOperation>? all = null;
            if (!CollectEqualities(comparison, model, ref own) || own is not { Count: 1 } || !CollectEqualities(top, model, ref all))
            {
                // Only a chain made of status-code equalities lists members; anything else in it is another condition.
                return;
            }

            var methodClass = OutcomeWords.ClassOf(method.Name);
            if (methodClass != ReplyClass.None)
            {
                foreach (var member in own)
                {
                    Check(context, model, member, (methodClass, OutcomeName.Returning(method.Name, true)), new Branch(top));
                }
            }
        }

        private static void AnalyzeSwitch(OperationAnalysisContext context, SmtpModel model)
        {
            var switchOperation = (ISwitchOperation)context.Operation;
            if (!model.IsStatusCodeEnum(switchOperation.Value.Type, out _))
            {
                return;
            }

            foreach (var section in switchOperation.Cases)
            {
                var outcome = Outcome(section.Body, context.ContainingSymbol);
                if (outcome is null)
                {
                    continue;
                }

                foreach (var clause in section.Clauses)
                {
                    switch (clause)
                    {
                        case ISingleValueCaseClauseOperation single:
                            Check(context, model, single.Value, outcome.Value, new Branch(section.Body));
                            break;
                        case IPatternCaseClauseOperation { Guard: null } pattern:
                            CheckConstants(context, model, pattern.Pattern, outcome.Value, new Branch(section.Body));
                            break;
                    }
                }
            }
        }

        private static void AnalyzeSwitchExpression(OperationAnalysisContext context, SmtpModel model)
        {
            var switchExpression = (ISwitchExpressionOperation)context.Operation;
            if (!model.IsStatusCodeEnum(switchExpression.Value.Type, out _))
            {
                return;
            }

            foreach (var arm in switchExpression.Arms)
            {
                if (arm.Guard is null && OutcomeOf(arm.Value, context.ContainingSymbol) is { } outcome)
                {
                    CheckConstants(context, model, arm.Pattern, outcome, new Branch(arm.Value));
                }
            }
        }

        private static void AnalyzeConditional(OperationAnalysisContext context, SmtpModel model)
        {
            var conditional = (IConditionalOperation)context.Operation;

            // The list is the thread's, borrowed for this condition and given back cleared.
            var rented = t_members ?? new List<IOperation>();
            t_members = null;
            try
            {
                List<IOperation>? members = rented;
                if (!CollectEqualities(conditional.Condition, model, ref members) || rented.Count == 0)
                {
                    return;
                }

                var branch = conditional.WhenTrue;
                var outcome = branch is IBlockOperation block ? Outcome(block.Operations, context.ContainingSymbol) : OutcomeOf(branch, context.ContainingSymbol);
                if (outcome is not null)
                {
                    foreach (var member in rented)
                    {
                        Check(context, model, member, outcome.Value, new Branch(branch));
                    }
                }
            }
            finally
            {
                rented.Clear();
                t_members = rented;
            }
        }

        [System.ThreadStatic]
        private static List<IOperation>? t_members;

        /// <summary><c>code == A || code == B</c>, <c>code is A or B</c>: the named members compared with a status code.</summary>
        private static bool CollectEqualities(IOperation condition, SmtpModel model, ref List<IOperation>? members)
        {
            // By kind first: this runs for the condition of every if and ?: of the project, and a failed type test per
            // operation interface scans the class's interface map.
            if (condition.Kind is not (OperationKind.Binary or OperationKind.IsPattern))
            {
                return false;
            }

            switch (condition)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return CollectEqualities(or.LeftOperand, model, ref members) && CollectEqualities(or.RightOperand, model, ref members);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                    if (model.IsStatusCodeEnum(equals.LeftOperand.Type, out _) && IntegerConstants.HasConstant(equals.RightOperand))
                    {
                        (members ??= new List<IOperation>()).Add(equals.RightOperand);
                        return true;
                    }

                    if (model.IsStatusCodeEnum(equals.RightOperand.Type, out _) && IntegerConstants.HasConstant(equals.LeftOperand))
                    {
                        (members ??= new List<IOperation>()).Add(equals.LeftOperand);
                        return true;
                    }

                    return false;
                case IIsPatternOperation isPattern when model.IsStatusCodeEnum(isPattern.Value.Type, out _):
                    members ??= new List<IOperation>();
                    var before = members.Count;
                    AddConstants(isPattern.Pattern, members);
                    return members.Count > before;
                default:
                    return false;
            }
        }

        /// <summary>The constants of <c>A or B or C</c>, in order; none for any other pattern.</summary>
        private static void AddConstants(IPatternOperation pattern, List<IOperation> into)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    into.Add(constant.Value);
                    break;
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                    AddConstants(or.LeftPattern, into);
                    AddConstants(or.RightPattern, into);
                    break;
            }
        }

        /// <summary><see cref="Check"/> for each constant of <c>A or B or C</c>, in order.</summary>
        private static void CheckConstants(OperationAnalysisContext context, SmtpModel model, IPatternOperation pattern, (ReplyClass Class, OutcomeName Name) outcome, Branch branch)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    Check(context, model, constant.Value, outcome, branch);
                    break;
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                    CheckConstants(context, model, or.LeftPattern, outcome, branch);
                    CheckConstants(context, model, or.RightPattern, outcome, branch);
                    break;
            }
        }

        private static void Check(OperationAnalysisContext context, SmtpModel model, IOperation member, (ReplyClass Class, OutcomeName Name) outcome, Branch branch)
        {
            if (!IntegerConstants.TryGetInt32(member, out var code))
            {
                return;
            }

            var memberClass = ReplyCodeTable.TryGet(code, out var info) ? info.Class : (ReplyClass)(code / 100);
            string? message = null;
            if (memberClass == ReplyClass.TransientNegative && outcome.Class == ReplyClass.PermanentNegative)
            {
                message = $"a transient 4yz reply ({code})|a transient failure may succeed later, so retry it with backoff (RFC 5321 §4.2.1)";
            }
            else if (memberClass == ReplyClass.PermanentNegative && outcome.Class == ReplyClass.TransientNegative && !ReplyCodeTable.IsLegacyTransient(code))
            {
                message = $"a permanent 5yz reply ({code})|do not send the same message again unchanged (RFC 5321 §4.2.1)";
            }
            else if (code == -1 && outcome.Class == ReplyClass.PermanentNegative && !branch.ReadsInnerException())
            {
                // A helper given only the code cannot look at InnerException: its caller, which has the exception, can.
                message = HasExceptionAtHand(member, context.ContainingSymbol, model)
                    ? "no reply at all (time-outs and network errors included)|look at InnerException first: network errors are transient"
                    : "no reply at all (time-outs and network errors included)|decide it where the exception is, by its InnerException: network errors are transient";
            }

            if (message is null || model.IsInGeneratedHelper(context.ContainingSymbol))
            {
                return;
            }

            var parts = message.Split('|');
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ReplyClassMisclassified,
                member.Syntax.GetLocation(),
                member.Syntax.ToString(),
                parts[0],
                outcome.Name.ToString(),
                parts[1]));
        }

        /// <summary>The outcome of a branch: the first statement that returns, assigns or throws something named.</summary>
        private static (ReplyClass, OutcomeName)? Outcome(ImmutableArray<IOperation> statements, ISymbol containing)
        {
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case IReturnOperation { ReturnedValue: { } value }:
                        return OutcomeOf(value, containing);
                    case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }:
                        return OutcomeOf(assignment.Value, containing);
                    case IThrowOperation { Exception: { } thrown }:
                        return OutcomeOf(thrown, containing);
                    case IExpressionStatementOperation { Operation: IThrowOperation { Exception: { } thrownExpression } }:
                        return OutcomeOf(thrownExpression, containing);
                    case IBlockOperation block:
                        return Outcome(block.Operations, containing);
                    case IBranchOperation:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The reply class an outcome value names, with the name, or null when it names neither class.</summary>
        private static (ReplyClass, OutcomeName)? OutcomeOf(IOperation value, ISymbol containing)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            // The class from the name first; the name is kept in parts and written only when reported.
            switch (value)
            {
                case IFieldReferenceOperation field:
                    var fieldClass = OutcomeWords.ClassOf(field.Field.Name);
                    return fieldClass == ReplyClass.None ? null : (fieldClass, OutcomeName.Field(field.Field.ContainingType?.Name, field.Field.Name));
                case ILiteralOperation literal when StringConstants.TryGet(literal, out var text):
                    var textClass = OutcomeWords.ClassOf(text);
                    return textClass == ReplyClass.None ? null : (textClass, OutcomeName.Text(text));
                case IObjectCreationOperation { Type.Name: { } typeName }:
                    var typeClass = OutcomeWords.ClassOf(typeName);
                    return typeClass == ReplyClass.None ? null : (typeClass, OutcomeName.Text(typeName));
            }

            // "return true" in IsTransient(...) / ShouldRetry(...) says the method's own class; "false" the other.
            if (value is ILiteralOperation { ConstantValue.Value: bool flag } && containing is IMethodSymbol method)
            {
                var methodClass = OutcomeWords.ClassOf(method.Name);
                if (methodClass == ReplyClass.None)
                {
                    return null;
                }

                var said = flag ? methodClass : methodClass == ReplyClass.TransientNegative ? ReplyClass.PermanentNegative : ReplyClass.TransientNegative;
                return (said, OutcomeName.Returning(method.Name, flag));
            }

            return null;
        }

        /// <summary>
        /// Whether the code deciding at <paramref name="operation"/> has an exception to look at: it runs in a catch clause
        /// (a lambda or local function there captures it), or it or a function around it takes an exception parameter. A
        /// helper that takes only the status code has none.
        /// </summary>
        private static bool HasExceptionAtHand(IOperation operation, ISymbol containingSymbol, SmtpModel model)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is ICatchClauseOperation
                    || (parent is ILocalFunctionOperation localFunction && TakesException(localFunction.Symbol.Parameters, model))
                    || (parent is IAnonymousFunctionOperation lambda && TakesException(lambda.Symbol.Parameters, model)))
                {
                    return true;
                }
            }

            return containingSymbol is IMethodSymbol method && TakesException(method.Parameters, model);
        }

        private static bool TakesException(ImmutableArray<IParameterSymbol> parameters, SmtpModel model)
        {
            foreach (var parameter in parameters)
            {
                if (IsExceptionValue(parameter.Type, model))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
