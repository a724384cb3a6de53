using System.Text.Json.Serialization;

namespace LicenceGuard.Core.Document;

/// <summary>Source-generated (de)serialisers of the compliance document: no reflection at run time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(ComplianceDocument))]
[JsonSerializable(typeof(LicenceTerms))]
internal sealed partial class ComplianceJsonContext : JsonSerializerContext
{
}
