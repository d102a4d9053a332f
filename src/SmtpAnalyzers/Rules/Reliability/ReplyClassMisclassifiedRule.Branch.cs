using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Reliability
{
    internal sealed partial class ReplyClassMisclassifiedRule
    {
        /// <summary>The code a member decides: a switch section's statements, or one branch or value.</summary>
        private readonly struct Branch
        {
            private readonly IOperation? _single;
            private readonly ImmutableArray<IOperation> _statements;

            public Branch(IOperation single)
            {
                _single = single;
                _statements = default;
            }

            public Branch(ImmutableArray<IOperation> statements)
            {
                _single = null;
                _statements = statements;
            }

            /// <summary>Asked only for the -1 of GeneralFailure: the walk is made then.</summary>
            public bool ReadsInnerException()
                => _single is not null ? Reads(_single) : _statements.Any(Reads);

            private static bool Reads(IOperation root)
                => root.DescendantsAndSelf().OfType<IPropertyReferenceOperation>().Any(p => p.Property.Name == "InnerException");
        }
    }
}
