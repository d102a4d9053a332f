using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.Engine
{
    /// <summary>
    /// One rule of the package: its descriptors, and the operations it asks the engine for. A rule holds its decision and
    /// how it reports it; it registers nothing with Roslyn itself: the engine dispatches each operation kind once.
    /// </summary>
    internal abstract class SmtpRule
    {
        /// <summary>Every descriptor the rule reports; the rule runs only while one of them may be reported.</summary>
        public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        /// <summary>
        /// Called once per compilation that passed the usage gate, when the rule is enabled: subscribe to the operations
        /// the rule needs. Per-compilation state the rule keeps belongs in the closures it subscribes.
        /// </summary>
        public abstract void Start(RuleStart start);

        /// <summary>Whether the rule reports <paramref name="id"/>.</summary>
        public bool Reports(string id)
        {
            foreach (var descriptor in SupportedDiagnostics)
            {
                if (descriptor.Id == id)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
