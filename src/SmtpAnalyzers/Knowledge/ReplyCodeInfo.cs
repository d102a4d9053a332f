namespace SmtpAnalyzers.Knowledge
{
    /// <summary>The reply classes of RFC 5321 §4.2.1, decided by the first digit of a reply code.</summary>
    internal enum ReplyClass
    {
        /// <summary>Not an SMTP reply (System.Net.Mail's GeneralFailure, -1).</summary>
        None = 0,

        /// <summary>2yz: positive completion.</summary>
        PositiveCompletion = 2,

        /// <summary>3yz: positive intermediate.</summary>
        PositiveIntermediate = 3,

        /// <summary>4yz: transient negative completion; the same request may succeed later.</summary>
        TransientNegative = 4,

        /// <summary>5yz: permanent negative completion; do not repeat the same request unchanged.</summary>
        PermanentNegative = 5,
    }

    /// <summary>The SMTP libraries whose reply codes the analyzers understand.</summary>
    internal enum SmtpLibrary
    {
        /// <summary>System.Net.Mail (SmtpClient, SmtpException, System.Net.Mail.SmtpStatusCode).</summary>
        SystemNetMail,

        /// <summary>MailKit (MailKit.Net.Smtp.SmtpClient, SmtpCommandException, MailKit.Net.Smtp.SmtpStatusCode).</summary>
        MailKit,
    }

    /// <summary>Names of <see cref="SmtpLibrary"/> members, as diagnostic properties carry them to the fixes.</summary>
    internal static class SmtpLibraries
    {
        /// <summary>The member's name, without <see cref="System.Enum.ToString()"/> (reflection on its first call, and a lookup at every call).</summary>
        public static string Name(SmtpLibrary library) => library == SmtpLibrary.MailKit ? nameof(SmtpLibrary.MailKit) : nameof(SmtpLibrary.SystemNetMail);
    }

    /// <summary>One row of the reply-code knowledge table.</summary>
    internal sealed class ReplyCodeInfo
    {
        public ReplyCodeInfo(int value, string meaning, string reference, string? systemNetMailMember, string? mailKitMember, string constantName, string advice)
        {
            Value = value;
            Meaning = meaning;
            Reference = reference;
            SystemNetMailMember = systemNetMailMember;
            MailKitMember = mailKitMember;
            ConstantName = constantName;
            Advice = advice;
        }

        /// <summary>The three-digit reply code (-1 for System.Net.Mail's GeneralFailure).</summary>
        public int Value { get; }

        /// <summary>What the RFC says the reply means.</summary>
        public string Meaning { get; }

        /// <summary>The RFC and section that defines the reply.</summary>
        public string Reference { get; }

        /// <summary>The member of System.Net.Mail.SmtpStatusCode with this value, if any.</summary>
        public string? SystemNetMailMember { get; }

        /// <summary>The member of MailKit.Net.Smtp.SmtpStatusCode with this value, if any.</summary>
        public string? MailKitMember { get; }

        /// <summary>The name of the constant a code fix declares when the library's enum has no member.</summary>
        public string ConstantName { get; }

        /// <summary>What a client does on this reply.</summary>
        public string Advice { get; }

        /// <summary>The reply class, from the first digit.</summary>
        public ReplyClass Class => Value < 200 ? ReplyClass.None : (ReplyClass)(Value / 100);

        /// <summary>The enum member of the given library, or null when that enum has none.</summary>
        public string? MemberOf(SmtpLibrary library) => library == SmtpLibrary.MailKit ? MailKitMember : SystemNetMailMember;
    }
}
