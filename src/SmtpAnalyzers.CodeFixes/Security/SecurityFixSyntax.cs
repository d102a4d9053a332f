using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace SmtpAnalyzers.Security
{
    /// <summary>Syntax the SMTP3xxx fixes build.</summary>
    internal static class SecurityFixSyntax
    {
        /// <summary>
        /// <c>SecureSocketOptions.Member</c>: fully qualified and annotated so that the code action's cleanup adds
        /// <c>using MailKit.Security;</c> when it is missing and then shortens the name.
        /// </summary>
        public static ExpressionSyntax EnumMember(SyntaxGenerator generator, INamedTypeSymbol enumType, string member)
            => (ExpressionSyntax)generator.MemberAccessExpression(generator.TypeExpression(enumType, addImport: true), member);

        /// <summary><c>port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls</c>.</summary>
        public static ExpressionSyntax OptionsByPort(SyntaxGenerator generator, INamedTypeSymbol enumType, ExpressionSyntax port)
            => SyntaxFactory.ConditionalExpression(
                SyntaxFactory.BinaryExpression(
                    SyntaxKind.EqualsExpression,
                    port.WithoutTrivia(),
                    SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(465))),
                EnumMember(generator, enumType, "SslOnConnect"),
                EnumMember(generator, enumType, "StartTls"));

        /// <summary>The literal <c>true</c> with <paramref name="original"/>'s trivia.</summary>
        public static ExpressionSyntax True(SyntaxNode original)
            => SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(original);
    }
}
