using System.Text.Json;
using System.Text.Json.Nodes;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Reports;
using LicenceGuard.Core.Tests.Reports;

namespace LicenceGuard.Core.Tests.Document;

/// <summary>
/// A lock is committed and edited by people and merges: any member of a valid document set to null, or to a value of
/// another kind, is either refused when read (a <see cref="JsonException"/> that names it) or read into a document
/// every reader can use. Never a NullReferenceException in a report, the diff or the guard.
/// </summary>
public class HostileDocumentTests
{
    [Theory]
    [InlineData("sample")]
    [InlineData("first-format lock")]
    public void EveryMember_SetToNull_OrToAnotherKind_IsRefusedOrReadable(string source)
    {
        var json = source == "sample" ? ReportSamples.Build().Json
            : File.ReadAllText(RepoPaths.Get("tests", "LicenceGuard.Core.Tests", "Document", "FormatVersion1", ApprovalLock.FileName));
        var good = ComplianceJson.Parse(json);
        var paths = new List<string>();
        Collect(JsonNode.Parse(json)!, "$", paths);
        Assert.True(paths.Count > 300, $"{paths.Count} members");
        var failures = new List<string>();
        foreach (var path in paths)
        {
            foreach (var replacement in new JsonNode?[] { null, JsonValue.Create(7), new JsonArray(), new JsonObject() })
            {
                var root = JsonNode.Parse(json)!;
                Replace(root, path, replacement);
                ComplianceDocument document;
                try { document = ComplianceJson.Parse(root.ToJsonString()); }
                catch (JsonException) { continue; }
                try { UseEverywhere(document, good); }
                catch (Exception ex) { failures.Add($"{path} = {replacement?.ToJsonString() ?? "null"}: {ex.GetType().Name}: {ex.Message}"); }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    private static void UseEverywhere(ComplianceDocument document, ComplianceDocument good)
    {
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            ReportGenerator.Generate(format, document, good);
            ReportGenerator.Generate(format, good, document);
        }
        ManifestDiff.Compare(document, good);
        ManifestDiff.Compare(good, document);
        ComplianceJson.ToJson(document);
        foreach (var m in document.Models) document.FindingsOf(m).ToList();
    }

    private static void Collect(JsonNode node, string path, List<string> paths)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var p in o)
                {
                    var child = path + "." + p.Key;
                    paths.Add(child);
                    if (p.Value != null) Collect(p.Value, child, paths);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var child = path + "[" + i + "]";
                    paths.Add(child);
                    if (a[i] != null) Collect(a[i]!, child, paths);
                }
                break;
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        // Walk to the parent of the last step, then set it.
        var steps = new List<object>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[') end++;
                steps.Add(path.Substring(i + 1, end - i - 1));
                i = end;
            }
            else
            {
                var end = path.IndexOf(']', i);
                steps.Add(int.Parse(path.Substring(i + 1, end - i - 1)));
                i = end + 1;
            }
        }
        var parent = root;
        foreach (var step in steps.Take(steps.Count - 1)) parent = step is int n ? parent[n]! : parent[(string)step]!;
        if (steps[^1] is int index) parent.AsArray()[index] = value;
        else parent.AsObject()[(string)steps[^1]] = value;
    }
}
