using System;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Catalogue;

/// <summary>Builds a <see cref="Licence"/> from its YAML mapping; problems are reported at their line.</summary>
internal sealed class LicenceParser
{
    private readonly NodeReader _r;
    private YMapping _sourcesMap = null!;
    private Licence _licence = null!;

    public LicenceParser(NodeReader reader) => _r = reader;

    public Licence? Parse(YMapping map, string file)
    {
        _licence = new Licence { File = file, Raw = map };
        var what = "the licence";
        var id = _r.String(map, "id", what, required: true);
        if (id is null) return null;
        _licence.Id = id.Value;
        what = $"licence '{id.Value}'";
        // A model-specific clause names the edition of the text its models ship with (textName): that is the licence's
        // name for those models, in findings and reports.
        _licence.Name = (_r.String(map, "textName", what) ?? _r.String(map, "name", what))?.Value ?? id.Value;
        _licence.Revision = _r.Date(map, "revision", what)?.Value;
        _licence.Retrieved = _r.Date(map, "retrieved", what)?.Value;
        _licence.Openness = _r.String(map, "openness", what)?.Value ?? "unknown";
        _licence.OsiApproved = _r.Bool(map, "osiApproved", what)?.Value;
        _licence.Aliases.AddRange(_r.StringList(map, "aliases", what).Select(a => a.Value));

        _sourcesMap = _r.Mapping(map["sources"], "'sources'") ?? new YMapping(map.Location, new List<KeyValuePair<YScalar, YNode>>());
        foreach (var e in _sourcesMap.Entries)
        {
            var url = e.Value is YScalar s ? s.Value : (e.Value as YMapping) is { } m ? (_r.String(m, "url", "a source") ?? _r.String(m, "path", "a source"))?.Value : null;
            if (url != null) _licence.Sources[e.Key.Value] = url;
        }

        if (_r.Mapping(map["text"], "'text'") is { } text)
        {
            _licence.TextSha256 = Fact<string?>(text, t => _r.String(t, "sha256", "'text'")?.Value);
            _licence.TextExact = _r.Bool(text, "textExact", "'text'")?.Value ?? true;
        }
        _licence.CommercialUse = StringFact(map, "commercialUse", "value");
        foreach (var node in _r.Sequence(map["thresholds"], "'thresholds'"))
        {
            if (_r.Mapping(node, "a threshold") is not { } t) continue;
            var value = _r.Decimal(t, "value", "a threshold");
            var metric = _r.String(t, "metric", "a threshold", required: true);
            if (value is null || metric is null) continue;
            _licence.Thresholds.Add(new Threshold
            {
                Metric = metric.Value,
                Value = value.Value,
                Currency = _r.String(t, "currency", "a threshold")?.Value?.ToUpperInvariant(),
                Period = _r.String(t, "period", "a threshold")?.Value,
                MeasuredOn = _r.String(t, "measuredOn", "a threshold")?.Value,
                Effect = _r.String(t, "effect", "a threshold")?.Value ?? "separate-licence-required",
                Fact = Fact(t, _ => value.Value),
            });
        }
        if (_r.Mapping(map["attribution"], "'attribution'") is { } a)
        {
            var required = _r.Bool(a, "required", "'attribution'")?.Value ?? false;
            _licence.Attribution = new Attribution
            {
                Required = required,
                Phrase = _r.String(a, "phrase", "'attribution'")?.Value,
                Where = _r.String(a, "where", "'attribution'")?.Value,
                Fact = Fact(a, _ => required),
            };
        }
        if (_r.Mapping(map["notice"], "'notice'") is { } n)
        {
            var required = _r.Bool(n, "required", "'notice'")?.Value ?? false;
            _licence.Notice = new Notice
            {
                Required = required,
                Text = _r.String(n, "text", "'notice'")?.Value,
                File = _r.String(n, "file", "'notice'")?.Value,
                Fact = Fact(n, _ => required),
            };
        }
        _licence.DerivativeNaming = StringFact(map, "derivativeNaming", "rule");
        if (_r.Mapping(map["derivativeNaming"], "'derivativeNaming'") is { } naming)
            _licence.DerivativeNamePrefix = _r.String(naming, "prefix", "'derivativeNaming'")?.Value;
        ReadUseRestrictions(map["useRestrictions"]);
        if (_r.Mapping(map["useRestrictionsPassThrough"], "'useRestrictionsPassThrough'") is { } passOn)
        {
            var required = _r.Bool(passOn, "required", "'useRestrictionsPassThrough'")?.Value ?? false;
            _licence.UseRestrictionsPassThrough = Fact(passOn, _ => required);
        }
        ReadExclusions(map["territoryExclusions"], _licence.TerritoryExclusions, "use");
        ReadExclusions(map["domicileExclusions"], _licence.DomicileExclusions, "domicile");
        _licence.AcceptableUsePolicy = StringFact(map, "acceptableUsePolicy", "url");
        _licence.OutputsMayTrainOtherModels = BoolFact(map, "outputsMayTrainOtherModels");
        _licence.Termination = StringFact(map, "termination", "text");
        _licence.GoverningLaw = StringFact(map, "governingLaw", "value");
        if (_r.Mapping(map["dataUse"], "'dataUse'") is { } d)
        {
            _licence.DataRetention = StringFact(d, "retention", "value");
            _licence.TrainsOnCustomerInputs = BoolFact(d, "trainsOnCustomerInputs");
            _licence.ResidencyOptions = StringFact(d, "residencyOptions", "value");
        }
        foreach (var node in _r.Sequence(map["modelSpecific"], "'modelSpecific'"))
        {
            if (_r.Mapping(node, "a model-specific clause") is not { } ms) continue;
            var terms = new ModelSpecificTerms { Raw = ms };
            terms.AppliesTo.AddRange(_r.StringList(ms, "appliesTo", "a model-specific clause").Select(x => x.Value));
            if (terms.AppliesTo.Count == 0) _r.Error(ms.Location, "a model-specific clause needs 'appliesTo' (model ID patterns)");
            else _licence.ModelSpecific.Add(terms);
        }
        return _licence;
    }

