using System;
using System.Collections.Generic;
using LicenceGuard.Core.Diagnostics;

namespace LicenceGuard.Core.Policy;

/// <summary>One problem, at the place where the fact lives, with the facts that triggered it.</summary>
public sealed class Finding
{
    public Finding(string id, Severity severity, string message, SourceLocation location, string? modelId = null,
        IReadOnlyList<KeyValuePair<string, string>>? facts = null)
    {
        Id = id;
        Severity = severity;
        Message = message;
        Location = location;
        ModelId = modelId;
        Facts = facts ?? Array.Empty<KeyValuePair<string, string>>();
    }

    public static Finding Create(string id, string message, SourceLocation location, string? modelId = null,
        IReadOnlyList<KeyValuePair<string, string>>? facts = null) =>
        new(id, DiagnosticCatalogue.Get(id).DefaultSeverity, message, location, modelId, facts);

    public string Id { get; }
    public Severity Severity { get; }
    public string Message { get; }
    public SourceLocation Location { get; }
    public string? ModelId { get; }
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; }

    /// <summary>The waiver that covers this finding; a waived finding stays in the output but does not fail the build.</summary>
    public Manifest.Waiver? WaivedBy { get; internal set; }

    public bool IsWaived => WaivedBy != null;

    /// <summary>The severity the build acts on: waived findings are reported as messages.</summary>
    public Severity EffectiveSeverity => IsWaived ? Severity.Info : Severity;

    /// <summary>The help page, relative to the package root (see <see cref="DiagnosticIds.HelpPage"/>).</summary>
    public string HelpPage => DiagnosticIds.HelpPage(Id);

    /// <summary>MSBuild's canonical error format.</summary>
    public string ToMsBuildString()
    {
        var sev = EffectiveSeverity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        var waived = IsWaived ? $" [waived until {WaivedBy!.Expires:yyyy-MM-dd} by {WaivedBy.Approver}: {WaivedBy.Reason}]" : string.Empty;
        return $"{Location}: {sev} {Id}: {Message}{waived}";
    }

    public override string ToString() => ToMsBuildString();
}
