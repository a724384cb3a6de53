using System;
using System.Collections.Generic;
using System.Globalization;
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

    /// <summary>What follows the message of a waived finding, in the build's log and the CLI's output alike (empty when not waived).</summary>
    public string WaiverNote => WaivedBy is { } w ? $" (waived until {w.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} by {w.Approver}: {w.Reason})" : string.Empty;

    /// <summary>The help page, relative to the package root (see <see cref="DiagnosticIds.HelpPage"/>).</summary>
    public string HelpPage => DiagnosticIds.HelpPage(Id);

    /// <summary>MSBuild's canonical format, as the build's log prints the finding (an informational one as "message").</summary>
    public string ToMsBuildString() => ToMsBuildString(EffectiveSeverity);

    /// <param name="reported">The severity after the project's warning properties (<see cref="WarningPolicy.Reported"/>).</param>
    public string ToMsBuildString(Severity reported)
    {
        var sev = reported switch { Severity.Error => "error", Severity.Warning => "warning", _ => "message" };
        return $"{Location}: {sev} {Id}: {Message}{WaiverNote}";
    }

    public override string ToString() => ToMsBuildString();
}
