using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.CodeApis;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.AnalyzerInput;

/// <summary>
/// Everything the code rules need, as the build gate computed it, in a form that reads in a millisecond: the declared
/// models with their verdicts, the catalogue's model families (with the organisation's overrides) and the SDK table.
/// The gate writes it to obj/ and the build passes it to the compiler as an additional file, so that the analyzer
/// parses no YAML and evaluates nothing in the compiler's process, where that work would dominate its time
/// (bench/analyzer). It names the SHA-256 of the models.yaml text it was made from; the analyzer uses it only while
/// models.yaml still has that text, and otherwise (an edit in the IDE, no build yet) reads models.yaml itself.
///
/// Format: UTF-8 lines of tab-separated fields; a field escapes backslash, tab, CR and LF as \\, \t, \r, \n.
/// </summary>
public sealed class AnalyzerSnapshot
{
    public const string FileName = "analyzer-snapshot.tsv";
    private const string Magic = "licenceguard-analyzer-snapshot";
    // 2: the literal prefilter is written out, and the model families are read only when first needed.
    private const string Version = "2";

    private readonly Lazy<LicenceCatalogue> _catalogue;

    private AnalyzerSnapshot(string manifestSha256, DeclaredModelIndex models, Lazy<LicenceCatalogue> catalogue, SdkApiTable apis, LiteralPrefilter prefilter)
    {
        ManifestSha256 = manifestSha256;
        Models = models;
        _catalogue = catalogue;
        Apis = apis;
        Prefilter = prefilter;
    }

    public string ManifestSha256 { get; }
    public DeclaredModelIndex Models { get; }

    /// <summary>
    /// Model families only: enough to classify a literal; the licences stay with the build. Read from the snapshot's
    /// lines on first use: with the prefilter written out, most compilations never need them.
    /// </summary>
    public LicenceCatalogue Catalogue => _catalogue.Value;

    public SdkApiTable Apis { get; }

    /// <summary><see cref="LiteralPrefilter.For"/> of these models and this catalogue, as the gate built it.</summary>
    public LiteralPrefilter Prefilter { get; }

