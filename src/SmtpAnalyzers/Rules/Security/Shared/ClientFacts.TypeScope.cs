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
        /// <summary>
        /// The operation roots of every member and initializer of <paramref name="type"/>, in every partial part, or
        /// null when a part cannot be read (not a type declaration, or a tree outside the compilation). Reached only
        /// after a rule's trigger on a private client field or property, so parts in other files are bound only then.
        /// </summary>
        private static List<IOperation>? TypeRoots(INamedTypeSymbol? type, SemanticModel? semanticModel)
        {
            if (type is null || semanticModel is null)
            {
                return null;
            }

            var roots = new List<IOperation>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var model = reference.SyntaxTree == semanticModel.SyntaxTree ? semanticModel : ModelOf(reference.SyntaxTree, semanticModel);
                if (model is null || reference.GetSyntax() is not TypeDeclarationSyntax declaration)
                {
                    return null;
                }

                foreach (var member in declaration.Members)
                {
                    AddRoots(member, model, roots);
                }
            }

            return roots;
        }

        /// <summary>The semantic model of another part's file, or null when the tree is not in the compilation.</summary>
        private static SemanticModel? ModelOf(SyntaxTree tree, SemanticModel semanticModel)
        {
            var compilation = semanticModel.Compilation;

            // Another partial part of the client's type: reached only after a trigger, once per part and trigger.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            return compilation.ContainsSyntaxTree(tree) ? compilation.GetSemanticModel(tree) : null;
#pragma warning restore RS1030
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
