using System;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Text;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.CodeApis;

/// <summary>
/// rules/sdk-apis.yaml, indexed by member and property name so that the analyzer's hot path is one dictionary miss for
/// almost every call in a compilation. Loaded once per process from the copy embedded in LicenceGuard.Core.
/// </summary>
public sealed class SdkApiTable
{
    public const string ResourceName = "rules/sdk-apis.yaml";

    private static readonly Lazy<SdkApiTable> EmbeddedTable = new(LoadEmbedded);

    private readonly Dictionary<string, List<SdkApi>> _byMember = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SdkApi>> _byProperty = new(StringComparer.Ordinal);
    // The simple names of the types whose constructors take a model: every constructor is named ".ctor", so a call is
    // told apart by its type's name.
    private readonly HashSet<string> _constructorTypeNames = new(StringComparer.Ordinal);
    // Most calls in a compilation are settled by these, before any hashing (see NameFilter).
    private readonly NameFilter _memberFilter;
    private readonly NameFilter _propertyFilter;
    private readonly NameFilter _constructorTypeFilter;

    public SdkApiTable(IEnumerable<SdkApi> apis, IReadOnlyList<string> errors)
    {
        Apis = apis.ToList();
        Errors = errors;
        foreach (var api in Apis)
        {
            foreach (var m in api.Members) Add(_byMember, m, api);
            if (api.Members.Contains(Constructor)) _constructorTypeNames.Add(api.TypeName);
            foreach (var p in api.Properties) Add(_byProperty, p, api);
        }
        _memberFilter = new NameFilter(_byMember.Keys);
        _propertyFilter = new NameFilter(_byProperty.Keys);
        _constructorTypeFilter = new NameFilter(_constructorTypeNames);
    }

    public static SdkApiTable Embedded => EmbeddedTable.Value;

    public IReadOnlyList<SdkApi> Apis { get; }

    /// <summary>Problems in the YAML, located; the tests require none in the shipped file.</summary>
    public IReadOnlyList<string> Errors { get; }

    public IReadOnlyList<SdkApi> ForMember(string member) => _byMember.TryGetValue(member, out var l) ? l : (IReadOnlyList<SdkApi>)Array.Empty<SdkApi>();

    public IReadOnlyList<SdkApi> ForProperty(string property) => _byProperty.TryGetValue(property, out var l) ? l : (IReadOnlyList<SdkApi>)Array.Empty<SdkApi>();

    public bool HasMember(string member) => _memberFilter.MightContain(member) && _byMember.ContainsKey(member);

    /// <summary>Does an entry name a constructor (".ctor") of a type with this simple name?</summary>
    public bool HasConstructorOf(string typeName) => _constructorTypeFilter.MightContain(typeName) && _constructorTypeNames.Contains(typeName);

    /// <summary>How rules/sdk-apis.yaml names a constructor among an entry's members.</summary>
    public const string Constructor = ".ctor";

    public bool HasProperty(string property) => _propertyFilter.MightContain(property) && _byProperty.ContainsKey(property);

    public static SdkApiTable Parse(string text, string path) => FromTree(YamlTreeReader.ReadText(text, path, out var error), error);

    /// <summary>The table of a read YAML tree (or the reader's error).</summary>
    private static SdkApiTable FromTree(YNode? root, YamlError? error)
    {
        var errors = new List<string>();
        var apis = new List<SdkApi>();
        if (error != null) return new SdkApiTable(apis, new[] { $"{error.Location}: {error.Message}" });
        var reader = new NodeReader((loc, msg) => errors.Add($"{loc}: {msg}"));
        var map = reader.Mapping(root, "sdk-apis.yaml");
        if (map is null) return new SdkApiTable(apis, errors);
        foreach (var item in reader.Sequence(map["apis"], "'apis'"))
        {
            var entry = reader.Mapping(item, "an API");
            if (entry is null) continue;
            reader.CheckKeys(entry, "an API", "sdk", "type", "members", "parameters", "properties", "kind", "hosting");
            var type = reader.String(entry, "type", "an API", required: true);
            var kind = reader.String(entry, "kind", "an API", required: true);
            if (type is null || kind is null) continue;
            var members = Values(reader.StringList(entry, "members", "an API"));
            var parameters = Values(reader.StringList(entry, "parameters", "an API"));
            var properties = Values(reader.StringList(entry, "properties", "an API"));
            if (properties.Count == 0 && (members.Count == 0 || parameters.Count == 0))
            {
                reader.Error(entry.Location, $"API '{type.Value}' needs 'members' with 'parameters', or 'properties'");
                continue;
            }
            if (kind.Value != ReferenceKinds.ApiModelId && kind.Value != ReferenceKinds.DeploymentName && kind.Value != ReferenceKinds.LocalModelPath)
            {
                reader.Error(kind.Location, $"'kind' must be {ReferenceKinds.ApiModelId}, {ReferenceKinds.DeploymentName} or {ReferenceKinds.LocalModelPath}, not '{kind.Value}'");
                continue;
            }
            var hosting = reader.String(entry, "hosting", "an API");
            if (hosting != null && hosting.Value != "api" && hosting.Value != "self-hosted")
                reader.Error(hosting.Location, $"'hosting' must be api or self-hosted, not '{hosting.Value}'");
            apis.Add(new SdkApi(reader.String(entry, "sdk", "an API")?.Value ?? string.Empty, type.Value, members, parameters, properties, kind.Value, hosting?.Value));
        }
        return new SdkApiTable(apis, errors);
    }

    private static SdkApiTable LoadEmbedded()
    {
        var bytes = CatalogueLoader.ReadEmbeddedFile(ResourceName);
        if (bytes is null) return new SdkApiTable(Array.Empty<SdkApi>(), new[] { $"{ResourceName} is not embedded in LicenceGuard.Core" });
        // Read without YamlDotNet: the analyzer uses this table in the compiler's process (see SmallYamlReader).
        var root = AnalyzerInput.SmallYamlReader.Read(System.Text.Encoding.UTF8.GetString(bytes), ResourceName, out var error);
        return FromTree(root, error);
    }

    private static List<string> Values(List<Located<string>> list) => list.Select(l => l.Value).ToList();

    private static void Add(Dictionary<string, List<SdkApi>> index, string key, SdkApi api)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = new List<SdkApi>();
        list.Add(api);
    }
}
