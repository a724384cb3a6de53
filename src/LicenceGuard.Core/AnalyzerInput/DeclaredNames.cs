using System;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.AnalyzerInput;

/// <summary>
/// The declared models as the editor reads them from models.yaml before a build (with <see cref="SmallYamlReader"/>):
/// IDs, aliases, weights paths and the data classes that must stay inside the perimeter. The licence verdicts come
/// only from an evaluation, so each model keeps the last build's verdict when the last build declared it (the analyzer
/// says that these may be stale). Shapes the build would reject are skipped here: the build reports them.
/// </summary>
public static class DeclaredNames
{
    public static DeclaredModelIndex Read(YNode? root, DeclaredModelIndex? lastBuild)
    {
        var models = new List<DeclaredModel>();
        var mustStay = new List<string>();
        if (root is not YMapping manifest) return new DeclaredModelIndex(models, mustStay);
        if (manifest["organisation"] is YMapping organisation && organisation["perimeter"] is YMapping perimeter)
            mustStay.AddRange(Scalars(perimeter["mustStayInside"]));
        foreach (var entry in (manifest["models"] as YSequence)?.Items.OfType<YMapping>() ?? Enumerable.Empty<YMapping>())
        {
            if (entry["id"] is not YScalar { IsNull: false } id) continue;
            var names = new[] { id.Value }.Concat(Scalars(entry["aliases"]));
            var weights = (entry["weights"] as YSequence)?.Items.OfType<YMapping>().Select(w => w["path"]).OfType<YScalar>().Select(p => p.Value)
                ?? Enumerable.Empty<string>();
            var last = lastBuild?.Models.FirstOrDefault(m => string.Equals(m.Id, id.Value, StringComparison.OrdinalIgnoreCase));
            models.Add(DeclaredModelIndex.Model(id.Value, names, weights, last?.Findings, last?.InsidePerimeter ?? true, last?.Where ?? string.Empty));
        }
        return new DeclaredModelIndex(models, mustStay);
    }

    private static IEnumerable<string> Scalars(YNode? node) => node switch
    {
        YSequence list => list.Items.OfType<YScalar>().Where(s => !s.IsNull).Select(s => s.Value),
        YScalar { IsNull: false } one => new[] { one.Value },
        _ => Enumerable.Empty<string>(),
    };
}
