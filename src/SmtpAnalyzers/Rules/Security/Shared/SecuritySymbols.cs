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
            SslProtocols = compilation.GetTypeByMetadataName("System.Security.Authentication.SslProtocols");
            SecurityProtocolType = compilation.GetTypeByMetadataName("System.Net.SecurityProtocolType");
            SslPolicyErrors = compilation.GetTypeByMetadataName("System.Net.Security.SslPolicyErrors");
            RemoteCertificateValidationCallback = compilation.GetTypeByMetadataName("System.Net.Security.RemoteCertificateValidationCallback");
            SystemEnum = compilation.GetSpecialType(SpecialType.System_Enum);
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

        public INamedTypeSymbol? SslProtocols { get; }

        public INamedTypeSymbol? SecurityProtocolType { get; }

        public INamedTypeSymbol? SslPolicyErrors { get; }

        public INamedTypeSymbol? RemoteCertificateValidationCallback { get; }

        public INamedTypeSymbol SystemEnum { get; }

        /// <summary>
        /// Whether System.Net.Mail's SmtpClient is the .NET 5+ one (defined in the System.Net.Mail assembly), which
        /// reads no configuration; on .NET Framework (System) and .NET Standard (netstandard) every constructor may
        /// apply &lt;mailSettings&gt;, so a never-set EnableSsl is unknown there.
        /// </summary>
        public bool SystemNetMailReadsNoConfiguration
            => SystemNetMailClient?.ContainingAssembly?.Name == "System.Net.Mail";

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, SecuritySymbols> Cache =
            new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, SecuritySymbols>();

        /// <summary>Whether a type is or implements an SMTP client (<see cref="SmtpReceiver.IsSmtpReceiver"/>), answered once per type.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool> ReceiverTypes { get; }
            = new System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>The symbols, or null when neither SMTP client type is referenced; resolved once per compilation.</summary>
        public static SecuritySymbols? TryCreate(Compilation compilation)
        {
            var symbols = Create(compilation);
            return symbols.SystemNetMailClient is null && symbols.MailKitClient is null ? null : symbols;
        }

        /// <summary>Resolves the symbols of <paramref name="compilation"/>; call once per compilation (compilation start, or once per fix).</summary>
        public static SecuritySymbols Create(Compilation compilation) => Cache.GetValue(compilation, c => new SecuritySymbols(c));

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
