namespace SmtpAnalyzers.Semantics
{
    /// <summary>How a send reports its outcome (see <see cref="SmtpModel.ClassifySend"/>).</summary>
    internal enum SendKind
    {
        /// <summary>Not a send of either SMTP library.</summary>
        None,

        /// <summary>A Task-returning send: the reply reaches whoever awaits the Task.</summary>
        Task,

        /// <summary>System.Net.Mail's event-based SendAsync: the reply reaches only SendCompleted.</summary>
        Event,

        /// <summary>A synchronous Send of either library: the reply comes back as an exception from the call.</summary>
        Sync,
    }
}
