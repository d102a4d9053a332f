using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// "Mail code" for the process-wide ServicePointManager settings (SMTP3003b, SMTP3005b): a type whose declarations
    /// (all partial parts, nested types included) hold a member, local, parameter or expression of an SMTP client type.
    /// Answered for the outermost type containing the setting, lazily when a setting is found, and cached per type
    /// for the compilation.
    /// </summary>
    internal sealed class MailCodeTypes
    {
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _cache = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly SecuritySymbols _symbols;

        public MailCodeTypes(SecuritySymbols symbols)
        {
            _symbols = symbols;
        }

        /// <summary>Whether <paramref name="type"/>, or a type containing it, is mail code.</summary>
        public bool IsMailCode(INamedTypeSymbol? type, SemanticModel semanticModel)
        {
            if (type is null)
            {
                return false;
            }

            while (type.ContainingType is not null)
            {
                type = type.ContainingType;
            }

            if (_cache.TryGetValue(type, out var known))
            {
                return known;
            }

            var result = Compute(type, semanticModel);
            _cache.TryAdd(type, result);
            return result;
        }

        private bool Compute(INamedTypeSymbol type, SemanticModel semanticModel)
        {
            if (HasSmtpMember(type))
            {
                return true;
            }

            // Locals, lambda parameters and expressions: every expression and type name of every declaration part.
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax();
                var model = declaration.SyntaxTree == semanticModel.SyntaxTree ? semanticModel : ModelOf(declaration.SyntaxTree, semanticModel);
                if (model is null)
                {
                    continue;
                }

                foreach (var node in declaration.DescendantNodes())
                {
                    if (node is ExpressionSyntax expression
                        && node is not (LiteralExpressionSyntax or QualifiedNameSyntax)
                        && SmtpReceiver.IsSmtpReceiver(model.GetTypeInfo(expression).Type, _symbols))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Fields, properties, method signatures of the type and its nested types (no syntax needed).</summary>
        private bool HasSmtpMember(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                switch (member)
                {
                    case IFieldSymbol field when SmtpReceiver.IsSmtpReceiver(field.Type, _symbols):
                    case IPropertySymbol property when SmtpReceiver.IsSmtpReceiver(property.Type, _symbols):
                        return true;
                    case IMethodSymbol method:
                        if (SmtpReceiver.IsSmtpReceiver(method.ReturnType, _symbols))
                        {
                            return true;
                        }

                        foreach (var parameter in method.Parameters)
                        {
                            if (SmtpReceiver.IsSmtpReceiver(parameter.Type, _symbols))
                            {
                                return true;
                            }
                        }

                        break;
                    case INamedTypeSymbol nested when HasSmtpMember(nested):
                        return true;
                }
            }

            return false;
        }

        private static SemanticModel? ModelOf(SyntaxTree tree, SemanticModel semanticModel)
        {
            // Another partial part: reached only after a trigger, once per type and compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            return semanticModel.Compilation.ContainsSyntaxTree(tree) ? semanticModel.Compilation.GetSemanticModel(tree) : null;
#pragma warning restore RS1030
        }
    }
}
