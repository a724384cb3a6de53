using System.Collections.Generic;

namespace LicenceGuard.Core.Dependencies;

/// <summary>
/// A licence expression as NuGet's SPDX parser understood it (the MSBuild task converts NuGet's tree into this one so
/// that Core stays free of NuGet). Never built by parsing text here.
/// </summary>
public abstract class LicenceTerm
{
    /// <summary>Every licence id in the expression, left to right.</summary>
    public abstract IEnumerable<LicenceLeaf> Leaves();
}

/// <summary>One licence: <c>MIT</c>, <c>GPL-2.0-or-later</c>, <c>GPL-2.0-only WITH Classpath-exception-2.0</c>.</summary>
public sealed class LicenceLeaf : LicenceTerm
{
    public LicenceLeaf(string id, bool plus = false, string? exception = null, bool isStandard = true)
    {
        Id = id;
        Plus = plus;
        Exception = exception;
        IsStandard = isStandard;
    }

    public string Id { get; }

    /// <summary>The deprecated <c>+</c> suffix ("this version or later").</summary>
    public bool Plus { get; }

    /// <summary>The SPDX exception after WITH, if any.</summary>
    public string? Exception { get; }

    /// <summary>False for an id that is not on the SPDX list (NuGet still parses it).</summary>
    public bool IsStandard { get; }

    public string IdWithPlus => Plus ? Id + "+" : Id;

    public override IEnumerable<LicenceLeaf> Leaves()
    {
        yield return this;
    }

    public override string ToString() => Exception is null ? IdWithPlus : IdWithPlus + " WITH " + Exception;
}

public enum LicenceOperator
{
    And,
    Or,
}

/// <summary><c>A AND B</c> (both apply) or <c>A OR B</c> (the consumer chooses).</summary>
public sealed class LicenceOperation : LicenceTerm
{
    public LicenceOperation(LicenceOperator op, LicenceTerm left, LicenceTerm right)
    {
        Operator = op;
        Left = left;
        Right = right;
    }

    public LicenceOperator Operator { get; }
    public LicenceTerm Left { get; }
    public LicenceTerm Right { get; }

    public override IEnumerable<LicenceLeaf> Leaves()
    {
        foreach (var l in Left.Leaves()) yield return l;
        foreach (var l in Right.Leaves()) yield return l;
    }

    public override string ToString() => $"({Left} {(Operator == LicenceOperator.And ? "AND" : "OR")} {Right})";
}
