using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpAnalyzers.Knowledge;

namespace SmtpAnalyzers.Model
{
    /// <summary>
    /// The SMTP types of both libraries, resolved once per compilation, and the questions every rule asks
    /// about operations. Rules never resolve SMTP types themselves.
    /// </summary>
    internal sealed class SmtpModel
    {
        /// <summary>The tool name our code fixes write into <c>[GeneratedCode]</c> on the code they insert.</summary>
        public const string GeneratedCodeToolName = "SmtpAnalyzers";

        private const int MaxLocalDepth = 4;

        private static readonly ConditionalWeakTable<Compilation, CachedModel> Cache = new ConditionalWeakTable<Compilation, CachedModel>();

        private readonly System.Collections.Concurrent.ConcurrentDictionary<IParameterSymbol, SmtpLibrary?> _parameters =
            new System.Collections.Concurrent.ConcurrentDictionary<IParameterSymbol, SmtpLibrary?>(SymbolEqualityComparer.Default);

        private SmtpModel(Compilation compilation)
        {
            Compilation = compilation;

            SystemNetMailClient = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
            SmtpException = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpException");
            SmtpFailedRecipientException = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpFailedRecipientException");
            SmtpFailedRecipientsException = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpFailedRecipientsException");
            SystemNetMailStatusCode = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpStatusCode");
            MailMessage = compilation.GetTypeByMetadataName("System.Net.Mail.MailMessage");

            MailKitClient = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpClient");
            MailKitISmtpClient = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.ISmtpClient");
            MailKitIMailTransport = compilation.GetTypeByMetadataName("MailKit.IMailTransport");
            SmtpCommandException = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpCommandException");
            SmtpProtocolException = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpProtocolException");
            MailKitStatusCode = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpStatusCode");
            SmtpErrorCode = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpErrorCode");
            SmtpResponse = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpResponse");
            MailKitCommandException = compilation.GetTypeByMetadataName("MailKit.CommandException");
            MailKitProtocolException = compilation.GetTypeByMetadataName("MailKit.ProtocolException");
            ServiceNotAuthenticatedException = compilation.GetTypeByMetadataName("MailKit.ServiceNotAuthenticatedException");
            MailKitAuthenticationException = compilation.GetTypeByMetadataName("MailKit.Security.AuthenticationException");

            GeneratedCodeAttribute = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            Exception = compilation.GetTypeByMetadataName("System.Exception");
            SendCompleted = SystemNetMailClient?.GetMembers("SendCompleted").OfType<IEventSymbol>().FirstOrDefault();
            Regex = compilation.GetTypeByMetadataName("System.Text.RegularExpressions.Regex");
            SmtpExceptionStatusCode = Property(SmtpException, "StatusCode");
            FailedRecipient = Property(SmtpFailedRecipientException, "FailedRecipient");
            InnerExceptions = Property(SmtpFailedRecipientsException, "InnerExceptions");
            SmtpCommandErrorCode = Property(SmtpCommandException, "ErrorCode");
            SmtpCommandMailbox = Property(SmtpCommandException, "Mailbox");

            PollyPolicy = compilation.GetTypeByMetadataName("Polly.Policy");
            PollyPolicyOfT = compilation.GetTypeByMetadataName("Polly.Policy`1");
            PollyPolicyBuilder = compilation.GetTypeByMetadataName("Polly.PolicyBuilder");
            PollyPolicyBuilderOfT = compilation.GetTypeByMetadataName("Polly.PolicyBuilder`1");
            PollyPredicateBuilderOfT = compilation.GetTypeByMetadataName("Polly.PredicateBuilder`1");
            PollyRetryStrategyOptions = compilation.GetTypeByMetadataName("Polly.Retry.RetryStrategyOptions`1");
        }

        private static IPropertySymbol? Property(INamedTypeSymbol? type, string name)
            => type?.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault();

        public Compilation Compilation { get; }

        public INamedTypeSymbol? SystemNetMailClient { get; }

        public INamedTypeSymbol? SmtpException { get; }

        public INamedTypeSymbol? SmtpFailedRecipientException { get; }

        public INamedTypeSymbol? SmtpFailedRecipientsException { get; }

        public INamedTypeSymbol? SystemNetMailStatusCode { get; }

        public INamedTypeSymbol? MailMessage { get; }

        public INamedTypeSymbol? MailKitClient { get; }

        public INamedTypeSymbol? MailKitISmtpClient { get; }

        public INamedTypeSymbol? MailKitIMailTransport { get; }

        public INamedTypeSymbol? SmtpCommandException { get; }

        public INamedTypeSymbol? SmtpProtocolException { get; }

