using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Operations;

namespace SmtpAnalyzers.Semantics
{
    /// <summary>The per-file gate's walk from a hit to the declaration that holds it, and the names it follows.</summary>
    internal sealed partial class MailFiles
    {
        /// <summary>The state of one build: the files found, the names searched for, and the hits of the file being read.</summary>
        private sealed class Builder
        {
            /// <summary>The files of the first round, in the compilation's order.</summary>
            public readonly List<SyntaxTree> Taken = new List<SyntaxTree>();

            /// <summary>Every name searched for so far, in this round or an earlier one.</summary>
            public readonly HashSet<string> Known = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>The names of <see cref="Known"/> that name a type (a type, a delegate, an alias).</summary>
            public readonly HashSet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>
            /// The new names of types found in this round: searched for in every file next round, and their hits followed,
            /// because a type's name is what a signature in another file holds.
            /// </summary>
            public List<string> NewTypes = new List<string>();

            /// <summary>
            /// The new names of members found in this round (methods, properties, fields, events, parameters): searched for
            /// next round only in the files not taken yet, and their hits not followed. A member's name is written where
            /// the member is used, in a body or an initializer, and never in a signature, where a name is a type's.
            /// </summary>
            public List<string> NewMembers = new List<string>();

            /// <summary>The hits of the file being read, ascending.</summary>
            public readonly List<int> Positions = new List<int>();

            /// <summary>A global using static of a library type: its members are named bare in every file.</summary>
            public bool EveryFile;

            /// <summary>The chunk of a large file's text being scanned for the library names.</summary>
            public readonly char[] Buffer = new char[Engine.UsageGate.ChunkSize];

            /// <summary>The names of delegates found: a parameter of such a type types a lambda's parameters.</summary>
            private readonly HashSet<string> _delegates = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>Adds to <see cref="NewTypes"/> and <see cref="NewMembers"/> the new names of the declarations whose signatures hold a hit of <see cref="Positions"/>.</summary>
            public void FollowDeclarations(SyntaxNode root)
            {
                SyntaxNode? near = null;
                var skipTo = 0;
                foreach (var position in Positions)
                {
                    // A hit in the body or initializer of the last hit's member names nothing either.
                    if (position < skipTo)
                    {
                        continue;
                    }

                    // The hits ascend and mostly share a declaration: the token is looked for from the last hit's node.
                    var token = TokenNear.Find(root, near, position);
                    near = token.Parent ?? near;

                    // A hit in a comment, a string or a keyword names nothing; "Smtp" can be inside an identifier.
                    if (!token.IsKind(SyntaxKind.IdentifierToken) || !token.Span.Contains(position) || token.Parent is null)
                    {
                        continue;
                    }

                    skipTo = FollowDeclaration(token, position);
                    if (EveryFile)
                    {
                        return;
                    }
                }
            }

            /// <summary>
            /// Walks up from the token of a hit to the declaration that holds it, and returns the end of the text whose hits
            /// can name nothing more (a body, an initializer), or 0. The hit names the declaration when a value of the
            /// hit's type can leave it to another file without naming that type:
            /// <list type="bullet">
            /// <item>a type: of a field, property or event, or returned by a method (<c>var client = mailer.Create();</c>);</item>
            /// <item>an out or ref parameter (<c>TryRent(out var client)</c>), and a parameter whose type takes the hit as
            /// a type argument or is a delegate of this compilation (<c>Pool.Use(client => ...)</c>): a lambda's parameters
            /// take their types from it. A plain parameter does not: its argument comes with a type of its own;</item>
            /// <item>a base list, a constraint or a primary constructor's parameters (members inherited or used in a
            /// partial part), a delegate, a global alias.</item>
            /// </list>
            /// A hit in a body or an initializer names nothing: what it computes leaves only through a declared type,
            /// which is a hit of its own.
            /// </summary>
            private int FollowDeclaration(SyntaxToken token, int position)
            {
                for (SyntaxNode? current = token.Parent; current is not null; current = current.Parent)
                {
                    switch (current)
                    {
                        case MethodDeclarationSyntax method:
                            if (In(method.ReturnType, position) || FlowsThroughParameter(method.ParameterList, token, position) || InConstraints(method.ConstraintClauses, position))
                            {
                                AddMember(method.Identifier);
                            }

                            // A method whose name is searched for already (a send, a wrapper, added here) can name nothing
                            // more: its other hits are skipped, most of them parameters of the same types.
                            return Known.Contains(method.Identifier.ValueText) ? method.Span.End : BodyEnd(method.Body ?? (SyntaxNode?)method.ExpressionBody, position, method);
                        case PropertyDeclarationSyntax property:
                            if (In(property.Type, position))
                            {
                                AddMember(property.Identifier);
                                return property.Span.End;
                            }

                            return property.Type.Span.End <= position ? property.Span.End : 0;
                        case EventDeclarationSyntax @event:
                            if (In(@event.Type, position))
                            {
                                AddMember(@event.Identifier);
                            }

                            return 0;
                        case BaseFieldDeclarationSyntax field:
                            // Fields and field-like events: every variable of a declaration shares its type.
                            if (In(field.Declaration.Type, position))
                            {
                                foreach (var variable in field.Declaration.Variables)
                                {
                                    AddMember(variable.Identifier);
                                }

                                return field.Span.End;
                            }

                            return field.Declaration.Type.Span.End <= position ? field.Span.End : 0;
                        case DelegateDeclarationSyntax @delegate:
                            if (!InAttributes(@delegate.AttributeLists, position))
                            {
                                AddType(@delegate.Identifier);
                                _delegates.Add(@delegate.Identifier.ValueText);
                            }

                            return 0;
                        case ConstructorDeclarationSyntax constructor:
                            // Called by the type's name: new Mailer(client => ...).
                            if (FlowsThroughParameter(constructor.ParameterList, token, position))
                            {
                                AddType(constructor.Identifier);
                            }

                            return BodyEnd(constructor.Body ?? (SyntaxNode?)constructor.ExpressionBody ?? constructor.Initializer, position, constructor);
                        case IndexerDeclarationSyntax indexer:
                            // Called without a name (mailers[0]): the type's name stands for it.
                            if (In(indexer.Type, position) || FlowsThroughParameter(indexer.ParameterList, token, position))
                            {
                                AddTypeOf(indexer);
                            }

                            return 0;
                        case BaseMethodDeclarationSyntax member:
                            // Operators, conversions, destructors: a conversion's type is used without a name.
                            var body = member.Body ?? (SyntaxNode?)member.ExpressionBody;
                            if (!In(body, position) && !InAttributes(member.AttributeLists, position))
                            {
                                AddTypeOf(member);
                            }

                            return BodyEnd(body, position, member);
                        case TypeDeclarationSyntax type:
                            // The members were matched above: a hit here is in the header (base list, constraints, primary
                            // constructor). Inherited members and a primary constructor's parameters are used without
                            // naming their type, in a partial part or a derived type in another file.
                            if (In(type.BaseList, position) || InConstraints(type.ConstraintClauses, position))
                            {
                                AddType(type.Identifier);
                            }
                            else if (type.ParameterList is { } parameters && In(parameters, position))
                            {
                                if (FlowsThroughParameter(parameters, token, position))
                                {
                                    AddType(type.Identifier);
                                }

                                foreach (var parameter in parameters.Parameters)
                                {
                                    if (In(parameter, position))
                                    {
                                        AddMember(parameter.Identifier);
                                    }
                                }
                            }

                            return 0;
                        case UsingDirectiveSyntax directive:
                            if (directive.GlobalKeyword.IsKind(SyntaxKind.None))
                            {
                                // A using of this file only, which is taken already.
                            }
                            else if (directive.Alias is { } alias)
                            {
                                AddType(alias.Name.Identifier);
                            }
                            else if (!directive.StaticKeyword.IsKind(SyntaxKind.None))
                            {
                                EveryFile = true;
                            }
                            else
                            {
                                // global using MailKit.Security: its types are named bare in every file, and a few of them
                                // hold neither library name.
                                foreach (var name in LibraryTypeNames)
                                {
                                    AddType(name);
                                }
                            }

                            return 0;
                        case BaseTypeDeclarationSyntax:
                            // An enum: its members are constants.
                            return current.Span.End;
                        case GlobalStatementSyntax:
                            return current.Span.End;
                        case BaseNamespaceDeclarationSyntax or CompilationUnitSyntax:
                            return 0;
                    }
                }

                return 0;
            }

