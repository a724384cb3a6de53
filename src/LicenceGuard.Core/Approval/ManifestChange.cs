namespace LicenceGuard.Core.Approval;

/// <summary>One difference between the current compliance manifest and the approved one (models.lock.json).</summary>
public sealed class ManifestChange
{
    public ManifestChange(string kind, string? modelId, string message, string file, int line, int column)
    {
        Kind = kind;
        ModelId = modelId;
        Message = message;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>model-added | model-removed | licence-changed | licence-text-changed | threshold-near | waiver-added | weights-changed | hosting-changed | override-changed | override-removed.</summary>
    public string Kind { get; }
    public string? ModelId { get; }
    public string Message { get; }
    /// <summary>models.yaml-relative file of the line that carries the change (as written in the manifest).</summary>
    public string File { get; }
    public int Line { get; }
    public int Column { get; }
}
