using System.Threading;
using Microsoft.CodeAnalysis;
using SmtpAnalyzers.Engine;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>
    /// The symbols the transport-security rules (SMTP3xxx) bind to, resolved once per compilation, on first use (as
    /// <see cref="SmtpAnalyzers.Symbols.SmtpSymbols"/>, for the same reason). Every member may be null when its library
    /// is not referenced.
    /// </summary>
    internal sealed class SecuritySymbols
    {
        private Resolved? _resolved;

        private SecuritySymbols(Compilation compilation)
        {
            Compilation = compilation;
        }

        public Compilation Compilation { get; }

        /// <summary>System.Net.Mail.SmtpClient.</summary>
        public INamedTypeSymbol? SystemNetMailClient => Symbols.SystemNetMailClient;

        /// <summary>System.Net.Mail.SmtpDeliveryMethod.</summary>
        public INamedTypeSymbol? SmtpDeliveryMethod => Symbols.SmtpDeliveryMethod;

        /// <summary>MailKit.Net.Smtp.SmtpClient.</summary>
        public INamedTypeSymbol? MailKitClient => Symbols.MailKitClient;

        /// <summary>MailKit.Net.Smtp.ISmtpClient.</summary>
        public INamedTypeSymbol? ISmtpClient => Symbols.ISmtpClient;

        /// <summary>MailKit.IMailTransport (MailKit's only transport is SMTP).</summary>
        public INamedTypeSymbol? IMailTransport => Symbols.IMailTransport;

        /// <summary>MailKit.MailService: declares Connect(host, port, useSsl), Connect(Uri) and Authenticate.</summary>
        public INamedTypeSymbol? MailService => Symbols.MailService;

        /// <summary>MailKit.IMailService.</summary>
        public INamedTypeSymbol? IMailService => Symbols.IMailService;

        /// <summary>MailKit.Security.SecureSocketOptions.</summary>
        public INamedTypeSymbol? SecureSocketOptions => Symbols.SecureSocketOptions;

        /// <summary>System.Net.NetworkCredential.</summary>
        public INamedTypeSymbol? NetworkCredential => Symbols.NetworkCredential;

        /// <summary>System.Net.CredentialCache.</summary>
        public INamedTypeSymbol? CredentialCache => Symbols.CredentialCache;

        /// <summary>System.Net.ServicePointManager.</summary>
        public INamedTypeSymbol? ServicePointManager => Symbols.ServicePointManager;

        /// <summary>System.Uri.</summary>
        public INamedTypeSymbol? Uri => Symbols.Uri;

        public INamedTypeSymbol? SslProtocols => Symbols.SslProtocols;

        public INamedTypeSymbol? SecurityProtocolType => Symbols.SecurityProtocolType;

        public INamedTypeSymbol? SslPolicyErrors => Symbols.SslPolicyErrors;

        public INamedTypeSymbol? RemoteCertificateValidationCallback => Symbols.RemoteCertificateValidationCallback;

        public INamedTypeSymbol SystemEnum => Symbols.SystemEnum;

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

        /// <summary>Whether the symbols have been resolved (a callback needed them); for tests.</summary>
        internal bool IsResolved => Volatile.Read(ref _resolved) is not null;

        /// <summary>The resolved symbols: made once; threads that race both resolve the same symbols and keep the first.</summary>
        private Resolved Symbols => Volatile.Read(ref _resolved) ?? Once.Publish(ref _resolved, new Resolved(Compilation));

        private sealed class Resolved
        {
            public readonly INamedTypeSymbol? SystemNetMailClient;
            public readonly INamedTypeSymbol? SmtpDeliveryMethod;
            public readonly INamedTypeSymbol? MailKitClient;
            public readonly INamedTypeSymbol? ISmtpClient;
            public readonly INamedTypeSymbol? IMailTransport;
            public readonly INamedTypeSymbol? MailService;
            public readonly INamedTypeSymbol? IMailService;
            public readonly INamedTypeSymbol? SecureSocketOptions;
            public readonly INamedTypeSymbol? NetworkCredential;
            public readonly INamedTypeSymbol? CredentialCache;
            public readonly INamedTypeSymbol? ServicePointManager;
            public readonly INamedTypeSymbol? Uri;
            public readonly INamedTypeSymbol? SslProtocols;
            public readonly INamedTypeSymbol? SecurityProtocolType;
            public readonly INamedTypeSymbol? SslPolicyErrors;
            public readonly INamedTypeSymbol? RemoteCertificateValidationCallback;
            public readonly INamedTypeSymbol SystemEnum;

            public Resolved(Compilation compilation)
            {
                // One lookup through the compilation per library (it walks every reference), then the library's own
                // assembly for the rest of its types.
                SystemNetMailClient = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
                SmtpDeliveryMethod = SystemNetMailClient?.ContainingAssembly.GetTypeByMetadataName("System.Net.Mail.SmtpDeliveryMethod");
                MailKitClient = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpClient");
                var mailKit = MailKitClient?.ContainingAssembly;
                ISmtpClient = mailKit?.GetTypeByMetadataName("MailKit.Net.Smtp.ISmtpClient");
                IMailTransport = mailKit?.GetTypeByMetadataName("MailKit.IMailTransport");
                MailService = mailKit?.GetTypeByMetadataName("MailKit.MailService");
                IMailService = mailKit?.GetTypeByMetadataName("MailKit.IMailService");
                SecureSocketOptions = mailKit?.GetTypeByMetadataName("MailKit.Security.SecureSocketOptions");
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
        }
    }
}