            /// <summary>The end of <paramref name="body"/> when it holds the hit (later hits there name nothing), else 0.</summary>
            private static int BodyEnd(SyntaxNode? body, int position, SyntaxNode member)
                => In(body, position) ? member.Span.End : 0;

            /// <summary>Whether a hit in <paramref name="parameters"/> types a value that the caller's file receives without naming it (see <see cref="FollowDeclaration"/>).</summary>
            private bool FlowsThroughParameter(BaseParameterListSyntax? parameters, SyntaxToken token, int position)
            {
                if (parameters is null || !In(parameters, position))
                {
                    return false;
                }

                for (var node = token.Parent; node is not null && node != parameters; node = node.Parent)
                {
                    switch (node)
                    {
                        case TypeArgumentListSyntax:
                            return true;
                        case ParameterSyntax parameter:
                            foreach (var modifier in parameter.Modifiers)
                            {
                                if (modifier.IsKind(SyntaxKind.OutKeyword) || modifier.IsKind(SyntaxKind.RefKeyword))
                                {
                                    return true;
                                }
                            }

                            return parameter.Type is { } type && In(type, position) && _delegates.Contains(token.ValueText);
                    }
                }

                return false;
            }

            private static bool In(SyntaxNode? node, int position) => node is not null && node.Span.Contains(position);

            private static bool InAttributes(SyntaxList<AttributeListSyntax> lists, int position)
                => lists.Count > 0 && TextSpan.FromBounds(lists[0].SpanStart, lists[lists.Count - 1].Span.End).Contains(position);

            private static bool InConstraints(SyntaxList<TypeParameterConstraintClauseSyntax> clauses, int position)
                => clauses.Count > 0 && TextSpan.FromBounds(clauses[0].SpanStart, clauses[clauses.Count - 1].Span.End).Contains(position);

            private void AddTypeOf(MemberDeclarationSyntax member)
            {
                if (member.Parent is BaseTypeDeclarationSyntax type)
                {
                    AddType(type.Identifier);
                }
            }

            private void AddMember(SyntaxToken identifier)
            {
                var name = identifier.ValueText;
                if (IsNew(name) && Known.Add(name))
                {
                    NewMembers.Add(name);
                }
            }

            private void AddType(SyntaxToken identifier) => AddType(identifier.ValueText);

            /// <summary>A type's name is followed even when a member of that name is searched for already: only a type's hits are.</summary>
            private void AddType(string name)
            {
                if (IsNew(name) && KnownTypes.Add(name))
                {
                    Known.Add(name);
                    NewTypes.Add(name);
                }
            }

            /// <summary>Whether a name is not found already by "Smtp" or "MailKit" in it.</summary>
            private static bool IsNew(string name)
                => name.Length > 0 && name.IndexOf("Smtp", StringComparison.Ordinal) < 0 && name.IndexOf("MailKit", StringComparison.Ordinal) < 0;
        }
    }
}
