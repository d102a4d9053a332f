using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;
using SmtpAnalyzers.Operations;
using static SmtpAnalyzers.Operations.LocalValues;
using static SmtpAnalyzers.Operations.SymbolRelations;
using SmtpAnalyzers.Symbols;

namespace SmtpAnalyzers.Semantics
{
    /// <summary>Status codes: which expressions hold an SMTP reply code, and of which library.</summary>
    internal sealed partial class SmtpModel
    {
        /// <summary>Numeric parameters of private helpers already found to hold a status code (or not), per compilation.</summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<IParameterSymbol, SmtpLibrary?> _parameters =
            new System.Collections.Concurrent.ConcurrentDictionary<IParameterSymbol, SmtpLibrary?>(SymbolEqualityComparer.Default);

        /// <summary>The status-code enum of <paramref name="library"/>, or null when it is not referenced.</summary>
        public INamedTypeSymbol? StatusCodeEnum(SmtpLibrary library)
            => library == SmtpLibrary.MailKit ? MailKitStatusCode : SystemNetMailStatusCode;

        /// <summary>Whether <paramref name="type"/> is one of the two SmtpStatusCode enums, and whose.</summary>
        public bool IsStatusCodeEnum(ITypeSymbol? type, out SmtpLibrary library)
        {
            library = default;
            if (type is null || type.TypeKind != TypeKind.Enum)
            {
                return false;
            }

            if (SystemNetMailStatusCode is not null && SymbolEqualityComparer.Default.Equals(type, SystemNetMailStatusCode))
            {
                library = SmtpLibrary.SystemNetMail;
                return true;
            }

            if (MailKitStatusCode is not null && SymbolEqualityComparer.Default.Equals(type, MailKitStatusCode))
            {
                library = SmtpLibrary.MailKit;
                return true;
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="operation"/> holds an SMTP reply code: an expression of either SmtpStatusCode
        /// enum, a numeric conversion of one, or a local whose only assigned value is one of those.
        /// </summary>
        public bool IsStatusCode(IOperation? operation, out SmtpLibrary library)
            => IsStatusCode(operation, out library, 0);

        private bool IsStatusCode(IOperation? operation, out SmtpLibrary library, int depth)
        {
            // Dispatched on Kind: one virtual call, where a type test against each operation interface scans the class's
            // interface map. This runs for the other side of every comparison with a number in the reply range.
            library = default;
            while (true)
            {
                if (operation is null)
                {
                    return false;
                }

                switch (operation.Kind)
                {
                    case OperationKind.Conversion:
                        var conversion = (IConversionOperation)operation;
                        if (IsStatusCodeEnum(conversion.Type, out library))
                        {
                            // A cast of a literal to the enum is a magic code, not a status code read from SMTP.
                            return !IntegerConstants.HasConstant(conversion.Operand);
                        }

                        if (!IsNumeric(conversion.Type))
                        {
                            return false;
                        }

                        operation = conversion.Operand;
                        continue;
                    case OperationKind.Parenthesized:
                        operation = ((IParenthesizedOperation)operation).Operand;
                        continue;
                }

                // A constant is not a status code read from SMTP (an integer literal is told without boxing its value).
                if (IntegerConstants.HasConstant(operation))
                {
                    return false;
                }

                if (IsStatusCodeEnum(operation.Type, out library))
                {
                    return true;
                }

                if (depth >= MaxLocalDepth || !IsNumeric(operation.Type))
                {
                    return false;
                }

                switch (operation.Kind)
                {
                    case OperationKind.LocalReference:
                        // The initializer first: walking the method for writes is worth it only for a status code.
                        var localReference = (ILocalReferenceOperation)operation;
                        var value = DeclaredValue(localReference);
                        return value is not null && IsStatusCode(value, out library, depth + 1) && IsNeverReassigned(localReference);
                    case OperationKind.ParameterReference:
                        var parameterReference = (IParameterReferenceOperation)operation;
                        var parameter = parameterReference.Parameter;

                        // Only a parameter that can be followed enters the cache: every other one (of a public method, say)
                        // would be one more write to a shared table, and those writes are contended.
                        if (!IsFollowable(parameter))
                        {
                            return false;
                        }

                        if (!_parameters.TryGetValue(parameter, out var known))
                        {
                            known = _parameters.GetOrAdd(parameter, ParameterLibrary(parameterReference, depth));
                        }

                        library = known ?? default;
                        return known is not null;
                    default:
                        return false;
                }
            }
        }

        /// <summary>
        /// The library whose status code every caller passes to a numeric parameter of a private method or local
        /// function (<c>static bool IsTransient(int code)</c> called as <c>IsTransient((int)ex.StatusCode)</c>);
        /// null when the parameter is written, the method is used other than by direct calls in the same file, or a
        /// caller passes anything else. Only the parameter's own declaration file is searched.
        /// </summary>
        private SmtpLibrary? ParameterLibrary(IParameterReferenceOperation reference, int depth)
        {
            var parameter = reference.Parameter;
            var semanticModel = reference.SemanticModel;
            var method = (IMethodSymbol)parameter.ContainingSymbol;
            if (semanticModel is null
                || method.DeclaringSyntaxReferences.Length != 1
                || method.DeclaringSyntaxReferences[0].SyntaxTree != semanticModel.SyntaxTree)
            {
                return null;
            }

            var methodSyntax = method.DeclaringSyntaxReferences[0].GetSyntax();
            var scope = method.MethodKind == MethodKind.LocalFunction
                ? methodSyntax.Parent
                : method.ContainingType.DeclaringSyntaxReferences.Length == 1 ? method.ContainingType.DeclaringSyntaxReferences[0].GetSyntax() : null;
            if (scope is null)
            {
                return null;
            }

            // Text first: the parameter's name inside the method and the method's name inside its scope are found as whole
            // words by a scan of the file's text, and only those places are looked at in the syntax tree.
            var tree = scope.SyntaxTree;
            var text = tree.GetText();
            var root = tree.GetRoot();
            var positions = new List<int>();
            new WordSet(new[] { parameter.Name }).FindAll(text, methodSyntax.Span, positions);
            foreach (var position in positions)
            {
                if (IdentifierAt(root, position, parameter.Name) is { } written && IsWrite(written))
                {
                    return null;
                }
            }

            positions.Clear();
            new WordSet(new[] { method.Name }).FindAll(text, scope.Span, positions);
            SmtpLibrary? found = null;
            foreach (var position in positions)
            {
                if (IdentifierAt(root, position, method.Name) is not { } name)
                {
                    continue;
                }

                var call = name.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access && access.Name == name ? access.Parent : name.Parent;
                if (call is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                    || semanticModel.GetOperation(call) is not IInvocationOperation invocation)
                {
                    // A method group, nameof, or a recursive mention: callers are not all visible.
                    if (SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(name).Symbol?.OriginalDefinition, method.OriginalDefinition))
                    {
                        return null;
                    }

                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method.OriginalDefinition))
                {
                    continue;
                }

                var argument = invocation.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter, parameter));
                if (argument is null || argument.ArgumentKind != ArgumentKind.Explicit || !IsStatusCode(argument.Value, out var library, depth + 1))
                {
                    return null;
                }

