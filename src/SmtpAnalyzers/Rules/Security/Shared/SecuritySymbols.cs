using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// The symbols the transport-security rules (SMTP3xxx) bind to, resolved once per compilation. Every member may
    /// be null when its library is not referenced.
    /// </summary>
    internal sealed class SecuritySymbols
    {
        private SecuritySymbols(Compilation compilation)
        {
            Compilation = compilation;
            SystemNetMailClient = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
            SmtpDeliveryMethod = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpDeliveryMethod");
            MailKitClient = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpClient");
            ISmtpClient = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.ISmtpClient");
            IMailTransport = compilation.GetTypeByMetadataName("MailKit.IMailTransport");
            MailService = compilation.GetTypeByMetadataName("MailKit.MailService");
            IMailService = compilation.GetTypeByMetadataName("MailKit.IMailService");
            SecureSocketOptions = compilation.GetTypeByMetadataName("MailKit.Security.SecureSocketOptions");
            NetworkCredential = compilation.GetTypeByMetadataName("System.Net.NetworkCredential");
            CredentialCache = compilation.GetTypeByMetadataName("System.Net.CredentialCache");
            ServicePointManager = compilation.GetTypeByMetadataName("System.Net.ServicePointManager");
            Uri = compilation.GetTypeByMetadataName("System.Uri");
        }

        public Compilation Compilation { get; }

        /// <summary>System.Net.Mail.SmtpClient.</summary>
        public INamedTypeSymbol? SystemNetMailClient { get; }

        /// <summary>System.Net.Mail.SmtpDeliveryMethod.</summary>
        public INamedTypeSymbol? SmtpDeliveryMethod { get; }

        /// <summary>MailKit.Net.Smtp.SmtpClient.</summary>
        public INamedTypeSymbol? MailKitClient { get; }

        /// <summary>MailKit.Net.Smtp.ISmtpClient.</summary>
        public INamedTypeSymbol? ISmtpClient { get; }

        /// <summary>MailKit.IMailTransport (MailKit's only transport is SMTP).</summary>
        public INamedTypeSymbol? IMailTransport { get; }

        /// <summary>MailKit.MailService: declares Connect(host, port, useSsl), Connect(Uri) and Authenticate.</summary>
        public INamedTypeSymbol? MailService { get; }

        /// <summary>MailKit.IMailService.</summary>
        public INamedTypeSymbol? IMailService { get; }

        /// <summary>MailKit.Security.SecureSocketOptions.</summary>
        public INamedTypeSymbol? SecureSocketOptions { get; }

        /// <summary>System.Net.NetworkCredential.</summary>
        public INamedTypeSymbol? NetworkCredential { get; }

        /// <summary>System.Net.CredentialCache.</summary>
        public INamedTypeSymbol? CredentialCache { get; }

        /// <summary>System.Net.ServicePointManager.</summary>
        public INamedTypeSymbol? ServicePointManager { get; }

        /// <summary>System.Uri.</summary>
        public INamedTypeSymbol? Uri { get; }

        /// <summary>
        /// Whether System.Net.Mail's SmtpClient is the .NET 5+ one (defined in the System.Net.Mail assembly), which
        /// reads no configuration; on .NET Framework (System) and .NET Standard (netstandard) every constructor may
        /// apply &lt;mailSettings&gt;, so a never-set EnableSsl is unknown there.
        /// </summary>
        public bool SystemNetMailReadsNoConfiguration
            => SystemNetMailClient?.ContainingAssembly?.Name == "System.Net.Mail";

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, SecuritySymbols> Cache =
            new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, SecuritySymbols>();

        /// <summary>The symbols, or null when neither SMTP client type is referenced; resolved once per compilation.</summary>
        public static SecuritySymbols? TryCreate(Compilation compilation)
        {
            var symbols = Cache.GetValue(compilation, c => new SecuritySymbols(c));
            return symbols.SystemNetMailClient is null && symbols.MailKitClient is null ? null : symbols;
        }

        /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
        public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="type"/> is <paramref name="interfaceType"/> or implements it.</summary>
        public static bool IsOrImplements(ITypeSymbol? type, INamedTypeSymbol? interfaceType)
        {
            if (type is null || interfaceType is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, interfaceType))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
