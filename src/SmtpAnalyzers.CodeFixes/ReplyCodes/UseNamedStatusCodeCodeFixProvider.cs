using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Engine;
using SmtpAnalyzers.Operations;
using SmtpAnalyzers.Semantics;

namespace SmtpAnalyzers.ReplyCodes
{
    /// <summary>
    /// SMTP1001: replaces a magic reply code with the member of the library's SmtpStatusCode enum, or with a
    /// documented constant in the generated <c>SmtpReplyCodes</c> holder where the enum has no member.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseNamedStatusCodeCodeFixProvider))]
    [Shared]
    public sealed class UseNamedStatusCodeCodeFixProvider : SmtpCodeFixProvider
    {
        /// <summary>The equivalence key of the fix, shared by fix-all.</summary>
        public const string FixEquivalenceKey = RuleIds.UseNamedStatusCode + ".UseName";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UseNamedStatusCode);

        protected override string EquivalenceKey => FixEquivalenceKey;

        private protected override FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is not ExpressionSyntax expression
                || semanticModel.GetOperation(expression, cancellationToken) is not { ConstantValue.Value: int } number)
            {
                return null;
            }

            var model = SmtpModel.Create(semanticModel.Compilation);
            if (!MagicCodeUse.TryFind(number, model, out var use) || use.Kind == MagicCodeUseKind.RelationalBound)
            {
                return null;
            }

            var namer = new Namer(model, use.Library);
            if (!namer.TryName(number, out var named, out var title))
            {
                return null;
            }

            if (use.EnumCast is not null)
            {
                // (SmtpStatusCode)550 -> SmtpStatusCode.MailboxUnavailable
                var castSyntax = use.EnumCast.Syntax;
                return FixPlan.Replace(title, castSyntax, named.WithTriviaFrom(castSyntax), namer.Needs);
            }

            var unwrapped = EnumOperandOfCast(use.StatusCode, model);
            if (unwrapped is not null)
            {
                switch (use.Kind)
                {
                    case MagicCodeUseKind.Equality when expression.Parent is BinaryExpressionSyntax:
                        // (int)ex.StatusCode == 550 -> ex.StatusCode == SmtpStatusCode.MailboxUnavailable
                        return new FixPlan(
                            title,
                            ImmutableArray.Create<(SyntaxNode, SyntaxNode)>(
                                (expression, named.WithTriviaFrom(expression)),
                                (unwrapped.Value.Cast, unwrapped.Value.Operand)),
                            namer.Needs);

                    case MagicCodeUseKind.CaseLabel:
                    case MagicCodeUseKind.Pattern:
                    case MagicCodeUseKind.Membership:
                        // switch ((int)ex.StatusCode) { case 421: ... } -> switch (ex.StatusCode) { case SmtpStatusCode.ServiceNotAvailable: ... }
                        var group = WholeGroup(number, use);
                        if (group is not null && TryNameAll(group.Value.Numbers, namer, out var replacements))
                        {
                            replacements.Add((unwrapped.Value.Cast, unwrapped.Value.Operand));
                            if (group.Value.ElementType is TypeSyntax elementType)
                            {
                                replacements.Add((elementType, FixSyntax.Type(model.StatusCodeEnum(use.Library)!).WithTriviaFrom(elementType)));
                            }

                            return new FixPlan(title, replacements.ToImmutableArray(), namer.Needs);
                        }

                        break;
                }
            }

            // The status code is an int here (a local, a switch over an int): keep the int.
            namer = new Namer(model, use.Library);
            namer.TryName(number, out named, out title);
            return FixPlan.Replace(title, expression, FixSyntax.IntCast(named).WithTriviaFrom(expression), namer.Needs);
        }

        /// <summary>The cast <c>(int)x</c> and its operand <c>x</c>, when the status code is such a cast of an enum value.</summary>
        private static (CastExpressionSyntax Cast, ExpressionSyntax Operand)? EnumOperandOfCast(IOperation? statusCode, SmtpModel model)
        {
            if (statusCode is IConversionOperation { Syntax: CastExpressionSyntax cast } conversion
                && model.IsStatusCodeEnum(conversion.Operand.Type, out _))
            {
                return (cast, cast.Expression.WithTriviaFrom(cast));
            }

            return null;
        }

        /// <summary>
        /// Every number tested in the same switch, pattern or membership collection as <paramref name="number"/>, when
        /// all of them are plain numbers (anything else — a relational pattern, a declaration — keeps the int form).
        /// </summary>
        private static (List<IOperation> Numbers, TypeSyntax? ElementType)? WholeGroup(IOperation number, MagicCodeUse use)
        {
            var numbers = new List<IOperation>();
            switch (use.StatusCode?.Parent)
            {
                case ISwitchOperation switchStatement:
                    foreach (var clause in switchStatement.Cases.SelectMany(c => c.Clauses))
                    {
                        switch (clause)
                        {
                            case ISingleValueCaseClauseOperation single:
                                numbers.Add(Unconverted(single.Value));
                                break;
                            case IDefaultCaseClauseOperation:
                                break;
                            case IPatternCaseClauseOperation patternClause when patternClause.Guard is null && CollectConstants(patternClause.Pattern, numbers):
                                break;
                            default:
                                return null;
                        }
                    }

                    return (numbers, null);

                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (!CollectConstants(arm.Pattern, numbers))
                        {
                            return null;
                        }
                    }

                    return (numbers, null);

                case IIsPatternOperation isPattern:
                    return CollectConstants(isPattern.Pattern, numbers) ? (numbers, null) : null;

                case IArgumentOperation { Parent: IInvocationOperation invocation }:
                    foreach (var argument in invocation.Arguments)
                    {
                        var value = argument.Value;
                        while (value is IConversionOperation conversion)
                        {
                            value = conversion.Operand;
                        }

                        if (value is IArrayCreationOperation { Initializer: not null } creation
                            && creation.Syntax is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax)
                        {
                            numbers.AddRange(creation.Initializer.ElementValues.Select(Unconverted));
                            var elementType = (creation.Syntax as ArrayCreationExpressionSyntax)?.Type.ElementType;
                            return numbers.Any(n => n.Syntax == number.Syntax) ? (numbers, elementType) : null;
                        }
                    }

                    return null;

                default:
                    return null;
            }
        }

        private static bool CollectConstants(IPatternOperation pattern, List<IOperation> numbers)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    numbers.Add(Unconverted(constant.Value));
                    return true;
                case IBinaryPatternOperation binary:
                    return CollectConstants(binary.LeftPattern, numbers) && CollectConstants(binary.RightPattern, numbers);
                case INegatedPatternOperation negated:
                    return CollectConstants(negated.Pattern, numbers);
                case IDiscardPatternOperation:
                    return true;
                default:
                    return false;
            }
        }

        private static IOperation Unconverted(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static bool TryNameAll(List<IOperation> numbers, Namer namer, out List<(SyntaxNode, SyntaxNode)> replacements)
        {
            replacements = new List<(SyntaxNode, SyntaxNode)>();
            foreach (var number in numbers)
            {
                if (number.Syntax is not ExpressionSyntax syntax || !namer.TryName(number, out var named, out _))
                {
                    return false;
                }

                replacements.Add((syntax, named.WithTriviaFrom(syntax)));
            }

            return true;
        }

        /// <summary>Names reply codes for one library, and records the holder constants the names need.</summary>
        private sealed class Namer
        {
            private readonly SmtpModel _model;
            private readonly SmtpLibrary _library;
            private readonly HashSet<(SmtpLibrary, int)> _constants = new HashSet<(SmtpLibrary, int)>();

            public Namer(SmtpModel model, SmtpLibrary library)
            {
                _model = model;
                _library = library;
            }

            public HolderNeeds Needs => _constants.Count == 0 ? HolderNeeds.None : new HolderNeeds(_constants.ToImmutableHashSet(), false);

            public bool TryName(IOperation number, out ExpressionSyntax named, out string title)
            {
                named = null!;
                title = null!;
                var enumType = _model.StatusCodeEnum(_library);
                if (enumType is null
                    || number.Syntax is not (LiteralExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax })
                    || number.ConstantValue.Value is not int value
                    || !ReplyCodeTable.IsReplyCodeValue(value, _library)
                    || !ReplyCodeTable.TryGet(value, out var info))
                {
                    return false;
                }

                var member = info.MemberOf(_library);
                if (member is not null && enumType.GetMembers(member).OfType<IFieldSymbol>().Any())
                {
                    named = FixSyntax.EnumMember(enumType, member);
                    title = "Use SmtpStatusCode." + member;
                    return true;
                }

                _constants.Add((_library, value));
                named = ReplyCodesHolder.ConstantReference(_library, info);
                title = "Use the documented constant " + named;
                return true;
            }
        }
    }
}
