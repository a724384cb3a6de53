namespace LicenceGuard.Analyzers.Manifest;

/// <summary>A models.yaml entry to add, pre-filled from the catalogue's classification carried by the diagnostic.</summary>
public sealed class ModelDraft
{
    public ModelDraft(string id, string? kind, string? maker, string? licence, string? family, string? referenceKind)
    {
        Id = id;
        Kind = kind;
        Maker = maker;
        Licence = licence;
        Family = family;
        ReferenceKind = referenceKind;
    }

    public string Id { get; }
    /// <summary>open-weight | api; null when the catalogue does not know the model.</summary>
    public string? Kind { get; }
    public string? Maker { get; }
    public string? Licence { get; }
    public string? Family { get; }
    public string? ReferenceKind { get; }
}
