namespace SmtpAnalyzers.Reliability
{
    /// <summary>
    /// How a message names an outcome (<c>Outcome.RetryLater</c>, <c>"retry"</c>, <c>IsTransient returning true</c>), kept
    /// in parts: the text is made only when a diagnostic is reported, not for every branch whose outcome is read.
    /// </summary>
    internal readonly struct OutcomeName
    {
        private readonly string? _type;
        private readonly string _name;
        private readonly string? _returning;

        private OutcomeName(string? type, string name, string? returning)
        {
            _type = type;
            _name = name;
            _returning = returning;
        }

        /// <summary>A field: <c>Type.Field</c>, or the field's name alone when it has no containing type.</summary>
        public static OutcomeName Field(string? type, string field) => new OutcomeName(type, field, null);

        /// <summary>A string or a type name, as written.</summary>
        public static OutcomeName Text(string text) => new OutcomeName(null, text, null);

        /// <summary><c>IsTransient returning true</c>.</summary>
        public static OutcomeName Returning(string method, bool value) => new OutcomeName(null, method, value ? " returning true" : " returning false");

        public override string ToString()
            => _type is not null ? _type + "." + _name : _returning is not null ? _name + _returning : _name;
    }
}
