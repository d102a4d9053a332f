using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// Follows a value assigned to a certificate validation callback to the functions it may be, and asks
    /// <see cref="CertificateCallbackEvaluator"/> which certificate errors they accept. Followed: lambdas, anonymous
    /// methods, method groups to methods and local functions with a body in source,
    /// <c>new RemoteCertificateValidationCallback(x)</c>, conditionals and <c>??</c> (every branch), a local with
    /// one assignment, a readonly field or get-only property whose initializer or expression body is one of these.
    /// Anything else (metadata methods, invocations returning delegates, parameters) is not followed.
    /// </summary>
    internal static class CallbackValues
    {
        private const int MaxDepth = 6;

        /// <summary>
        /// The errors that some function <paramref name="value"/> may be accepts; <paramref name="throughChoice"/> tells
        /// whether a conditional or <c>??</c> was on the way (the value is a setting's choice: no fix removes it).
        /// </summary>
        public static AcceptedErrors Accepted(IOperation value, out bool throughChoice)
        {
            throughChoice = false;
            return Accepted(value, 0, ref throughChoice);
        }

        private static AcceptedErrors Accepted(IOperation? value, int depth, ref bool throughChoice)
        {
            if (value is null || depth > MaxDepth)
            {
                return AcceptedErrors.None;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    return Accepted(conversion.Operand, depth, ref throughChoice);
                case IDelegateCreationOperation creation:
                    return Accepted(creation.Target, depth, ref throughChoice);
                case IAnonymousFunctionOperation function:
                    return CertificateCallbackEvaluator.Evaluate(function.Body, ErrorsParameter(function.Symbol));
                case IMethodReferenceOperation reference:
                    return AcceptedByMethod(reference, depth, ref throughChoice);
                case IConditionalOperation conditional:
                    throughChoice = true;

                    // IsDevelopment() ? accept : null: the accepting branch runs only in development.
                    var whenTrue = SecurityExemptions.IsDevelopmentCondition(conditional.Condition)
                        ? AcceptedErrors.None
                        : Accepted(conditional.WhenTrue, depth + 1, ref throughChoice);
                    return whenTrue | Accepted(conditional.WhenFalse, depth + 1, ref throughChoice);
                case ICoalesceOperation coalesce:
                    throughChoice = true;
                    return Accepted(coalesce.Value, depth + 1, ref throughChoice) | Accepted(coalesce.WhenNull, depth + 1, ref throughChoice);
                case ILocalReferenceOperation local:
                    return Accepted(SingleAssignedValue(local), depth + 1, ref throughChoice);
                case IFieldReferenceOperation field when field.Field.IsReadOnly:
                    return Accepted(FieldInitializer(field), depth + 1, ref throughChoice);
                case IPropertyReferenceOperation property when property.Property.SetMethod is null && property.Arguments.IsEmpty:
                    return Accepted(PropertyValue(property), depth + 1, ref throughChoice);
                default:
                    return AcceptedErrors.None;
            }
        }

        private static AcceptedErrors AcceptedByMethod(IMethodReferenceOperation reference, int depth, ref bool throughChoice)
        {
            var method = reference.Method;

            // new RemoteCertificateValidationCallback(otherDelegate) binds to otherDelegate.Invoke.
            if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                return Accepted(reference.Instance, depth + 1, ref throughChoice);
            }

            foreach (var declaration in method.DeclaringSyntaxReferences)
            {
                var syntax = declaration.GetSyntax();
                if (syntax is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax))
                {
                    continue;
                }

                var body = SemanticModelFor(syntax.SyntaxTree, reference)?.GetOperation(syntax);
                if (body is IMethodBodyOperation { BlockBody: null, ExpressionBody: null })
                {
                    continue;
                }

                if (body is IMethodBodyOperation or ILocalFunctionOperation)
                {
                    return CertificateCallbackEvaluator.Evaluate(body, ErrorsParameter(method));
                }
            }

            return AcceptedErrors.None;
        }

        private static IParameterSymbol? ErrorsParameter(IMethodSymbol method)
            => method.Parameters.Length == 4 ? method.Parameters[3] : null;

        /// <summary>The value of a local that is written exactly once in its member (its initializer or one simple assignment).</summary>
        private static IOperation? SingleAssignedValue(ILocalReferenceOperation reference)
        {
            var root = reference;
            IOperation top = reference;
            while (top.Parent is not null)
            {
                top = top.Parent;
            }

            IOperation? value = null;
            var writes = 0;
            foreach (var operation in OperationWalk.DescendantsAndSelf(top))
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, root.Local):
                        if (declarator.Initializer is { } initializer)
                        {
                            writes++;
                            value = initializer.Value;
                        }

                        break;
                    case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, root.Local):
                        if (other.Parent is ISimpleAssignmentOperation assignment && assignment.Target == other)
                        {
                            writes++;
                            value = assignment.Value;
                        }
                        else if (other.Parent is IAssignmentOperation compound && compound.Target == other
                            || other.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }
                            || other.Parent is IDeclarationExpressionOperation
                            || other.Parent is ITupleOperation)
                        {
                            return null;
                        }

                        break;
                }
            }

            return writes == 1 ? value : null;
        }

        private static IOperation? FieldInitializer(IFieldReferenceOperation reference)
        {
            foreach (var declaration in reference.Field.DeclaringSyntaxReferences)
            {
                if (declaration.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer } declarator
                    && SemanticModelFor(declarator.SyntaxTree, reference)?.GetOperation(initializer) is IFieldInitializerOperation fieldInitializer)
                {
                    return fieldInitializer.Value;
                }
            }

            return null;
        }

        private static IOperation? PropertyValue(IPropertyReferenceOperation reference)
        {
            foreach (var declaration in reference.Property.DeclaringSyntaxReferences)
            {
                if (declaration.GetSyntax() is not PropertyDeclarationSyntax property)
                {
                    continue;
                }

                var model = SemanticModelFor(property.SyntaxTree, reference);
                if (model is null)
                {
                    return null;
                }

                if (property.Initializer is { } initializer)
                {
                    return (model.GetOperation(initializer) as IPropertyInitializerOperation)?.Value;
                }

                var arrow = property.ExpressionBody;
                if (arrow is null && property.AccessorList is { } accessors)
                {
                    foreach (var accessor in accessors.Accessors)
                    {
                        if (accessor.Keyword.ValueText == "get")
                        {
                            arrow = accessor.ExpressionBody;
                        }
                    }
                }

                if (arrow is not null && model.GetOperation(arrow) is IBlockOperation { Operations: { Length: 1 } operations }
                    && operations[0] is IReturnOperation returned)
                {
                    return returned.ReturnedValue;
                }
            }

            return null;
        }

        /// <summary>The semantic model of <paramref name="tree"/>: the operation's own when it is in that tree.</summary>
        private static SemanticModel? SemanticModelFor(SyntaxTree tree, IOperation context)
        {
            var model = context.SemanticModel;
            if (model is null)
            {
                return null;
            }

            if (model.SyntaxTree == tree)
            {
                return model;
            }

            // A declaration in another file of the compilation: reached only after a trigger, once per followed value.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            return model.Compilation.ContainsSyntaxTree(tree) ? model.Compilation.GetSemanticModel(tree) : null;
#pragma warning restore RS1030
        }
    }
}
