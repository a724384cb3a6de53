using LicenceGuard.Core.CodeApis;
using Microsoft.CodeAnalysis;

namespace LicenceGuard.Analyzers.Detection;

/// <summary>A model ID or model file path found in code: what was written, where, and the API it flows into.</summary>
public sealed class ModelReference
{
    public ModelReference(string literal, string kind, string? api, string? hosting, Location location)
    {
        Literal = literal;
        Kind = kind;
        Api = api;
        Hosting = hosting;
        Location = location;
    }

    /// <summary>The model ID or path as written, without quotes (a constant's value when a constant is passed).</summary>
    public string Literal { get; }
    /// <summary>One of <see cref="ReferenceKinds"/>.</summary>
    public string Kind { get; }
    /// <summary>The API it flows into (<c>new ChatClient(model)</c>), when known.</summary>
    public string? Api { get; }
    /// <summary>api | self-hosted | null, from rules/sdk-apis.yaml.</summary>
    public string? Hosting { get; }
    public Location Location { get; }
}
