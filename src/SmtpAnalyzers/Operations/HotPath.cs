using System.Runtime.CompilerServices;

namespace SmtpAnalyzers.Operations
{
    /// <summary>
    /// For the few methods that run once per operation of a kind (the dispatcher's first checks) or once per character of
    /// a text scan. Without it they run for the whole build as tier-0 code: a compiler process keeps compiling new
    /// methods, which postpones tiering up, so the first, unoptimized code of a method called a hundred thousand times is
    /// the code that runs. The value is <c>MethodImplOptions.AggressiveOptimization</c>, which .NET Standard 2.0 does not
    /// name: compiled optimized at first call; ignored by .NET Framework.
    /// <para>
    /// It is not free: an optimized compile of a method costs 1-6 ms against a fraction of that at tier 0 (measured with
    /// <c>RuntimeHelpers.PrepareMethod</c>), and marking the per-operation handlers of every rule as well (50 methods)
    /// made a cold build of MailKit slower, not faster. Keep it to the dispatcher's entry points, which run for every
    /// operation of their kind, and to the loops over source text.
    /// </para>
    /// </summary>
    internal static class HotPath
    {
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