        public INamedTypeSymbol? MailKitStatusCode { get; }

        public INamedTypeSymbol? SmtpErrorCode { get; }

        public INamedTypeSymbol? SmtpResponse { get; }

        public INamedTypeSymbol? MailKitCommandException { get; }

        public INamedTypeSymbol? MailKitProtocolException { get; }

        public INamedTypeSymbol? ServiceNotAuthenticatedException { get; }

        public INamedTypeSymbol? MailKitAuthenticationException { get; }

        public INamedTypeSymbol? GeneratedCodeAttribute { get; }

        /// <summary>System.Threading.Tasks.Task, whose static <c>Run</c> starts work nobody may observe.</summary>
        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? Exception { get; }

        /// <summary>System.Net.Mail.SmtpClient.SendCompleted: the only place the event-based SendAsync reports its outcome.</summary>
        public IEventSymbol? SendCompleted { get; }

        /// <summary>System.Text.RegularExpressions.Regex, for reply codes matched in message text.</summary>
        public INamedTypeSymbol? Regex { get; }

        /// <summary>System.Net.Mail.SmtpException.StatusCode (always GeneralFailure on SmtpFailedRecipientsException).</summary>
        public IPropertySymbol? SmtpExceptionStatusCode { get; }

        /// <summary>System.Net.Mail.SmtpFailedRecipientException.FailedRecipient.</summary>
        public IPropertySymbol? FailedRecipient { get; }

        /// <summary>System.Net.Mail.SmtpFailedRecipientsException.InnerExceptions: one exception, with its reply code, per failed recipient.</summary>
        public IPropertySymbol? InnerExceptions { get; }

        /// <summary>MailKit's SmtpCommandException.ErrorCode: whether the sender, a recipient or the message was rejected.</summary>
        public IPropertySymbol? SmtpCommandErrorCode { get; }

        /// <summary>MailKit's SmtpCommandException.Mailbox: the rejected sender or recipient.</summary>
        public IPropertySymbol? SmtpCommandMailbox { get; }

        /// <summary>Polly (v7 API): the static <c>Policy.Handle&lt;T&gt;()</c> entry point.</summary>
        public INamedTypeSymbol? PollyPolicy { get; }

        /// <summary>Polly (v7 API): <c>Policy&lt;TResult&gt;.Handle&lt;T&gt;()</c>.</summary>
        public INamedTypeSymbol? PollyPolicyOfT { get; }

        /// <summary>Polly (v7 API): the builder whose <c>Or&lt;T&gt;()</c> and retry extensions follow <c>Handle</c>.</summary>
        public INamedTypeSymbol? PollyPolicyBuilder { get; }

        /// <summary>Polly (v7 API): the builder of result-typed policies.</summary>
        public INamedTypeSymbol? PollyPolicyBuilderOfT { get; }

        /// <summary>Polly.Core (v8): <c>PredicateBuilder&lt;TResult&gt;</c>, also the base of the non-generic PredicateBuilder.</summary>
        public INamedTypeSymbol? PollyPredicateBuilderOfT { get; }

        /// <summary>Polly.Core (v8): <c>RetryStrategyOptions&lt;TResult&gt;</c>, whose ShouldHandle decides what is retried.</summary>
        public INamedTypeSymbol? PollyRetryStrategyOptions { get; }

        /// <summary>
        /// Resolves the SMTP types of <paramref name="compilation"/>. Returns null, so that the caller registers
        /// nothing, when neither library's status-code enum is referenced, or when no source file mentions SMTP
        /// at all (System.Net.Mail is in every modern .NET reference set, so a referenced type alone is no sign
        /// of use).
        /// </summary>
        public static SmtpModel? TryCreate(Compilation compilation, CancellationToken cancellationToken)
        {
            // Every analyzer of the package asks at its compilation start: build the model once per compilation.
            if (Cache.TryGetValue(compilation, out var cached))
            {
                return cached.Model;
            }

            var model = Build(compilation, cancellationToken);
            return Cache.GetValue(compilation, _ => new CachedModel(model)).Model;
        }