    private void ReadUseRestrictions(YNode? node)
    {
        foreach (var item in _r.Sequence(node, "'useRestrictions'"))
        {
            if (_r.Mapping(item, "a use restriction") is not { } m) continue;
            var fields = _r.StringList(m, "fields", "a use restriction").Select(f => f.Value.ToLowerInvariant()).ToList();
            if (fields.Count == 0)
            {
                _r.Error(m.Location, "a use restriction needs 'fields' (fields of use such as military, healthcare)");
                continue;
            }
            var activity = _r.String(m, "activity", "a use restriction")?.Value;
            _licence.UseRestrictions.Add(Fact(m, _ => new UseRestriction(fields, activity)));
        }
    }

    private void ReadExclusions(YNode? node, List<Fact<TerritoryExclusion>> into, string defaultScope)
    {
        foreach (var item in _r.Sequence(node, "exclusions"))
        {
            if (item is YScalar s && !s.IsNull)
            {
                into.Add(new Fact<TerritoryExclusion>(new TerritoryExclusion(s.Value.ToUpperInvariant(), defaultScope), null, null, null, null, s.Location));
                continue;
            }
            if (_r.Mapping(item, "an exclusion") is not { } m) continue;
            var code = _r.String(m, "code", "an exclusion", required: true);
            if (code is null) continue;
            var c = code.Value.ToUpperInvariant();
            if (!Territory.IsKnown(c)) _r.Error(code.Location, $"'{code.Value}' is not an ISO 3166-1 alpha-2 code or EU");
            var scope = _r.String(m, "scope", "an exclusion")?.Value ?? defaultScope;
            into.Add(Fact(m, _ => new TerritoryExclusion(c, scope)));
        }
    }

    private Fact<string>? StringFact(YMapping map, string key, string valueKey)
    {
        if (!map.TryGet(key, out var node) || node is YScalar { IsNull: true }) return null;
        if (node is YScalar s) return new Fact<string>(s.Value, null, null, null, null, s.Location);
        if (_r.Mapping(node, $"'{key}'") is not { } m) return null;
        if (m.TryGet(valueKey, out var v) && v is YSequence seq)
        {
            var joined = string.Join(", ", seq.Items.OfType<YScalar>().Select(x => x.Value));
            return Fact<string>(m, _ => joined);
        }
        var value = _r.String(m, valueKey, $"'{key}'")?.Value;
        return value is null ? null : Fact(m, _ => value);
    }

    private Fact<bool?>? BoolFact(YMapping map, string key)
    {
        if (!map.TryGet(key, out var node)) return null;
        if (node is YScalar s) return new Fact<bool?>(ParseBool(s), null, null, null, null, s.Location);
        if (_r.Mapping(node, $"'{key}'") is not { } m) return null;
        bool? value = m.TryGet("value", out var v) && v is YScalar vs ? ParseBool(vs) : null;
        return Fact(m, _ => value);
    }

    private static bool? ParseBool(YScalar s) => s.IsNull ? null : s.Value.ToLowerInvariant() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        _ => null,
    };

    private Fact<T> Fact<T>(YMapping m, Func<YMapping, T> value)
    {
        var source = _r.String(m, "source", "a fact")?.Value;
        string? url = null;
        if (source != null && !_licence.Sources.TryGetValue(source, out url))
        {
            // A URL written in place is a source too.
            if (source.StartsWith("http", StringComparison.OrdinalIgnoreCase)) url = source;
        }
        return new Fact<T>(value(m), source, url, _r.String(m, "section", "a fact")?.Value, _r.String(m, "quote", "a fact")?.Value, m.Location);
    }
}
