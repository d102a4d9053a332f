namespace SmtpAnalyzers.Semantics
{
    /// <summary>Which Polly API an exception-handling clause belongs to (see <see cref="SmtpModel.ClassifyPollyClause"/>).</summary>
    internal enum PollyClause
    {
        /// <summary>Not a Polly Handle/Or clause.</summary>
        None,

        /// <summary>The v7 API in Polly.dll: <c>Policy.Handle&lt;T&gt;()</c>, <c>.Or&lt;T&gt;()</c>, then <c>.Retry*</c> / <c>.WaitAndRetry*</c>.</summary>
        V7,

        /// <summary>Polly.Core (v8): <c>new PredicateBuilder().Handle&lt;T&gt;()</c>, assigned to a retry strategy's ShouldHandle.</summary>
        V8,
    }
}
