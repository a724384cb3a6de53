using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LicenceGuard.Core.Text;

/// <summary>
/// Answers "could this name be one of a set?" from its length and first character, one bit in a 512-byte table, so
/// that the analyzer's per-call question (is this method or property in rules/sdk-apis.yaml?) is settled for almost
/// every call without hashing the name and reading a dictionary's buckets, which inside the compiler arrive with cold
/// caches (measured with bench/analyzer). Exact in one direction: false means the name is not in the set; true means
/// ask the set.
/// </summary>
public sealed class NameFilter
{
    private readonly ulong[] _bits = new ulong[64];

    public NameFilter(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var slot = Slot(name);
            _bits[slot >> 6] |= 1UL << (slot & 63);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MightContain(string name)
    {
        var slot = Slot(name);
        return (_bits[slot >> 6] & (1UL << (slot & 63))) != 0;
    }

    /// <summary>Length (mod 64) and first character (mod 64): 4,096 slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(string name) => name.Length == 0 ? 0 : (name.Length & 63) << 6 | (name[0] & 63);
}
