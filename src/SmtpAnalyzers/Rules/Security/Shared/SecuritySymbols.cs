using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// The types the transport-security rules (SMTP3xxx) bind to, resolved once per compilation. Every member is
    /// null when the compilation does not reference it; rules compare symbols, never names of types.
    /// </summary>
    internal sealed class SecuritySymbols
    {
        private SecuritySymbols(Compilation compilation)
        {
            Compilation = compilation;
            SystemNetMailClient = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
            MailKitClient = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpClient");
            ISmtpClient = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.ISmtpClient");
            IMailTransport = compilation.GetTypeByMetadataName("MailKit.IMailTransport");
            MailService = compilation.GetTypeByMetadataName("MailKit.MailService");
            IMailService = compilation.GetTypeByMetadataName("MailKit.IMailService");
            ServicePointManager = compilation.GetTypeByMetadataName("System.Net.ServicePointManager");
            SslProtocols = compilation.GetTypeByMetadataName("System.Security.Authentication.SslProtocols");
            SecurityProtocolType = compilation.GetTypeByMetadataName("System.Net.SecurityProtocolType");
            SslPolicyErrors = compilation.GetTypeByMetadataName("System.Net.Security.SslPolicyErrors");
            RemoteCertificateValidationCallback = compilation.GetTypeByMetadataName("System.Net.Security.RemoteCertificateValidationCallback");
            SystemEnum = compilation.GetSpecialType(SpecialType.System_Enum);
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol? SystemNetMailClient { get; }

        public INamedTypeSymbol? MailKitClient { get; }

        public INamedTypeSymbol? ISmtpClient { get; }

        public INamedTypeSymbol? IMailTransport { get; }

        /// <summary>MailKit.MailService: declares the TLS settings that SmtpClient, ImapClient and Pop3Client share.</summary>
        public INamedTypeSymbol? MailService { get; }

        public INamedTypeSymbol? IMailService { get; }

        /// <summary>System.Net.ServicePointManager: obsolete (SYSLIB0014), yet System.Net.Mail still reads its TLS settings.</summary>
        public INamedTypeSymbol? ServicePointManager { get; }

        public INamedTypeSymbol? SslProtocols { get; }

        public INamedTypeSymbol? SecurityProtocolType { get; }

        public INamedTypeSymbol? SslPolicyErrors { get; }

        public INamedTypeSymbol? RemoteCertificateValidationCallback { get; }

        public INamedTypeSymbol SystemEnum { get; }

        /// <summary>Resolves the symbols of <paramref name="compilation"/>; call once per compilation (compilation start, or once per fix).</summary>
        public static SecuritySymbols Create(Compilation compilation) => new SecuritySymbols(compilation);

        /// <summary>Whether <paramref name="property"/> is MailKit's member <paramref name="name"/> of MailService/IMailService (or an SMTP client type).</summary>
        public bool IsMailServiceProperty(IPropertySymbol property, string name)
        {
            if (property.Name != name)
            {
                return false;
            }

            var declaring = property.OriginalDefinition.ContainingType;
            return declaring is not null
                && (SymbolEqualityComparer.Default.Equals(declaring, MailService)
                    || SymbolEqualityComparer.Default.Equals(declaring, IMailService)
                    || SymbolEqualityComparer.Default.Equals(declaring, MailKitClient)
                    || SymbolEqualityComparer.Default.Equals(declaring, ISmtpClient));
        }

        /// <summary>Whether <paramref name="property"/> is the static ServicePointManager member <paramref name="name"/>.</summary>
        public bool IsServicePointManagerProperty(IPropertySymbol property, string name)
            => property.Name == name && SymbolEqualityComparer.Default.Equals(property.ContainingType, ServicePointManager);
    }
}
