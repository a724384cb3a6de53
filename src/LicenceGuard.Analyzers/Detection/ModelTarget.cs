using LicenceGuard.Core.CodeApis;
using Microsoft.CodeAnalysis;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>A model parameter or property: where a value becomes a model reference, whatever the value is.</summary>
public sealed class ModelTarget
{
    public ModelTarget(string? kind, string api, string? hosting)
    {
        Kind = kind;
        Api = api;
        Hosting = hosting;
    }

    /// <summary>One of <see cref="ReferenceKinds"/> from rules/sdk-apis.yaml; null for the user's own [ModelId] API.</summary>
    public string? Kind { get; }
    /// <summary>How the API is shown to people: <c>new ChatClient(model)</c>.</summary>
    public string Api { get; }
    /// <summary>api | self-hosted | null, from rules/sdk-apis.yaml.</summary>
    public string? Hosting { get; }

    /// <summary>The reference a value makes here; <paramref name="path"/> says how it got here ("via local 'model'").</summary>
    public ModelReference Reference(string value, Location location, string? path = null) =>
        new(value, KindOf(value), string.IsNullOrEmpty(path) ? Api : Api + " " + path, Hosting, location);

    /// <summary>A path literal passed to a model-ID API is still a file; an attributed value is attributed unless it is a path.</summary>
    private string KindOf(string value)
    {
        if (Kind != null) return Kind;
        return ModelText.IsModelFilePath(value) ? ReferenceKinds.LocalModelPath : ReferenceKinds.Attributed;
    }
}
