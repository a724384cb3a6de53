using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Catalogue;

/// <summary>
/// Loads the catalogue embedded in LicenceGuard.Core (so it works offline), then an organisation's own YAML files:
/// a licence with a new id is added, one with a known id overrides the facts it names, and every override is recorded.
/// </summary>
public static class CatalogueLoader
{
    private static readonly Lazy<LicenceCatalogue> Embedded = new(LoadEmbeddedUncached);

    /// <summary>The embedded catalogue, parsed once per process.</summary>
    public static LicenceCatalogue LoadEmbedded() => Embedded.Value;

    /// <summary>The embedded catalogue plus organisation files or folders (a fresh instance; the embedded one is not changed).</summary>
    public static LicenceCatalogue Load(IEnumerable<string> extraPaths)
    {
        var paths = extraPaths.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (paths.Count == 0) return LoadEmbedded();
        var catalogue = LoadEmbeddedUncached();
        foreach (var path in paths)
        {
            IEnumerable<string> files;
            var kind = FileStatus.Of(path).Kind;
            if (kind == FileKind.Directory)
            {
                var walker = new DirectoryWalker();
                files = walker.Files(path, IsYamlName);
                if (walker.Truncated)
                    catalogue.Findings.Add(Finding.Create(DiagnosticIds.CatalogueFileInvalid,
                        $"catalogue folder '{path}' holds more than {walker.MaxFiles} files or {walker.MaxDirectories} folders; only the first were read", SourceLocation.None(path)));
            }
            else if (kind == FileKind.Missing)
            {
                catalogue.Findings.Add(Finding.Create(DiagnosticIds.CatalogueFileInvalid, $"catalogue path '{path}' does not exist", SourceLocation.None(path)));
                continue;
            }
            // A FIFO or device is refused by the reader, at its path.
            else files = new[] { path };
            foreach (var file in files)
            {
                catalogue.OrganisationFiles.Add(Path.GetFullPath(file));
                var root = YamlTreeReader.ReadFile(file, out var error);
                AddFile(catalogue, root, error, file, organisation: true);
            }
        }
        catalogue.Index();
        return catalogue;
    }

    /// <summary>Reads one catalogue file's text, for tools that validate a single file.</summary>
    public static void AddText(LicenceCatalogue catalogue, string text, string file, bool organisation)
    {
        var root = YamlTreeReader.ReadText(text, file, out var error);
        AddFile(catalogue, root, error, file, organisation);
        catalogue.Index();
    }

    public static LicenceCatalogue Empty() => new();

    private static bool IsYamlName(string name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
    /// <summary>
    /// The embedded model families alone, read with <see cref="AnalyzerInput.SmallYamlReader"/>: what the analyzer needs
    /// to classify a literal in the compiler's process, where YamlDotNet must not load. Parsed once per process.
    /// </summary>
    public static LicenceCatalogue EmbeddedFamilies() => Families.Value;

    private static readonly Lazy<LicenceCatalogue> Families = new(() =>
    {
        var catalogue = new LicenceCatalogue();
        var assembly = typeof(CatalogueLoader).GetTypeInfo().Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/models/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            var text = Text.TextDecoder.TryDecode(ReadEmbeddedFile(name)!, out var decoded, out _, out _, out _) ? decoded : string.Empty;
            var root = AnalyzerInput.SmallYamlReader.Read(text, name, out var error);
            AddFile(catalogue, root, error, name, organisation: false);
        }
        catalogue.Index();
        return catalogue;
    });

    private static LicenceCatalogue LoadEmbeddedUncached()
    {
        var catalogue = new LicenceCatalogue();
        var assembly = typeof(CatalogueLoader).GetTypeInfo().Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            if (name == "rules/sdk-apis.yaml") continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            var root = YamlTreeReader.ReadBytes(ms.ToArray(), name, out var error);
            AddFile(catalogue, root, error, name, organisation: false);
        }
        catalogue.Index();
        return catalogue;
    }

    /// <summary>The text of an embedded rules/ file (for example rules/sdk-apis.yaml), or null.</summary>
    public static byte[]? ReadEmbeddedFile(string name)
    {
        var assembly = typeof(CatalogueLoader).GetTypeInfo().Assembly;
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null) return null;
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    private static void AddFile(LicenceCatalogue catalogue, YNode? root, YamlError? error, string file, bool organisation)
    {
        catalogue.Files.Add(file);
        if (error != null)
        {
            catalogue.Findings.Add(Finding.Create(DiagnosticIds.CatalogueFileInvalid, error.Message, error.Location));
            return;
        }
        var reader = new NodeReader((loc, msg) => catalogue.Findings.Add(Finding.Create(DiagnosticIds.CatalogueFileInvalid, msg, loc)));
        var map = reader.Mapping(root, "a catalogue file");
        if (map is null) return;

        if (map["families"] != null)
        {
            var before = catalogue.Families.Count;
            FamilyParser.Read(map, reader, file, catalogue.Families);
            // A family of the organisation's that claims models of the embedded catalogue changes their licence.
            if (organisation) OverrideGovernance.RecordFamilies(catalogue, LoadEmbedded(), catalogue.Families.Skip(before).ToList(), map, reader);
        }
        else if (map["gpus"] != null) FamilyParser.ReadGpus(map, reader, catalogue.Gpus);
        else if (map["id"] != null) AddLicence(catalogue, map, reader, file, organisation);
        else if (map["date"] != null)
        {
            catalogue.Date = reader.Date(map, "date", "the catalogue")?.Value;
            catalogue.Version = reader.String(map, "version", "the catalogue")?.Value ?? string.Empty;
        }
        else reader.Error(map.Location, "not a catalogue file: expected a licence ('id'), model families ('families'), GPUs ('gpus') or catalogue metadata ('date')");
    }

    private static void AddLicence(LicenceCatalogue catalogue, YMapping map, NodeReader reader, string file, bool organisation)
    {
        // Organisation files are held to the embedded catalogue's keys and values: a typo is an error, not a silent no-op.
        if (organisation) LicenceFileSchema.Check(map, reader);
        var id = reader.String(map, "id", "the licence", required: true);
        if (id is null) return;
        var facts = organisation ? WithoutOverrideBlock(map) : map;
        if (catalogue.Licences.TryGetValue(id.Value, out var existing))
        {
            if (!organisation)
            {
                reader.Error(id.Location, $"licence '{id.Value}' is defined twice in the catalogue (also in {existing.File})");
                return;
            }
            var merged = LicenceMerger.Override(existing.Raw, facts, out var keys);
            var licence = new LicenceParser(reader).Parse(merged, existing.File);
            if (licence is null) return;
            licence.Overrides.AddRange(existing.Overrides);
            licence.Overrides.Add(new LicenceOverride(file, keys, added: false));
            catalogue.Licences[licence.Id] = licence;
            if (LoadEmbedded().Licences.TryGetValue(licence.Id, out var embedded))
                OverrideGovernance.Record(catalogue, embedded, licence, map, reader);
            return;
        }
        var added = new LicenceParser(reader).Parse(facts, file);
        if (added is null) return;
        if (organisation) added.Overrides.Add(new LicenceOverride(file, facts.Entries.Select(e => e.Key.Value).ToList(), added: true));
        catalogue.Licences[added.Id] = added;
    }

    private static YMapping WithoutOverrideBlock(YMapping map) =>
        map[OverrideBlock.Key] is null ? map : new YMapping(map.Location, map.Entries.Where(e => e.Key.Value != OverrideBlock.Key).ToList());
}
