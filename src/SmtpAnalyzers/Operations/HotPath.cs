using System.Runtime.CompilerServices;

namespace SmtpAnalyzers.Operations
{
    /// <summary>
    /// For the few methods that run once per operation of a kind (the dispatcher's first checks) or once per character of
    /// a text scan. Without it they run for the whole build as tier-0 code: a compiler process keeps compiling new
    /// methods, which postpones tiering up, so the first, unoptimized code of a method called a hundred thousand times is
    /// the code that runs. The value is <c>MethodImplOptions.AggressiveOptimization</c>, which .NET Standard 2.0 does not
    /// name: compiled optimized at first call; ignored by .NET Framework.
    /// </summary>
    internal static class HotPath
    {
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
