namespace LicenceGuard.Analyzers.Manifest;

/// <summary>A models.yaml entry to add, pre-filled from the catalogue's classification carried by the diagnostic.</summary>
public sealed class ModelDraft
{
    public ModelDraft(string id, string? kind, string? maker, string? licence, string? family, string? referenceKind,
        string? provider = null, string? hostingMode = null, System.Collections.Generic.IReadOnlyList<string>? foundAt = null)
    {
        Id = id;
        Kind = kind;
        Maker = maker;
        Licence = licence;
        Family = family;
        ReferenceKind = referenceKind;
        Provider = provider;
        HostingMode = hostingMode;
        FoundAt = foundAt ?? System.Array.Empty<string>();
    }

    public string Id { get; }
    /// <summary>open-weight | api; null when the catalogue does not know the model.</summary>
    public string? Kind { get; }
    public string? Maker { get; }
    public string? Licence { get; }
    public string? Family { get; }
    public string? ReferenceKind { get; }
    /// <summary>Who serves the model when it is not its maker (azure for an Azure OpenAI deployment).</summary>
    public string? Provider { get; }
    /// <summary>self-hosted | managed | api, when the code shows it; null leaves a placeholder for a person.</summary>
    public string? HostingMode { get; }
    /// <summary>Where the code uses it ("Program.cs:12 (OpenAIClient.GetChatClient(model))"), for the reader of the draft.</summary>
    public System.Collections.Generic.IReadOnlyList<string> FoundAt { get; }
}
