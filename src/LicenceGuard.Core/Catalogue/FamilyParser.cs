using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Catalogue;

internal static class FamilyParser
{
    public static void Read(YMapping map, NodeReader r, string file, List<ModelFamily> into)
    {
        var maker = r.String(map, "maker", "a model-family file")?.Value ?? string.Empty;
        foreach (var node in r.Sequence(map["families"], "'families'"))
        {
            if (r.Mapping(node, "a model family") is not { } f) continue;
            var id = r.String(f, "id", "a model family", required: true);
            // A null licence is allowed: the family is known but its weights' licence could not be verified.
            var licence = r.String(f, "licence", "a model family");
            if (id is null) continue;
            var what = $"family '{id.Value}'";
            var family = new ModelFamily
            {
                Id = id.Value,
                Name = r.String(f, "name", what)?.Value ?? id.Value,
                Maker = r.String(f, "maker", what)?.Value ?? maker,
                Kind = r.String(f, "kind", what)?.Value ?? "open-weight",
                Licence = licence?.Value ?? string.Empty,
                CodeLicence = r.String(f, "codeLicence", what)?.Value,
                File = file,
                Location = f.Location,
            };
            family.Patterns.AddRange(r.StringList(f, "patterns", what).Select(p => p.Value));
            family.Examples.AddRange(r.StringList(f, "examples", what).Select(p => p.Value));
            family.Providers.AddRange(r.StringList(f, "providers", what).Select(p => p.Value.ToLowerInvariant()));
            family.DerivativePatterns.AddRange(r.StringList(f, "derivativePatterns", what).Select(p => p.Value));
            if (f["source"] is YMapping src)
            {
                family.SourceUrl = r.String(src, "url", "a source")?.Value;
                family.LicenceNote = r.String(src, "note", "a source")?.Value;
            }
            else if (f["source"] is YScalar s) family.SourceUrl = s.Value;
            // licenceVerified: true, false (secondary evidence only) or partial (some facts read only through others' copies).
            family.LicenceVerified = licence != null && (r.String(f, "licenceVerified", what)?.Value ?? "true") == "true";
            foreach (var mn in r.Sequence(f["models"], "'models'"))
            {
                if (r.Mapping(mn, "a model") is not { } m) continue;
                var mid = r.String(m, "id", "a model", required: true);
                if (mid is null) continue;
                var model = new KnownModel
                {
                    Id = mid.Value,
                    ContextTokens = r.Long(m, "contextTokens", "a model")?.Value,
                    Licence = r.String(m, "licence", "a model")?.Value,
                };
                if (r.Mapping(m["parameters"], "'parameters'") is { } p)
                {
                    model.ParametersTotal = r.Long(p, "total", "'parameters'")?.Value;
                    model.ParametersActive = r.Long(p, "active", "'parameters'")?.Value;
                }
                model.Aliases.AddRange(r.StringList(m, "aliases", "a model").Select(a => a.Value));
                model.Modality.AddRange(r.StringList(m, "modality", "a model").Select(a => a.Value));
                family.Models.Add(model);
            }
            into.Add(family);
        }
    }

    public static void ReadGpus(YMapping map, NodeReader r, List<Gpu> into)
    {
        foreach (var node in r.Sequence(map["gpus"], "'gpus'"))
        {
            if (r.Mapping(node, "a GPU") is not { } g) continue;
            var id = r.String(g, "id", "a GPU", required: true);
            if (id is null) continue;
            var gpu = new Gpu
            {
                Id = id.Value,
                Vendor = r.String(g, "vendor", "a GPU")?.Value ?? string.Empty,
                MemoryGiB = r.Double(g, "memoryGiB", "a GPU")?.Value,
                ComputeCapability = r.String(g, "computeCapability", "a GPU")?.Value,
            };
            var bytes = r.Long(g, "memoryBytes", "a GPU")?.Value;
            gpu.MemoryBytes = bytes ?? (long)((gpu.MemoryGiB ?? 0) * 1_000_000_000d);
            gpu.Aliases.AddRange(r.StringList(g, "aliases", "a GPU").Select(a => a.Value));
            gpu.Precisions.AddRange(r.StringList(g, "precisions", "a GPU").Select(a => a.Value));
            if (g["source"] is YMapping src) gpu.SourceUrl = r.String(src, "url", "a source")?.Value;
            into.Add(gpu);
        }
    }
}
