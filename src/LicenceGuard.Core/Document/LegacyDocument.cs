using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicenceGuard.Core.Document;

/// <summary>
/// Reads the first format (formatVersion 1, until LicenceGuard 0.x) as the current one, so that a models.lock.json
/// approved before the upgrade still compares with today's manifest: each model's inline licence terms move to the
/// document's <c>licences</c>, and the model keeps their key, exactly as <see cref="DocumentBuilder"/> keys them now.
/// </summary>
internal static class LegacyDocument
{
    public static byte[] Upgrade(System.IO.Stream stream)
    {
        try
        {
            return UpgradeNodes(stream);
        }
        catch (ArgumentException ex)
        {
            // JsonObject refuses a member named twice when it is first read (a merge that kept both sides' lines),
            // where the current format's reader keeps the last: said as the JSON error it is.
            throw new JsonException("a member appears twice in one object: " + ex.Message, ex);
        }
    }

    private static byte[] UpgradeNodes(System.IO.Stream stream)
    {
        if (ComplianceJson.ParseNode(stream) is not JsonObject root) throw new JsonException("it is not a JSON object");
        root.Remove("formatVersion");
        root["schemaVersion"] = ComplianceDocument.CurrentSchemaVersion;
        var licences = new JsonObject();
        foreach (var model in root["models"] as JsonArray ?? new JsonArray())
        {
            if (model is not JsonObject entry || entry["licence"] is not JsonObject terms) continue;
            var key = KeyOf(terms);
            var text = terms.ToJsonString();
            for (var n = 2; licences[key] is JsonNode existing && existing.ToJsonString() != text; n++) key = KeyOf(terms) + " #" + n;
            // Replacing the member detaches the terms from the model, so that they can move.
            entry["licence"] = key;
            if (licences[key] is null) licences[key] = terms;
        }
        root["licences"] = licences;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static string KeyOf(JsonObject terms)
    {
        var id = terms["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "unknown";
        var editions = (terms["modelSpecificClausesApplied"] as JsonArray ?? new JsonArray())
            .Select(e => e is JsonValue ev && ev.TryGetValue<string>(out var text) ? text : null).Where(t => t != null).Select(t => t!).ToList();
        return LicenceTermsBuilder.KeyOf(id, editions);
    }
}
