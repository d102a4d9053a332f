using System.Collections.Immutable;

namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// The diagnostic property that hands the fixes the wrapper path of a finding raised through a send wrapper (the
    /// message's "through 'Notify' and 'SendEmailAsync'"), so that the code they insert can name where the mail is sent.
    /// Absent for a send written where the finding is: then the fixes insert exactly what they always did.
    /// </summary>
    internal static class WrapperPathProperty
    {
        /// <summary>The property's name; its value is the quoted path, <c>'Notify' and 'SendEmailAsync'</c>.</summary>
        public const string Name = "WrapperPath";

        /// <summary><paramref name="properties"/> with the path added; unchanged when <paramref name="path"/> is null or empty.</summary>
        public static ImmutableDictionary<string, string?>? With(ImmutableDictionary<string, string?>? properties, string? path)
            => string.IsNullOrEmpty(path)
                ? properties
                : (properties ?? ImmutableDictionary<string, string?>.Empty).SetItem(Name, path);
    }
}
