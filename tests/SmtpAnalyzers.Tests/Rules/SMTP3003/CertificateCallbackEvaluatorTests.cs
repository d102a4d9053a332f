using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Rules.Security;
using SmtpAnalyzers.Tests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.Tests.Rules.SMTP3003
{
    /// <summary>
    /// SMTP3003's three-valued evaluator on its own: a callback body in, the probes (NotAvailable = 1, NameMismatch = 2,
    /// ChainErrors = 4) for which it certainly returns true out.
    /// </summary>
    public class CertificateCallbackEvaluatorTests
    {
        [Theory]
        // Accepting bodies.
        [InlineData("=> true", AcceptedErrors.All)]
        [InlineData("{ System.Console.WriteLine(e); return true; }", AcceptedErrors.All)]
        [InlineData("=> e == SslPolicyErrors.None || true", AcceptedErrors.All)]
        [InlineData("=> e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateNameMismatch", AcceptedErrors.RemoteCertificateNameMismatch)]
        [InlineData("=> (e & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None", AcceptedErrors.RemoteCertificateNameMismatch)]
        [InlineData("=> !e.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors)", AcceptedErrors.RemoteCertificateNotAvailable | AcceptedErrors.RemoteCertificateNameMismatch)]
        [InlineData("=> e is SslPolicyErrors.None or SslPolicyErrors.RemoteCertificateChainErrors", AcceptedErrors.RemoteCertificateChainErrors)]
        [InlineData("=> e is not SslPolicyErrors.RemoteCertificateNotAvailable", AcceptedErrors.RemoteCertificateNameMismatch | AcceptedErrors.RemoteCertificateChainErrors)]
        [InlineData("=> (int)e == 0 || (int)e == 4", AcceptedErrors.RemoteCertificateChainErrors)]
        [InlineData("=> e != SslPolicyErrors.RemoteCertificateNotAvailable", AcceptedErrors.RemoteCertificateNameMismatch | AcceptedErrors.RemoteCertificateChainErrors)]
        [InlineData("=> (e ^ SslPolicyErrors.RemoteCertificateNameMismatch) == 0", AcceptedErrors.RemoteCertificateNameMismatch)]
        [InlineData("=> e == SslPolicyErrors.None ? true : e == SslPolicyErrors.RemoteCertificateChainErrors", AcceptedErrors.RemoteCertificateChainErrors)]
        [InlineData("{ if (e == SslPolicyErrors.None) return true; if (e == SslPolicyErrors.RemoteCertificateNameMismatch) return true; return false; }", AcceptedErrors.RemoteCertificateNameMismatch)]
        [InlineData("{ if (e != SslPolicyErrors.None) { System.Console.WriteLine(e); } return true; }", AcceptedErrors.All)]
        [InlineData("=> s is object || true", AcceptedErrors.All)]
        [InlineData("=> c.Subject == \"x\" ? true : true", AcceptedErrors.All)]
        // Not accepting, or not known to accept.
        [InlineData("=> e == SslPolicyErrors.None", AcceptedErrors.None)]
        [InlineData("=> false", AcceptedErrors.None)]
        [InlineData("=> throw new System.Exception()", AcceptedErrors.None)]
        [InlineData("{ throw new System.Exception(); }", AcceptedErrors.None)]
        [InlineData("=> e == SslPolicyErrors.None || c.GetCertHashString() == \"AB12\"", AcceptedErrors.None)]
        [InlineData("=> e == SslPolicyErrors.None && true", AcceptedErrors.None)]
        [InlineData("=> Check(e)", AcceptedErrors.None)]
        [InlineData("{ var ok = e == SslPolicyErrors.None; return ok; }", AcceptedErrors.None)]
        [InlineData("{ if (c.Subject == \"x\") return true; return e == SslPolicyErrors.None; }", AcceptedErrors.None)]
        [InlineData("{ foreach (var element in ch.ChainElements) { if (element.Certificate.Thumbprint == \"AB\") return true; } return false; }", AcceptedErrors.None)]
        [InlineData("{ try { return true; } catch { return false; } }", AcceptedErrors.None)]
        [InlineData("{ System.Func<bool> f = () => true; return e == SslPolicyErrors.None; }", AcceptedErrors.None)]
        [InlineData("=> (e & SslPolicyErrors.RemoteCertificateChainErrors) == 0 && ch.ChainStatus.Length == 0", AcceptedErrors.None)]
        public void Evaluates(string body, object expected)
        {
            // Block bodies are written "{ ... }", expression bodies "=> ...".
            body = body.StartsWith("{", System.StringComparison.Ordinal) ? "=> " + body : body;
            var source = $$"""
                using System.Net.Security;
                using System.Security.Cryptography.X509Certificates;

                class C
                {
                    static bool Check(SslPolicyErrors errors) => true;

                    RemoteCertificateValidationCallback Callback = (object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) {{body}};
                }
                """;
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("Test", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var lambda = tree.GetRoot().DescendantNodes().OfType<ParenthesizedLambdaExpressionSyntax>().First();
            var function = (IAnonymousFunctionOperation)compilation.GetSemanticModel(tree).GetOperation(lambda)!;

            Assert.Equal((AcceptedErrors)expected, CertificateCallbackEvaluator.Evaluate(function.Body, function.Symbol.Parameters[3]));
        }

        [Theory]
        [InlineData(AcceptedErrors.All, "every certificate")]
        [InlineData(AcceptedErrors.RemoteCertificateNameMismatch, "certificates issued for another host name")]
        [InlineData(AcceptedErrors.RemoteCertificateChainErrors, "certificates that do not chain to a trusted root")]
        [InlineData(AcceptedErrors.RemoteCertificateNotAvailable, "connections without a certificate")]
        [InlineData(AcceptedErrors.RemoteCertificateNotAvailable | AcceptedErrors.RemoteCertificateChainErrors, "certificates that do not chain to a trusted root and connections without a certificate")]
        public void MessageText(object accepted, string expected)
            => Assert.Equal(expected, TlsSettingsRules.AcceptedText((AcceptedErrors)accepted));
    }
}
