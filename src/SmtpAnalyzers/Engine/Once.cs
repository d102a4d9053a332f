using System.Threading;

namespace SmtpAnalyzers.Engine
{
    /// <summary>Per-compilation values made on first use, without a lock.</summary>
    internal static class Once
    {
        /// <summary>
        /// Stores <paramref name="made"/> in <paramref name="field"/> unless another thread stored a value first, and returns
        /// the stored one. For <c>Volatile.Read(ref field) ?? Once.Publish(ref field, new T(...))</c>: threads that race
        /// each make a value, every one of them gets the first, and the others are dropped, so making one must have no
        /// effect but its cost.
        /// </summary>
        public static T Publish<T>(ref T? field, T made)
            where T : class
            => Interlocked.CompareExchange(ref field, made, null) ?? made;
    }
}