                if (found is not null && found != library)
                {
                    return null;
                }

                found = library;
            }

            return found;
        }

        /// <summary>A by-value parameter of a private method or of a local function: the only ones whose callers are all in its file.</summary>
        private static bool IsFollowable(IParameterSymbol parameter)
            => parameter.RefKind == RefKind.None
                && parameter.ContainingSymbol is IMethodSymbol method
                && (method.MethodKind == MethodKind.LocalFunction || (method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility == Accessibility.Private));

        /// <summary>The identifier name <paramref name="word"/> (plain or verbatim) that a text scan found at <paramref name="position"/>; null in comments, strings and other tokens.</summary>
        private static Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax? IdentifierAt(SyntaxNode root, int position, string word)
        {
            var token = root.FindToken(position);
            return (token.SpanStart == position || token.SpanStart == position - 1)
                && token.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name
                && name.Identifier.ValueText == word
                ? name
                : null;
        }

        private static bool IsWrite(Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name)
            => name.Parent switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax assignment => assignment.Left == name,
                Microsoft.CodeAnalysis.CSharp.Syntax.PrefixUnaryExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.PostfixUnaryExpressionSyntax => true,
                Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None),
                _ => false,
            };

        private static bool IsNumeric(ITypeSymbol? type)
        {
            switch (type?.SpecialType)
            {
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Double:
                case SpecialType.System_Single:
                case SpecialType.System_Decimal:
                    return true;
                default:
                    return false;
            }
        }
    }
}
