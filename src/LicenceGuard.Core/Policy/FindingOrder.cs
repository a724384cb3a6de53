using System;
using System.Collections.Generic;

namespace LicenceGuard.Core.Policy;

/// <summary>Deterministic order: file, line, column, then ID and message, so outputs diff cleanly.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    public static readonly FindingOrder Instance = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = x.Location.CompareTo(y.Location);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Id, y.Id);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
