using System.Collections.Generic;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Manifest;

internal static class ModelEntryReader
{
    public static ModelEntry? Read(YMapping map, NodeReader r, List<Waiver> waivers)
    {
        r.CheckKeys(map, "a model", "id", "aliases", "kind", "maker", "provider", "baseModel", "distributes", "revision", "version", "licence", "license",
            "review", "hosting", "receives", "attribution", "target", "weights", "waivers", "evaluation", "evaluations", "notes");
        var id = r.String(map, "id", "a model", required: true);
        if (id is null) return null;
        var what = $"model '{id.Value}'";
        var entry = new ModelEntry
        {
            Location = map.Location,
            Id = id,
            Kind = r.String(map, "kind", what),
            Maker = r.String(map, "maker", what) ?? r.String(map, "provider", what),
            Provider = r.String(map, "provider", what),
            BaseModel = r.String(map, "baseModel", what),
            Distributes = r.Bool(map, "distributes", what),
            Revision = r.String(map, "revision", what) ?? r.String(map, "version", what),
            Licence = r.String(map, "licence", what) ?? r.String(map, "license", what),
        };
        entry.Aliases.AddRange(r.StringList(map, "aliases", what));
        if (entry.Kind != null && entry.Kind.Value != "open-weight" && entry.Kind.Value != "api")
            r.Error(entry.Kind.Location, $"'kind' of {what} must be open-weight or api, not '{entry.Kind.Value}'");

        var review = r.Mapping(map["review"], $"'review' of {what}");
        if (review != null)
        {
            r.CheckKeys(review, $"'review' of {what}", "by", "date", "on", "textSha256", "source");
            entry.Review = new Review
            {
                Location = review.Location,
                By = r.String(review, "by", "'review'"),
                On = ReviewDate(review, r, "'review'"),
                TextSha256 = r.String(review, "textSha256", "'review'"),
                Source = r.String(review, "source", "'review'"),
            };
            var sha = entry.Review.TextSha256;
            if (sha != null && !IsSha256(sha.Value))
                r.Error(sha.Location, "'textSha256' must be 64 hexadecimal characters (licenceguard catalogue hash FILE computes it)");
        }

        var hosting = r.Mapping(map["hosting"], $"'hosting' of {what}");
        if (hosting != null)
        {
            r.CheckKeys(hosting, $"'hosting' of {what}", "mode", "region");
            entry.Hosting = new Hosting { Location = hosting.Location, Mode = r.String(hosting, "mode", "'hosting'"), Region = r.String(hosting, "region", "'hosting'") };
            var mode = entry.Hosting.Mode;
            if (mode != null && mode.Value != "self-hosted" && mode.Value != "managed" && mode.Value != "api")
                r.Error(mode.Location, $"'mode' must be self-hosted, managed or api, not '{mode.Value}'");
        }

        if (map.TryGet("receives", out var receives)) entry.ReceivesLocation = receives.Location;
        entry.Receives.AddRange(r.StringList(map, "receives", what));

        var attribution = r.Mapping(map["attribution"], $"'attribution' of {what}");
        if (attribution != null)
        {
            r.CheckKeys(attribution, $"'attribution' of {what}", "shown", "notice", "useRestrictions");
            entry.Attribution = new AttributionDeclaration
            {
                Location = attribution.Location,
                Shown = r.String(attribution, "shown", "'attribution'"),
                Notice = r.String(attribution, "notice", "'attribution'"),
                UseRestrictions = r.String(attribution, "useRestrictions", "'attribution'"),
            };
        }

        var target = r.Mapping(map["target"], $"'target' of {what}");
        if (target != null)
        {
            r.CheckKeys(target, $"'target' of {what}", "gpu", "count", "precision", "contextTokens", "concurrency");
            entry.Target = new TargetHardware
            {
                Location = target.Location,
                Gpu = r.String(target, "gpu", "'target'"),
                Count = r.Int(target, "count", "'target'", 1),
                Precision = r.String(target, "precision", "'target'"),
                ContextTokens = r.Long(target, "contextTokens", "'target'", 1),
                Concurrency = r.Int(target, "concurrency", "'target'", 1),
            };
        }

        foreach (var item in r.Sequence(map["weights"], $"'weights' of {what}"))
        {
            var w = r.Mapping(item, "a weights file");
            if (w is null) continue;
            r.CheckKeys(w, "a weights file", "path", "sha256", "format");
            var path = r.String(w, "path", "a weights file", required: true);
            if (path is null) continue;
            var file = new WeightsFile { Location = w.Location, Path = path, Sha256 = r.String(w, "sha256", "a weights file"), Format = r.String(w, "format", "a weights file") };
            if (file.Sha256 != null && !IsSha256(file.Sha256.Value))
                r.Error(file.Sha256.Location, "'sha256' must be 64 hexadecimal characters");
            entry.Weights.Add(file);
        }

        foreach (var key in new[] { "evaluation", "evaluations" })
        {
            if (!map.TryGet(key, out var evalNode)) continue;
            var items = evalNode is YSequence ? r.Sequence(evalNode, key) : new[] { evalNode };
            foreach (var item in items)
            {
                var e = r.Mapping(item, "an evaluation");
                if (e is null) continue;
                r.CheckKeys(e, "an evaluation", "date", "on", "dataset", "score", "revision", "quantisation", "quantization", "runtime");
                entry.Evaluations.Add(new Evaluation
                {
                    Location = e.Location,
                    On = ReviewDate(e, r, "an evaluation"),
                    Dataset = r.String(e, "dataset", "an evaluation"),
                    Score = r.String(e, "score", "an evaluation"),
                    Revision = r.String(e, "revision", "an evaluation"),
                    Quantisation = r.String(e, "quantisation", "an evaluation") ?? r.String(e, "quantization", "an evaluation"),
                    Runtime = r.String(e, "runtime", "an evaluation"),
                });
            }
        }

        foreach (var item in r.Sequence(map["waivers"], $"'waivers' of {what}"))
        {
            var w = r.Mapping(item, "a waiver");
            if (w is null) continue;
            var waiver = WaiverReader.Read(w, r, id);
            if (waiver != null) waivers.Add(waiver);
        }
        return entry;
    }

    /// <summary>
    /// The day of a review or an evaluation: <c>date:</c>, or <c>on:</c> as written before. YAML 1.1 readers (PyYAML,
    /// many CI linters) read the key <c>on</c> as the boolean true, so <c>date</c> is the key every reader agrees on.
    /// </summary>
    private static Located<System.DateTime>? ReviewDate(YMapping map, NodeReader r, string what)
    {
        var date = r.Date(map, "date", what);
        var on = r.Date(map, "on", what);
        if (date != null && on != null)
            r.Error(on.Location, $"{what} has both 'date' and 'on': keep 'date' (YAML 1.1 tools read the key 'on' as true)");
        return date ?? on;
    }

    public static bool IsSha256(string value)
    {
        if (value.Length != 64) return false;
        foreach (var c in value)
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) return false;
        return true;
    }
}
