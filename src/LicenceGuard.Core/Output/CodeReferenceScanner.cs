using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Output;

/// <summary>
/// Finds where code and configuration name each declared model: string literals in C# files and string values in
/// appsettings*.json that equal a model's ID or alias, or name one of its weights files. A lexer, not a compiler:
/// fast enough to run on every build, and it skips comments, characters and interpolated strings, which cannot be
/// a model's literal name. The analyzer does the semantic detection; this fills the compliance manifest.
/// </summary>
public sealed class CodeReferenceScanner
{
    /// <summary>Larger files are generated or data, not code that names a model.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _weightsFileNames = new(StringComparer.OrdinalIgnoreCase);

    public CodeReferenceScanner(IEnumerable<ModelEntry> models)
    {
        foreach (var m in models)
        {
            foreach (var name in m.AllNames().Where(n => !string.IsNullOrWhiteSpace(n)))
                if (!_names.ContainsKey(name)) _names[name] = m.Id.Value;
            foreach (var w in m.Weights)
            {
                var fileName = FileName(w.Path.Value);
                if (fileName.Length > 0 && !_weightsFileNames.ContainsKey(fileName)) _weightsFileNames[fileName] = m.Id.Value;
            }
        }
    }

    /// <summary>Scans the files and adds each reference to <paramref name="into"/>, paths relative to <paramref name="baseDir"/>.</summary>
    public void Scan(IEnumerable<string> files, string baseDir, SortedDictionary<string, List<CodeLocation>> into)
    {
        if (_names.Count == 0 && _weightsFileNames.Count == 0) return;
        foreach (var file in files.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.Ordinal))
        {
            if (SafeFile.ReadAllText(file, MaxFileBytes, out _) is not { } text) continue;
            // Most files name no model at all: a vectorised search for each name skips them without lexing.
            if (!_names.Keys.Concat(_weightsFileNames.Keys).Any(n => text.IndexOf(n, StringComparison.OrdinalIgnoreCase) >= 0)) continue;
            var relative = ComplianceManifestWriter.Relative(baseDir, file);
            var isJson = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            var literals = isJson ? StringLexer.JsonStrings(text) : StringLexer.CSharpStrings(text);
            foreach (var literal in literals)
            {
                var id = Match(literal.Value);
                if (id is null) continue;
                if (!into.TryGetValue(id, out var list)) into[id] = list = new List<CodeLocation>();
                // The analyzer's reference kinds, so that both sources of code locations read alike.
                var kind = !_names.ContainsKey(literal.Value) ? "local-model-path" : isJson ? "config-value" : "literal";
                if (!list.Any(l => l.File == relative && l.Line == literal.Line && l.Column == literal.Column))
                    list.Add(new CodeLocation(relative, literal.Line, literal.Column, kind));
            }
        }
        foreach (var list in into.Values) list.Sort();
    }

    private string? Match(string literal)
    {
        if (literal.Length == 0 || literal.Length > 300) return null;
        if (_names.TryGetValue(literal, out var id)) return id;
        if (_weightsFileNames.Count > 0 && literal.IndexOf('.') >= 0 && _weightsFileNames.TryGetValue(FileName(literal), out id)) return id;
        return null;
    }

    private static string FileName(string path)
    {
        var p = path.Replace('\\', '/').TrimEnd('/');
        var slash = p.LastIndexOf('/');
        return slash >= 0 ? p.Substring(slash + 1) : p;
    }
}