    /// <summary>The SHA-256 (lowercase hex) of a text's UTF-8 bytes: how a snapshot names the models.yaml it belongs to.</summary>
    public static string Hash(string text)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(hash.Length * 2);
        foreach (var b in hash) hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        return hex.ToString();
    }

    /// <summary>
    /// Writes the snapshot of an evaluation of the models.yaml at <paramref name="manifestPath"/> (only when its content
    /// changed, atomically), or deletes an old one when the manifest could not be read: no snapshot is better than one
    /// that describes another text (the analyzer would ignore it anyway).
    /// </summary>
    public static void WriteFile(string manifestPath, EvaluationResult result, string snapshotPath)
    {
        if (result.Manifest != null && Files.SafeFile.ReadAllBytes(manifestPath, Yaml.YamlLimits.Default.MaxBytes, out _) is { } bytes
            && Text.TextDecoder.TryDecode(bytes, out var text, out _, out _, out _))
        {
            Output.AtomicFile.WriteIfChanged(snapshotPath, Write(text, result, SdkApiTable.Embedded));
            return;
        }
        try { System.IO.File.Delete(snapshotPath); }
        catch (System.IO.IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public static string Write(string manifestText, EvaluationResult result, SdkApiTable apis)
    {
        var w = new StringBuilder();
        Line(w, Magic, Version);
        Line(w, "manifest-sha256", Hash(manifestText));
        var models = DeclaredModelIndex.From(result);
        foreach (var data in models.MustStayInside) Line(w, "must-stay-inside", data);
        foreach (var m in models.Models)
        {
            Line(w, "model", m.Id, m.Findings ?? string.Empty, m.InsidePerimeter ? "inside" : "outside", m.Where);
            foreach (var n in m.Names) Line(w, "name", n);
            foreach (var f in m.FileNames) Line(w, "file", f);
        }
        // Provider families (Azure OpenAI's terms for gpt-*) answer only for a declared provider, never for a bare ID in code.
        foreach (var family in result.Catalogue.Families.Where(f => f.Providers.Count == 0).OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            Line(w, "family", family.Id, family.Name, family.Maker, family.Kind, family.Licence);
            foreach (var p in family.Patterns) Line(w, "pattern", p);
            foreach (var k in family.Models)
            {
                Line(w, "known", k.Id, k.Licence ?? string.Empty);
                foreach (var a in k.Aliases) Line(w, "alias", a);
            }
        }
        Line(w, new[] { "prefilter" }.Concat(LiteralPrefilter.For(models, result.Catalogue).SnapshotFields()).ToArray());
        foreach (var api in apis.Apis)
        {
            Line(w, "api", api.Sdk, api.Type, api.Kind, api.Hosting ?? string.Empty);
            foreach (var m in api.Members) Line(w, "member", m);
            foreach (var p in api.Parameters) Line(w, "parameter", p);
            foreach (var p in api.Properties) Line(w, "property", p);
        }
        Line(w, "end");
        return w.ToString();
    }

    /// <summary>The snapshot, or null when the text is not a complete snapshot of this version (then read models.yaml).</summary>
    public static AnalyzerSnapshot? Read(string text)
    {
        try
        {
            return ReadOrThrow(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static AnalyzerSnapshot? ReadOrThrow(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 3) return null;
        var header = Fields(lines[0]);
        if (header.Length != 2 || header[0] != Magic || header[1] != Version) return null;
        var hashLine = Fields(lines[1]);
        if (hashLine.Length != 2 || hashLine[0] != "manifest-sha256") return null;

        var mustStay = new List<string>();
        var models = new List<ModelBuilder>();
        // With their 1-based line numbers, so that a damaged one can be named.
        var familyLines = new List<(int Number, string Text)>();
        var apis = new List<ApiBuilder>();
        LiteralPrefilter? prefilter = null;
        var ended = false;
        for (var i = 2; i < lines.Length && !ended; i++)
        {
            if (lines[i].Length == 0) continue;
            // The families' lines are kept as they are and read on first need (see Catalogue).
            if (IsFamilyLine(lines[i]))
            {
                familyLines.Add((i + 1, lines[i]));
                continue;
            }
            var f = Fields(lines[i]);
            switch (f[0])
            {
                case "must-stay-inside": mustStay.Add(Field(f, 1)); break;
                case "model": models.Add(new ModelBuilder(Field(f, 1), Field(f, 2), Field(f, 3) == "inside", Field(f, 4))); break;
                case "name": Last(models).Names.Add(Field(f, 1)); break;
                case "file": Last(models).Files.Add(Field(f, 1)); break;
                case "prefilter": prefilter = LiteralPrefilter.FromSnapshotFields(f.Skip(1).ToList()); break;
                case "api": apis.Add(new ApiBuilder(Field(f, 1), Field(f, 2), Field(f, 3), Field(f, 4))); break;
                case "member": Last(apis).Members.Add(Field(f, 1)); break;
                case "parameter": Last(apis).Parameters.Add(Field(f, 1)); break;
                case "property": Last(apis).Properties.Add(Field(f, 1)); break;
                case "end": ended = true; break;
                default: throw new FormatException();
            }
        }
        // A snapshot cut short (a write interrupted, a disk full) is not used.
        if (!ended || prefilter is null) return null;
        var index = new DeclaredModelIndex(models.Select(m => m.Build()).ToList(), mustStay);
        var table = new SdkApiTable(apis.Select(a => a.Build()), Array.Empty<string>());
        return new AnalyzerSnapshot(hashLine[1], index, new Lazy<LicenceCatalogue>(() => ReadFamilies(familyLines)), table, prefilter);
    }

    private static bool IsFamilyLine(string line) =>
        line.StartsWith("family\t", StringComparison.Ordinal) || line.StartsWith("pattern\t", StringComparison.Ordinal) ||
        line.StartsWith("known\t", StringComparison.Ordinal) || line.StartsWith("alias\t", StringComparison.Ordinal);

    /// <summary>The model families, from their lines. The gate wrote them, so a bad line means a damaged file: it is
    /// reported as such (the analyzer turns it into LG0099), never read as a smaller catalogue.</summary>
    private static LicenceCatalogue ReadFamilies(List<(int Number, string Text)> lines)
    {
        var catalogue = CatalogueLoader.Empty();
        ModelFamily? family = null;
        KnownModel? known = null;
        foreach (var (number, line) in lines)
        {
            try
            {
                var f = Fields(line);
                switch (f[0])
                {
                    case "family":
                        family = new ModelFamily { Id = Field(f, 1), Name = Field(f, 2), Maker = Field(f, 3), Kind = Field(f, 4), Licence = Field(f, 5) };
                        catalogue.Families.Add(family);
                        known = null;
                        break;
                    case "pattern": (family ?? throw new FormatException()).Patterns.Add(Field(f, 1)); break;
                    case "known":
                        known = new KnownModel { Id = Field(f, 1), Licence = Field(f, 2).Length == 0 ? null : Field(f, 2) };
                        (family ?? throw new FormatException()).Models.Add(known);
                        break;
                    case "alias": (known ?? throw new FormatException()).Aliases.Add(Field(f, 1)); break;
                }
            }
            catch (FormatException)
            {
                throw new System.IO.InvalidDataException($"{FileName}({number},1): damaged model-family line '{line.TrimEnd('\r')}'; rebuild to write the file again");
            }
        }
        return catalogue;
    }

    private static T Last<T>(List<T> list) => list.Count > 0 ? list[list.Count - 1] : throw new FormatException();

    private static string Field(string[] fields, int i) => i < fields.Length ? fields[i] : throw new FormatException();

    private static void Line(StringBuilder w, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) w.Append('\t');
            foreach (var c in fields[i])
            {
                switch (c)
                {
                    case '\\': w.Append("\\\\"); break;
                    case '\t': w.Append("\\t"); break;
                    case '\n': w.Append("\\n"); break;
                    case '\r': w.Append("\\r"); break;
                    default: w.Append(c); break;
                }
            }
        }
        w.Append('\n');
    }

    private static string[] Fields(string line)
    {
        if (line.EndsWith("\r", StringComparison.Ordinal)) line = line.Substring(0, line.Length - 1);
        var fields = line.Split('\t');
        for (var i = 0; i < fields.Length; i++)
            if (fields[i].IndexOf('\\') >= 0) fields[i] = Unescape(fields[i]);
        return fields;
    }

    private static string Unescape(string field)
    {
        var s = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\') { s.Append(field[i]); continue; }
            if (++i >= field.Length) throw new FormatException();
            s.Append(field[i] switch { '\\' => '\\', 't' => '\t', 'n' => '\n', 'r' => '\r', _ => throw new FormatException() });
        }
        return s.ToString();
    }

    private sealed class ModelBuilder
    {
        private readonly string _id, _findings, _where;
        private readonly bool _inside;
        public ModelBuilder(string id, string findings, bool inside, string where) { _id = id; _findings = findings; _inside = inside; _where = where; }
        public List<string> Names { get; } = new();
        public List<string> Files { get; } = new();
        public DeclaredModel Build() => new(_id, Names, Files, _findings.Length == 0 ? null : _findings, _inside, _where);
    }

    private sealed class ApiBuilder
    {
        private readonly string _sdk, _type, _kind, _hosting;
        public ApiBuilder(string sdk, string type, string kind, string hosting) { _sdk = sdk; _type = type; _kind = kind; _hosting = hosting; }
        public List<string> Members { get; } = new();
        public List<string> Parameters { get; } = new();
        public List<string> Properties { get; } = new();
        public SdkApi Build() => new(_sdk, _type, Members, Parameters, Properties, _kind, _hosting.Length == 0 ? null : _hosting);
    }
}
