using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LicenceGuard.Core.Output;

/// <summary>Facts that other parts contribute to the compliance manifest: code locations, attestations, dependencies.</summary>
public sealed class ComplianceExtras
{
    /// <summary>Where code references each model (from the analyzer's detection or a scan), keyed by declared model ID.</summary>
    public SortedDictionary<string, List<CodeLocation>> CodeLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>False before the analyzer has run (the build's gate): then no model's code use can be compared.</summary>
    public bool CodeLocationsRecorded { get; set; }

    /// <summary>Hardware attestation per model ID, embedded as the tool wrote it.</summary>
    public SortedDictionary<string, JsonElement> Attestations { get; } = new(StringComparer.Ordinal);

    /// <summary>Weights inspection per weights path (format, parameter count, dtypes), embedded as the check wrote it.</summary>
    public SortedDictionary<string, JsonElement> WeightsInspections { get; } = new(StringComparer.Ordinal);

    /// <summary>The dependency audit (NuGet packages and their licences), embedded as the audit wrote it.</summary>
    public JsonElement? Dependencies { get; set; }

    /// <summary>The weights' memory fit on the declared target GPUs.</summary>
    public JsonElement? MemoryFit { get; set; }
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
