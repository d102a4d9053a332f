using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>The roots of a type-scope client: every member and initializer of the containing type, all partial parts.</summary>
    internal sealed partial class ClientFacts
    {
        /// <summary>The operation roots of every member and initializer of <paramref name="type"/>, or null when a part lies in another file.</summary>
        private static List<IOperation>? TypeRoots(INamedTypeSymbol? type, SemanticModel? semanticModel)
        {
            if (type is null || semanticModel is null)
            {
                return null;
            }

            var roots = new List<IOperation>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != semanticModel.SyntaxTree || reference.GetSyntax() is not TypeDeclarationSyntax declaration)
                {
                    return null;
                }

                foreach (var member in declaration.Members)
                {
                    AddRoots(member, semanticModel, roots);
                }
            }

            return roots;
        }

        private static void AddRoots(MemberDeclarationSyntax member, SemanticModel semanticModel, List<IOperation> roots)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method:
                    Add(semanticModel.GetOperation(method), roots);
                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer is not null)
                        {
                            Add(semanticModel.GetOperation(variable.Initializer), roots);
                        }
                    }

                    break;
                case PropertyDeclarationSyntax property:
                    if (property.Initializer is not null)
                    {
                        Add(semanticModel.GetOperation(property.Initializer), roots);
                    }

                    if (property.ExpressionBody is not null)
                    {
                        Add(semanticModel.GetOperation(property.ExpressionBody), roots);
                    }

                    AddAccessors(property.AccessorList, semanticModel, roots);
                    break;
                case BasePropertyDeclarationSyntax other:
                    AddAccessors(other.AccessorList, semanticModel, roots);
                    if (other is IndexerDeclarationSyntax { ExpressionBody: not null } indexer)
                    {
                        Add(semanticModel.GetOperation(indexer.ExpressionBody), roots);
                    }

                    break;
            }
        }

        private static void AddAccessors(AccessorListSyntax? accessors, SemanticModel semanticModel, List<IOperation> roots)
        {
            if (accessors is null)
            {
                return;
            }

            foreach (var accessor in accessors.Accessors)
            {
                Add(semanticModel.GetOperation(accessor), roots);
            }
        }

        private static void Add(IOperation? operation, List<IOperation> roots)
        {
            if (operation is not null)
            {
                roots.Add(operation);
            }
        }
    }
}
