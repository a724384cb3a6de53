using System;

namespace LicenceGuard.Core;

/// <summary>A place in a file, 1-based, so that every finding points at the exact line a person must change.</summary>
public readonly struct SourceLocation : IEquatable<SourceLocation>, IComparable<SourceLocation>
{
    public SourceLocation(string file, int line, int column)
    {
        File = file ?? string.Empty;
        Line = line;
        Column = column;
    }

    public string File { get; }
    public int Line { get; }
    public int Column { get; }

    public bool IsNone => Line <= 0;

    public static SourceLocation None(string file) => new(file, 0, 0);

    public bool Equals(SourceLocation other) =>
        string.Equals(File, other.File, StringComparison.Ordinal) && Line == other.Line && Column == other.Column;

    public override bool Equals(object? obj) => obj is SourceLocation other && Equals(other);

    public override int GetHashCode() => ((File?.GetHashCode() ?? 0) * 397) ^ (Line * 31) ^ Column;

    public int CompareTo(SourceLocation other)
    {
        var c = string.CompareOrdinal(File, other.File);
        if (c != 0) return c;
        c = Line.CompareTo(other.Line);
        return c != 0 ? c : Column.CompareTo(other.Column);
    }

    /// <summary>MSBuild's canonical form: <c>file(line,col)</c>.</summary>
    public override string ToString() => IsNone ? File : $"{File}({Line},{Column})";
}
