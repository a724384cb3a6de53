using System;
using System.Collections.Generic;

namespace LicenceGuard.Core.Output;

/// <summary>Facts that other parts contribute to the compliance manifest: code locations, attestations, dependencies.</summary>
public sealed class ComplianceExtras
{
    /// <summary>Where code references each model (from the analyzer's detection or a scan), keyed by declared model ID.</summary>
    public SortedDictionary<string, List<CodeLocation>> CodeLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>False before the analyzer has run (the build's gate): then no model's code use can be compared.</summary>
    public bool CodeLocationsRecorded { get; set; }

    /// <summary>Hardware attestation JSON per model ID, embedded as is.</summary>
    public SortedDictionary<string, string> AttestationJson { get; } = new(StringComparer.Ordinal);

    /// <summary>Weights inspection JSON per weights path (format, parameter count, dtypes), embedded as is.</summary>
    public SortedDictionary<string, string> WeightsJson { get; } = new(StringComparer.Ordinal);

    /// <summary>The dependency audit (NuGet packages and their licences) as a JSON value, embedded as is.</summary>
    public string? DependenciesJson { get; set; }

    /// <summary>Extra top-level JSON members (name → raw JSON value), for later additions such as drift.</summary>
    public SortedDictionary<string, string> Sections { get; } = new(StringComparer.Ordinal);
}

public sealed class CodeLocation : IComparable<CodeLocation>
{
    public CodeLocation(string file, int line, int column, string? kind = null, string? api = null)
    {
        File = file;
        Line = line;
        Column = column;
        Kind = kind;
        Api = api;
    }

    public string File { get; }
    public int Line { get; }
    public int Column { get; }
    public string? Kind { get; }
    public string? Api { get; }

    public int CompareTo(CodeLocation? other)
    {
        if (other is null) return 1;
        var c = string.CompareOrdinal(File, other.File);
        if (c != 0) return c;
        c = Line.CompareTo(other.Line);
        return c != 0 ? c : Column.CompareTo(other.Column);
    }
}
