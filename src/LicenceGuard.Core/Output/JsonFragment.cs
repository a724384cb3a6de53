using System.Text.Json;

namespace LicenceGuard.Core.Output;

/// <summary>A JSON value that another part wrote (an attestation, the dependency audit), to embed in the compliance document.</summary>
internal static class JsonFragment
{
    public static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        return doc.RootElement.Clone();
    }
}
