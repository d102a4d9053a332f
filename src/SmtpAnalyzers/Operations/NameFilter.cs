using System.Collections.Generic;

namespace SmtpAnalyzers.Operations
{
    /// <summary>
    /// A first check before a lookup by name in a small set: the name's length and first character, tested against two
    /// bit masks. It runs for every invocation of a project, where hashing each method name would cost more than the
    /// test it guards. False positives are possible (the lookup follows); false negatives are not.
    /// </summary>
    internal readonly struct NameFilter
    {
        private readonly ulong _lengths;
        private readonly ulong _firstBelow64;
        private readonly ulong _first64To127;
        private readonly bool _anyLong;
        private readonly bool _anyNonAscii;

        public NameFilter(IEnumerable<string> names)
        {
            _lengths = _firstBelow64 = _first64To127 = 0;
            _anyLong = _anyNonAscii = false;
            foreach (var name in names)
            {
                if (name.Length == 0)
                {
                    continue;
                }

                if (name.Length >= 64)
                {
                    _anyLong = true;
                }
                else
                {
                    _lengths |= 1UL << name.Length;
                }

                var first = name[0];
                if (first < 64)
                {
                    _firstBelow64 |= 1UL << first;
                }
                else if (first < 128)
                {
                    _first64To127 |= 1UL << (first - 64);
                }
                else
                {
                    _anyNonAscii = true;
                }
            }
        }

        public bool MayContain(string name)
        {
            var length = name.Length;
            if (length == 0 || (length >= 64 ? !_anyLong : (_lengths & (1UL << length)) == 0))
            {
                return false;
            }

            var first = name[0];
            return first < 64 ? (_firstBelow64 & (1UL << first)) != 0
                : first < 128 ? (_first64To127 & (1UL << (first - 64))) != 0
                : _anyNonAscii;
        }
    }
}