        private static SmtpModel? Build(Compilation compilation, CancellationToken cancellationToken)
        {
            // The text scan first: it reads only source text, while the first type lookup in a fresh compilation
            // builds the merged namespace of every reference and every source file.
            if (!SourceMentionsSmtp(compilation, cancellationToken))
            {
                return null;
            }

            if (compilation.GetTypeByMetadataName("System.Net.Mail.SmtpStatusCode") is null
                && compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpStatusCode") is null)
            {
                return null;
            }

            return new SmtpModel(compilation);
        }

        /// <summary>Resolves the SMTP types without the usage gate; for code fixes, which run only where a rule reported.</summary>
        public static SmtpModel Create(Compilation compilation) => new SmtpModel(compilation);

        /// <summary>
        /// Whether any source file contains "Smtp" or "MailKit". Every SMTP type and member the rules look at
        /// is spelled with one of them, so a compilation with neither cannot use them in a way we report.
        /// </summary>
        internal static bool SourceMentionsSmtp(Compilation compilation, CancellationToken cancellationToken)
        {
            var buffer = new char[4096];
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = tree.GetText(cancellationToken);
                if (TextMentionsSmtp(text, buffer))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TextMentionsSmtp(Microsoft.CodeAnalysis.Text.SourceText text, char[] buffer)
        {
            // Scan in chunks that overlap by the length of the longest word minus one.
            const int Overlap = 6;
            var length = text.Length;
            var position = 0;
            while (position < length)
            {
                var count = Math.Min(buffer.Length, length - position);
                text.CopyTo(position, buffer, 0, count);
                for (var i = 0; i + 3 < count; i++)
                {
                    var c = buffer[i];
                    if (c == 'S' && buffer[i + 1] == 'm' && buffer[i + 2] == 't' && buffer[i + 3] == 'p')
                    {
                        return true;
                    }

                    if (c == 'M' && i + 6 < count && buffer[i + 1] == 'a' && buffer[i + 2] == 'i' && buffer[i + 3] == 'l'
                        && buffer[i + 4] == 'K' && buffer[i + 5] == 'i' && buffer[i + 6] == 't')
                    {
                        return true;
                    }
                }

                if (position + count >= length)
                {
                    break;
                }

                position += count - Overlap;
            }

            return false;
        }

        /// <summary>The status-code enum of <paramref name="library"/>, or null when it is not referenced.</summary>
        public INamedTypeSymbol? StatusCodeEnum(SmtpLibrary library)
            => library == SmtpLibrary.MailKit ? MailKitStatusCode : SystemNetMailStatusCode;

        /// <summary>Whether <paramref name="type"/> is one of the two SmtpStatusCode enums, and whose.</summary>
        public bool IsStatusCodeEnum(ITypeSymbol? type, out SmtpLibrary library)
        {
            library = default;
            if (type is null || type.TypeKind != TypeKind.Enum)
            {
                return false;
            }

            if (SystemNetMailStatusCode is not null && SymbolEqualityComparer.Default.Equals(type, SystemNetMailStatusCode))
            {
                library = SmtpLibrary.SystemNetMail;
                return true;
            }

            if (MailKitStatusCode is not null && SymbolEqualityComparer.Default.Equals(type, MailKitStatusCode))
            {
                library = SmtpLibrary.MailKit;
                return true;
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="operation"/> holds an SMTP reply code: an expression of either SmtpStatusCode
        /// enum, a numeric conversion of one, or a local whose only assigned value is one of those.
        /// </summary>
        public bool IsStatusCode(IOperation? operation, out SmtpLibrary library)
            => IsStatusCode(operation, out library, 0);

        private bool IsStatusCode(IOperation? operation, out SmtpLibrary library, int depth)
        {
            library = default;
            while (true)
            {
                switch (operation)
                {
                    case null:
                        return false;
                    case IConversionOperation conversion:
                        if (IsStatusCodeEnum(conversion.Type, out library))
                        {
                            // A cast of a literal to the enum is a magic code, not a status code read from SMTP.
                            return conversion.Operand.ConstantValue.HasValue == false;
                        }

                        if (!IsNumeric(conversion.Type))
                        {
                            return false;
                        }

                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                }

                if (operation.ConstantValue.HasValue)
                {
                    return false;
                }

                if (IsStatusCodeEnum(operation.Type, out library))
                {
                    return true;
                }

                if (operation is ILocalReferenceOperation localReference && IsNumeric(localReference.Type) && depth < MaxLocalDepth)
                {
                    // The initializer first: walking the method for writes is worth it only for a status code.
                    var value = DeclaredValue(localReference);
                    return value is not null && IsStatusCode(value, out library, depth + 1) && IsNeverReassigned(localReference);
                }

                if (operation is IParameterReferenceOperation parameterReference && IsNumeric(parameterReference.Type) && depth < MaxLocalDepth)
                {
                    var known = _parameters.GetOrAdd(parameterReference.Parameter, _ => ParameterLibrary(parameterReference, depth));
                    library = known ?? default;
                    return known is not null;
                }

                return false;
            }
        }

        /// <summary>
        /// Whether <paramref name="type"/> is an SMTP exception: System.Net.Mail's SmtpException (with its
        /// recipient subclasses) or MailKit's SmtpCommandException or SmtpProtocolException, or a subclass of one.
        /// </summary>
        public bool IsSmtpException(ITypeSymbol? type, out SmtpLibrary library, out SmtpExceptionKind kind)
        {
            library = default;
            kind = default;
            for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
            {
                if (current.SpecialType == SpecialType.System_Object)
                {
                    return false;
                }

                // The plural recipients exception derives from SmtpException: it must be met first.
                if (Is(current, SmtpFailedRecipientsException))
                {
                    library = SmtpLibrary.SystemNetMail;
                    kind = SmtpExceptionKind.FailedRecipients;
                    return true;
                }

                if (Is(current, SmtpException))
                {
                    library = SmtpLibrary.SystemNetMail;
                    kind = SmtpExceptionKind.StatusCode;
                    return true;
                }

                if (Is(current, SmtpCommandException))
                {
                    library = SmtpLibrary.MailKit;
                    kind = SmtpExceptionKind.StatusCode;
                    return true;
                }

                if (Is(current, SmtpProtocolException))
                {
                    library = SmtpLibrary.MailKit;
                    kind = SmtpExceptionKind.Protocol;
                    return true;
                }
            }

            return false;

            static bool Is(INamedTypeSymbol type, INamedTypeSymbol? wanted)
                => wanted is not null && SymbolEqualityComparer.Default.Equals(type, wanted);
        }

        /// <summary>
        /// Whether <paramref name="operation"/> is the text of an SMTP exception: its <c>Message</c> or
        /// <c>ToString()</c>, optionally through <c>?.</c>, through string methods that keep the text
        /// (Substring, Trim, ToLower, ...), or through a local whose only assigned value is one of those.
        /// </summary>
        public bool IsSmtpExceptionText(IOperation? operation, out SmtpExceptionText text)
            => FindSmtpExceptionText(operation, throughLocal: false, conditional: false, depth: 0, out text);

        private bool FindSmtpExceptionText(IOperation? operation, bool throughLocal, bool conditional, int depth, out SmtpExceptionText text)
        {
            text = null!;
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation { IsImplicit: true } conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    case IConditionalAccessInstanceOperation instance:
                        operation = ConditionalAccessTarget(instance);
                        conditional = true;
                        continue;
                }

                break;
            }

            switch (operation)
            {
                case IPropertyReferenceOperation { Instance: { } instance } property
                    when property.Property.Name == nameof(System.Exception.Message) && IsExceptionMember(property.Property):
                    return IsSmtpExceptionInstance(instance, throughLocal, conditional, out text);

                case IInvocationOperation { Instance: { } instance, Arguments.Length: 0 } invocation
                    when invocation.TargetMethod.Name == nameof(ToString) && IsExceptionMember(invocation.TargetMethod):
                    return IsSmtpExceptionInstance(instance, throughLocal, conditional, out text);

                case IInvocationOperation { Instance: { } instance } invocation
                    when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String && KeepsText(invocation.TargetMethod.Name):
                    return FindSmtpExceptionText(instance, throughLocal, conditional, depth, out text);

                case ILocalReferenceOperation local when local.Type?.SpecialType == SpecialType.System_String && depth < MaxLocalDepth:
                    var value = DeclaredValue(local);
                    if (value is not null && FindSmtpExceptionText(value, throughLocal: true, conditional, depth + 1, out text) && IsNeverReassigned(local))
                    {
                        return true;
                    }

                    text = null!;
                    return false;

                default:
                    return false;
            }
        }

        private bool IsSmtpExceptionInstance(IOperation instance, bool throughLocal, bool conditional, out SmtpExceptionText text)
        {
            text = null!;
            if (instance is IConditionalAccessInstanceOperation conditionalInstance)
            {
                instance = ConditionalAccessTarget(conditionalInstance) ?? instance;
                conditional = true;
            }

            if (!IsSmtpException(instance.Type, out var library, out var kind))
            {
                return false;
            }

            text = new SmtpExceptionText(instance, library, kind, throughLocal, conditional, IsBuiltInCode(instance));
            return true;
        }

        /// <summary>Whether <paramref name="exception"/> is a new exception, or a local holding only one.</summary>
        private static bool IsBuiltInCode(IOperation exception)
        {
            var current = exception;
            for (var depth = 0; depth < MaxLocalDepth; depth++)
            {
                while (current is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
                {
                    current = current is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)current).Operand;
                }

                switch (current)
                {
                    case IObjectCreationOperation:
                        return true;
                    case ILocalReferenceOperation local when SingleAssignedValue(local) is { } value:
                        current = value;
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The expression that <c>?.</c> tests, for the implicit receiver inside its WhenNotNull part.</summary>
        private static IOperation? ConditionalAccessTarget(IConditionalAccessInstanceOperation instance)
        {
            IOperation previous = instance;
            for (var parent = instance.Parent; parent is not null; previous = parent, parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access && ReferenceEquals(access.WhenNotNull, previous))
                {
                    return access.Operation;
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="member"/> is System.Exception's own member or an override of it.</summary>
        private bool IsExceptionMember(ISymbol member)
        {
            if (Exception is null)
            {
                return false;
            }

            var root = member;
            while (true)
            {
                var overridden = root switch
                {
                    IPropertySymbol property => (ISymbol?)property.OverriddenProperty,
                    IMethodSymbol method => method.OverriddenMethod,
                    _ => null,
                };

                if (overridden is null || SymbolEqualityComparer.Default.Equals(root.ContainingType, Exception))
                {
                    break;
                }

                root = overridden;
            }

            return SymbolEqualityComparer.Default.Equals(root.ContainingType, Exception);
        }

        /// <summary>String methods whose result is still the text they were called on, or a part of it.</summary>
        private static bool KeepsText(string name)
        {
            switch (name)
            {
                case nameof(string.Substring):
                case nameof(string.Trim):
                case nameof(string.TrimStart):
                case nameof(string.TrimEnd):
                case nameof(string.ToLower):
                case nameof(string.ToUpper):
                case nameof(string.ToLowerInvariant):
                case nameof(string.ToUpperInvariant):
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The library whose status code every caller passes to a numeric parameter of a private method or local
        /// function (<c>static bool IsTransient(int code)</c> called as <c>IsTransient((int)ex.StatusCode)</c>);
        /// null when the parameter is written, the method is used other than by direct calls in the same file, or a
        /// caller passes anything else. Only the parameter's own declaration file is searched.
        /// </summary>
        private SmtpLibrary? ParameterLibrary(IParameterReferenceOperation reference, int depth)
        {
            var parameter = reference.Parameter;
            var semanticModel = reference.SemanticModel;
            if (parameter.RefKind != RefKind.None
                || parameter.ContainingSymbol is not IMethodSymbol method
                || !(method.MethodKind == MethodKind.LocalFunction || (method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility == Accessibility.Private))
                || semanticModel is null
                || method.DeclaringSyntaxReferences.Length != 1
                || method.DeclaringSyntaxReferences[0].SyntaxTree != semanticModel.SyntaxTree)
            {
                return null;
            }

            var methodSyntax = method.DeclaringSyntaxReferences[0].GetSyntax();
            var scope = method.MethodKind == MethodKind.LocalFunction
                ? methodSyntax.Parent
                : method.ContainingType.DeclaringSyntaxReferences.Length == 1 ? method.ContainingType.DeclaringSyntaxReferences[0].GetSyntax() : null;
            if (scope is null)
            {
                return null;
            }

            SmtpLibrary? found = null;
            foreach (var node in scope.DescendantNodes())
            {
                if (node is not Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name || name.Identifier.ValueText != method.Name)
                {
                    if (node is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax written && written.Identifier.ValueText == parameter.Name
                        && methodSyntax.Span.Contains(written.Span) && IsWrite(written))
                    {
                        return null;
                    }

                    continue;
                }

                var call = name.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access && access.Name == name ? access.Parent : name.Parent;
                if (call is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                    || semanticModel.GetOperation(call) is not IInvocationOperation invocation)
                {
                    // A method group, nameof, or a recursive mention: callers are not all visible.
                    if (SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(name).Symbol?.OriginalDefinition, method.OriginalDefinition))
                    {
                        return null;
                    }

                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method.OriginalDefinition))
                {
                    continue;
                }

                var argument = invocation.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter, parameter));
                if (argument is null || argument.ArgumentKind != ArgumentKind.Explicit || !IsStatusCode(argument.Value, out var library, depth + 1))
                {
                    return null;
                }

                if (found is not null && found != library)
                {
                    return null;
                }

                found = library;
            }

            return found;
        }

        private static bool IsWrite(Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name)
            => name.Parent switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax assignment => assignment.Left == name,
                Microsoft.CodeAnalysis.CSharp.Syntax.PrefixUnaryExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.PostfixUnaryExpressionSyntax => true,
                Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None),
                _ => false,
            };

        /// <summary>
        /// The value assigned to a local in its declaration, when the local is never written anywhere else;
        /// otherwise null.
        /// </summary>
        public static IOperation? SingleAssignedValue(ILocalReferenceOperation reference)
            => DeclaredValue(reference) is { } value && IsNeverReassigned(reference) ? value : null;

        /// <summary>
        /// The value a local's declaration assigns it, or null (no initializer, or not a variable declaration). Does not
        /// look for later writes: callers test the value first and then <see cref="IsNeverReassigned"/>, which walks
        /// the whole method.
        /// </summary>
        public static IOperation? DeclaredValue(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var semanticModel = reference.SemanticModel;
            var declaringSyntax = local.DeclaringSyntaxReferences[0].GetSyntax();
            if (semanticModel is null || declaringSyntax.SyntaxTree != semanticModel.SyntaxTree)
            {
                return null;
            }

            // Syntax first: foreach variables, catch variables, out vars and declarations without "= value" have no initializer.
            if (declaringSyntax is not Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: not null })
            {
                return null;
            }

            if (semanticModel.GetOperation(declaringSyntax) is not IVariableDeclaratorOperation declarator)
            {
                return null;
            }

            return (declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer)?.Value;
        }

        /// <summary>Whether the local of <paramref name="reference"/> is written nowhere in its method after its declaration.</summary>
        public static bool IsNeverReassigned(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            IOperation current = reference;
            while (current.Parent is not null)
            {
                current = current.Parent;
            }

            foreach (var descendant in current.Descendants())
            {
                var target = descendant switch
                {
                    ISimpleAssignmentOperation assignment => assignment.Target,
                    ICompoundAssignmentOperation compound => compound.Target,
                    IIncrementOrDecrementOperation increment => increment.Target,
                    IDeconstructionAssignmentOperation deconstruction => deconstruction.Target,
                    IArgumentOperation { Parameter.RefKind: not RefKind.None } argument => argument.Value,
                    _ => null,
                };

                if (target is null)
                {
                    continue;
                }

                if (target is ILocalReferenceOperation written && SymbolEqualityComparer.Default.Equals(written.Local, local))
                {
                    return false;
                }

                if (target is ITupleOperation tuple && tuple.Descendants().OfType<ILocalReferenceOperation>().Any(l => SymbolEqualityComparer.Default.Equals(l.Local, local)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether <paramref name="method"/> sends mail and how its outcome comes back: a Task (System.Net.Mail's
        /// SendMailAsync, MailKit's SendAsync on SmtpClient, ISmtpClient or IMailTransport) or the SendCompleted
        /// event (System.Net.Mail's void SendAsync), or the call itself (Send of either library). The name is
        /// compared before any symbol.
        /// </summary>
        public SendKind ClassifySend(IMethodSymbol method)
        {
            switch (method.Name)
            {
                case "SendMailAsync":
                    return !method.ReturnsVoid && IsOrDerivesFrom(method.ContainingType, SystemNetMailClient)
                        ? SendKind.Task
                        : SendKind.None;
                case "SendAsync":
                    if (method.ReturnsVoid)
                    {
                        return IsOrDerivesFrom(method.ContainingType, SystemNetMailClient) ? SendKind.Event : SendKind.None;
                    }

                    return IsMailKitTransport(method.ContainingType) ? SendKind.Task : SendKind.None;
                case "Send":
                    return IsOrDerivesFrom(method.ContainingType, SystemNetMailClient) || IsMailKitTransport(method.ContainingType)
                        ? SendKind.Sync
                        : SendKind.None;
                default:
                    return SendKind.None;
            }
        }

        /// <summary>
        /// The sends in <paramref name="root"/> whose failures are thrown to the code around them: not those inside
        /// lambdas and local functions (they run elsewhere, so a try around their declaration does not see their
        /// failures), and, unless <paramref name="includeEventBased"/>, not System.Net.Mail's event-based SendAsync
        /// (its failures go to SendCompleted).
        /// </summary>
        public System.Collections.Generic.IEnumerable<(IInvocationOperation Send, SmtpLibrary Library)> SendsIn(IOperation root, bool includeEventBased = false)
        {
            var pending = new System.Collections.Generic.Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                if (operation is IInvocationOperation invocation
                    && SendLibrary(invocation.TargetMethod) is SmtpLibrary library
                    && (includeEventBased || ClassifySend(invocation.TargetMethod) != SendKind.Event))
                {
                    yield return (invocation, library);
                }

                foreach (var child in operation.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        /// <summary>
        /// The exception types of <paramref name="library"/> that carry an SMTP failure out of a send: System.Net.Mail's
        /// SmtpException (with its recipient subclasses); MailKit's SmtpCommandException, SmtpProtocolException and
        /// ServiceNotAuthenticatedException.
        /// </summary>
        public System.Collections.Generic.IEnumerable<INamedTypeSymbol> FailureTypes(SmtpLibrary library)
        {
            var types = library == SmtpLibrary.SystemNetMail
                ? new[] { SmtpException }
                : new[] { SmtpCommandException, SmtpProtocolException, ServiceNotAuthenticatedException };
            foreach (var type in types)
            {
                if (type is not null)
                {
                    yield return type;
                }
            }
        }

        /// <summary>The exception type whose StatusCode carries the reply of a failed send of <paramref name="library"/>.</summary>
        public INamedTypeSymbol? ReplyExceptionType(SmtpLibrary library)
            => library == SmtpLibrary.SystemNetMail ? SmtpException : SmtpCommandException;

        /// <summary>
        /// The library of a send (<see cref="ClassifySend"/> is not None): System.Net.Mail's SmtpClient or a MailKit
        /// transport. Null for anything else.
        /// </summary>
        public SmtpLibrary? SendLibrary(IMethodSymbol method)
        {
            if (ClassifySend(method) == SendKind.None)
            {
                return null;
            }

            return IsOrDerivesFrom(method.ContainingType, SystemNetMailClient) ? SmtpLibrary.SystemNetMail : SmtpLibrary.MailKit;
        }

        /// <summary>Whether <paramref name="type"/> is exactly <paramref name="expected"/> (both non-null).</summary>
        public static bool IsType(ITypeSymbol? type, INamedTypeSymbol? expected)
            => type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

        /// <summary>Whether <paramref name="property"/> is <paramref name="expected"/> (both non-null), through any derived type's use of it.</summary>
        public static bool IsProperty(IPropertySymbol? property, IPropertySymbol? expected)
            => property is not null && expected is not null && property.Name == expected.Name
                && SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, expected);

        /// <summary>Whether an exception of <paramref name="thrown"/> can be caught by a catch of <paramref name="caughtType"/> (null: no type).</summary>
        public static bool IsCaughtBy(ITypeSymbol thrown, ITypeSymbol? caughtType)
            => caughtType is null || caughtType.SpecialType == SpecialType.System_Object || IsOrDerivesFrom(thrown, caughtType as INamedTypeSymbol);

        /// <summary>Whether <paramref name="method"/> is <c>Task.Run</c>.</summary>
        public bool IsTaskRun(IMethodSymbol method)
            => method.Name == "Run" && method.IsStatic && Task is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, Task);

        /// <summary>Whether <paramref name="symbol"/> is System.Net.Mail.SmtpClient.SendCompleted.</summary>
        public bool IsSendCompleted(IEventSymbol symbol)
            => symbol.Name == "SendCompleted" && SendCompleted is not null && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, SendCompleted);

        /// <summary>
        /// Whether a catch of <paramref name="caughtType"/> (null: a catch without a type) can catch what a send
        /// throws: Exception itself, or an exception type of either SMTP library. Conservative: a filter is not read.
        /// </summary>
        public bool CatchesSendFailure(ITypeSymbol? caughtType)
        {
            if (caughtType is null || caughtType.SpecialType == SpecialType.System_Object
                || (Exception is not null && SymbolEqualityComparer.Default.Equals(caughtType, Exception)))
            {
                return true;
            }

            foreach (var smtpException in new[] { SmtpException, MailKitCommandException, MailKitProtocolException, ServiceNotAuthenticatedException })
            {
                if (smtpException is not null
                    && (IsOrDerivesFrom(caughtType, smtpException) || IsOrDerivesFrom(smtpException, caughtType as INamedTypeSymbol)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="method"/> is a Polly exception-handling clause without predicate arguments or with
        /// them: <c>Policy.Handle&lt;T&gt;</c>, <c>Policy&lt;R&gt;.Handle&lt;T&gt;</c>, <c>PolicyBuilder.Or&lt;T&gt;</c>
        /// (v7 API) or <c>PredicateBuilder.Handle&lt;T&gt;</c> (v8). The name is compared before any symbol.
        /// </summary>
        public PollyClause ClassifyPollyClause(IMethodSymbol method)
        {
            if ((method.Name != "Handle" && method.Name != "Or") || method.TypeArguments.Length != 1)
            {
                return PollyClause.None;
            }

            var type = method.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return PollyClause.None;
            }

            if (method.Name == "Handle"
                && (SymbolEqualityComparer.Default.Equals(type, PollyPolicy) || SymbolEqualityComparer.Default.Equals(type, PollyPolicyOfT)))
            {
                return PollyClause.V7;
            }

            if (method.Name == "Or"
                && (SymbolEqualityComparer.Default.Equals(type, PollyPolicyBuilder) || SymbolEqualityComparer.Default.Equals(type, PollyPolicyBuilderOfT)))
            {
                return PollyClause.V7;
            }

            return method.Name == "Handle" && SymbolEqualityComparer.Default.Equals(type, PollyPredicateBuilderOfT)
                ? PollyClause.V8
                : PollyClause.None;
        }

        /// <summary>Whether <paramref name="property"/> is <c>RetryStrategyOptions&lt;T&gt;.ShouldHandle</c> (Polly v8), also through a derived options type.</summary>
        public bool IsRetryShouldHandle(IPropertySymbol property)
            => property.Name == "ShouldHandle"
                && PollyRetryStrategyOptions is not null
                && SymbolEqualityComparer.Default.Equals(property.OriginalDefinition.ContainingType?.OriginalDefinition, PollyRetryStrategyOptions);

        /// <summary>
        /// Whether an exception of <paramref name="type"/> can carry a permanent (5yz) reply: System.Net.Mail's
        /// SmtpException and its derived types, MailKit's SmtpCommandException and its abstract base CommandException,
        /// and MailKit's authentication failures (ServiceNotAuthenticatedException: 530 at MAIL FROM;
        /// AuthenticationException: 535 and friends), which no retry with the same settings can cure.
        /// Exception itself and connection failures (SmtpProtocolException, IOException) are not.
        /// </summary>
        public bool CanCarryPermanentReply(ITypeSymbol? type)
            => type is not null
                && (IsOrDerivesFrom(type, SmtpException)
                    || IsOrDerivesFrom(type, SmtpCommandException)
                    || IsOrDerivesFrom(type, ServiceNotAuthenticatedException)
                    || IsOrDerivesFrom(type, MailKitAuthenticationException)
                    || (MailKitCommandException is not null && SymbolEqualityComparer.Default.Equals(type, MailKitCommandException)));

        /// <summary>
        /// Whether <paramref name="type"/> has a <c>StatusCode</c> that holds the reply: SmtpException and
        /// SmtpFailedRecipientException, SmtpCommandException. Not SmtpFailedRecipientsException, whose own
        /// StatusCode is always GeneralFailure.
        /// </summary>
        public bool HasReplyStatusCode(ITypeSymbol? type)
            => type is not null
                && ((IsOrDerivesFrom(type, SmtpException) && !IsOrDerivesFrom(type, SmtpFailedRecipientsException))
                    || IsOrDerivesFrom(type, SmtpCommandException));

        /// <summary>Whether a catch of <paramref name="caughtType"/> catches everything: no type, object or Exception.</summary>
        public bool IsCatchAll(ITypeSymbol? caughtType)
            => caughtType is null || caughtType.SpecialType == SpecialType.System_Object
                || (Exception is not null && SymbolEqualityComparer.Default.Equals(caughtType, Exception));

        /// <summary>
        /// Whether a catch of <paramref name="caughtType"/> catches every exception of <paramref name="library"/>'s
        /// sends that carries a reply: SmtpException or a base of it; SmtpCommandException or a base of it.
        /// </summary>
        public bool CatchesEveryReplyOf(ITypeSymbol? caughtType, SmtpLibrary library)
        {
            if (IsCatchAll(caughtType))
            {
                return true;
            }

            var replyType = library == SmtpLibrary.SystemNetMail ? SmtpException : SmtpCommandException;
            return replyType is not null && IsOrDerivesFrom(replyType, caughtType as INamedTypeSymbol);
        }

        private bool IsMailKitTransport(INamedTypeSymbol? type)
        {
            if (type is null || MailKitIMailTransport is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, MailKitIMailTransport))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, MailKitIMailTransport))
                {
                    return true;
                }
            }

            return false;
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
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="symbol"/> lies in code that our own code fixes generated.</summary>
        public bool IsInGeneratedHelper(ISymbol? symbol)
        {
            if (GeneratedCodeAttribute is null)
            {
                return false;
            }

            for (var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType; type is not null; type = type.ContainingType)
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, GeneratedCodeAttribute)
                        && attribute.ConstructorArguments.Length > 0
                        && attribute.ConstructorArguments[0].Value is string tool
                        && tool == GeneratedCodeToolName)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsNumeric(ITypeSymbol? type)
        {
            switch (type?.SpecialType)
            {
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Double:
                case SpecialType.System_Single:
                case SpecialType.System_Decimal:
                    return true;
                default:
                    return false;
            }
        }

        private sealed class CachedModel
        {
            public CachedModel(SmtpModel? model) => Model = model;

            public SmtpModel? Model { get; }
        }
    }
}
