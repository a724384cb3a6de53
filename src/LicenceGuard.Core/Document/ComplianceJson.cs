using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicenceGuard.Core.Document;

/// <summary>
/// The compliance document to and from JSON: indented, '\n' line ends, non-ASCII text as is, and one trailing newline,
/// so that equal documents are equal bytes on every machine. Reading migrates older versions and rejects what this
/// version cannot read with a <see cref="JsonException"/> that says why.
/// </summary>
public static class ComplianceJson
{
    // Options given here replace the context attribute's, so they repeat its naming, indentation and nulls.
    private static readonly ComplianceJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 64,
    });

    public static byte[] ToUtf8(ComplianceDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Context.Options.Encoder }))
            JsonSerializer.Serialize(writer, document, Context.ComplianceDocument);
        stream.WriteByte((byte)'\n');
        return NewlinesOnly(stream.ToArray());
    }

    public static string ToJson(ComplianceDocument document) => Encoding.UTF8.GetString(ToUtf8(document));

    /// <summary>One licence's terms, inside a JSON the caller writes (<c>licenceguard catalogue --format json</c>).</summary>
    public static void Write(Utf8JsonWriter writer, LicenceTerms terms) => JsonSerializer.Serialize(writer, terms, Context.LicenceTerms);

    public static ComplianceDocument Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    public static ComplianceDocument Parse(byte[] utf8)
    {
        var version = VersionOf(utf8);
        if (version > ComplianceDocument.CurrentSchemaVersion)
            throw new JsonException($"it was written by a newer LicenceGuard (schemaVersion {version}); this version reads up to {ComplianceDocument.CurrentSchemaVersion}");
        var document = version < ComplianceDocument.CurrentSchemaVersion
            ? JsonSerializer.Deserialize(LegacyDocument.Upgrade(utf8), Context.ComplianceDocument)
            : JsonSerializer.Deserialize(utf8, Context.ComplianceDocument);
        if (document is null) throw new JsonException("it is null, not a compliance manifest");
        DocumentShape.Check(document);
        return document;
    }

    /// <summary>schemaVersion, or 1 for a document of the first format (formatVersion 1, terms in every model).</summary>
    private static int VersionOf(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("it is not a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if ((name == "schemaVersion" || name == "formatVersion") && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v))
                return name == "formatVersion" ? 1 : v;
            reader.Skip();
        }
        throw new JsonException("it has no schemaVersion: not a compliance manifest");
    }

    /// <summary>Line ends are '\n' whatever the platform (System.Text.Json 8 indents with the platform's).</summary>
    private static byte[] NewlinesOnly(byte[] json) =>
        Environment.NewLine == "\n" ? json : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json).Replace(Environment.NewLine, "\n"));

    internal static JsonNode? ParseNode(byte[] utf8) => JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
}
