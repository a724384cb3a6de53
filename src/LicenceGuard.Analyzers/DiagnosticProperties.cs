namespace LicenceGuard.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>: the analyzer records the model and the
/// catalogue's classification of it, so the code fix can pre-fill a models.yaml entry without loading the catalogue.
/// </summary>
public static class DiagnosticProperties
{
    public const string ModelId = "modelId";
    /// <summary>open-weight | api (the catalogue family's kind); absent when the catalogue does not know the model.</summary>
    public const string ModelKind = "modelKind";
    public const string Maker = "maker";
    public const string Licence = "licence";
    public const string Family = "family";
    /// <summary>One of <see cref="Core.CodeApis.ReferenceKinds"/>.</summary>
    public const string ReferenceKind = "referenceKind";
}
