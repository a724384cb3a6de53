using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Document;

/// <summary>
/// The compliance document of an evaluation: models sorted by ID, paths relative to models.yaml with '/' separators, no
/// timestamp unless asked for, so that a diff between two builds shows exactly what changed.
/// </summary>
public sealed class DocumentBuilder
{
    private readonly EvaluationResult _result;
    private readonly ComplianceExtras _extras;
    private readonly string _baseDir;
    private readonly Dictionary<Licence, string> _licenceKeys = new();
    private readonly Dictionary<string, LicenceTerms> _licences = new(StringComparer.Ordinal);

    private DocumentBuilder(EvaluationResult result, ComplianceExtras extras)
    {
        _result = result;
        _extras = extras;
        _baseDir = result.Manifest is null ? string.Empty : Path.GetDirectoryName(Path.GetFullPath(result.Manifest.Path)) ?? string.Empty;
    }

    public static ComplianceDocument Build(EvaluationResult result, ComplianceExtras? extras = null, DateTime? generatedAt = null) =>
        new DocumentBuilder(result, extras ?? new ComplianceExtras()).Build(generatedAt);

    private ComplianceDocument Build(DateTime? generatedAt)
    {
        var r = _result;
        var models = r.Models.OrderBy(m => m.Entry.Id.Value, StringComparer.Ordinal).Select(Model).ToList();
        return new ComplianceDocument
        {
            Tool = "LicenceGuard " + typeof(DocumentBuilder).Assembly.GetName().Version!.ToString(3),
            GeneratedAt = generatedAt?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Manifest = r.Manifest is null ? null : Path.GetFileName(r.Manifest.Path),
            CodeLocationsRecorded = _extras.CodeLocationsRecorded,
            Catalogue = Catalogue(r.Catalogue),
            Organisation = r.Manifest is null ? null : Organisation(r.Manifest.Organisation),
            Summary = Summary(r),
            Licences = _licences.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Models = models,
            Waivers = Waivers(),
            Findings = r.Findings.Select(Finding).ToList(),
            Dependencies = _extras.Dependencies,
            MemoryFit = _extras.MemoryFit,
        };
    }

    private CatalogueRecord Catalogue(LicenceCatalogue c) => new()
    {
        Date = Day(c.Date),
        Version = c.Version,
        Overrides = c.Licences.Values.SelectMany(l => l.Overrides.Select(o => new LicenceFileOverride
        {
            Licence = l.Id,
            File = Relative(o.File),
            Added = o.Added,
            Keys = o.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList(),
        })).ToList(),
        FactOverrides = c.FactOverrides.Select(o => new FactOverrideRecord
        {
            Licence = o.LicenceId,
            Key = o.Key,
            Embedded = o.Embedded,
            Organisation = o.Organisation,
            OrganisationSha256 = o.OrganisationSha256,
            Relaxes = o.Relaxes,
            By = o.By,
            Reason = o.Reason,
            Source = o.Source,
            Approver = o.Approver,
            Location = Location(o.Location),
        }).ToList(),
    };

    private static OrganisationRecord Organisation(Organisation o) => new()
    {
        Name = o.Name?.Value,
        Commercial = o.Commercial?.Value,
        AnnualRevenue = Money(o.AnnualRevenue),
        MonthlyRevenue = Money(o.MonthlyRevenue),
        MonthlyActiveUsers = o.MonthlyActiveUsers?.Value,
        Domicile = o.Domicile?.Value,
        Territories = o.Territories.Select(t => t.Value).ToList(),
        FieldsOfUse = o.FieldsOfUse.Select(t => t.Value).ToList(),
        Perimeter = new PerimeterDeclaration
        {
            MustStayInside = o.Perimeter.MustStayInside.Select(t => t.Value).ToList(),
            Inside = o.Perimeter.Inside.Select(t => t.Value).ToList(),
        },
    };

    private static MoneyRecord? Money(Manifest.Money? money) => money is null ? null : new MoneyRecord(money.Amount, money.Currency);

    private static SummaryRecord Summary(EvaluationResult r) => new()
    {
        Models = r.Models.Count,
        Pass = r.Models.Count(m => m.Verdict == Verdict.Pass),
        Warn = r.Models.Count(m => m.Verdict == Verdict.Warn),
        Fail = r.Models.Count(m => m.Verdict == Verdict.Fail),
        Errors = r.Count(Severity.Error),
        Warnings = r.Count(Severity.Warning),
        Waived = r.Findings.Count(f => f.IsWaived),
        Verdict = r.HasErrors ? Verdict.Fail : r.Count(Severity.Warning) > 0 ? Verdict.Warn : Verdict.Pass,
    };

    private List<WaiverRecord> Waivers()
    {
        if (_result.Manifest is null) return new List<WaiverRecord>();
        var covers = _result.Findings.Where(f => f.WaivedBy != null).GroupBy(f => f.WaivedBy!).ToDictionary(g => g.Key, g => g.Count());
        return _result.Manifest.Waivers
            .OrderBy(x => x.Rule.Value, StringComparer.Ordinal).ThenBy(x => x.Model?.Value, StringComparer.Ordinal).ThenBy(x => x.Package?.Value, StringComparer.Ordinal).ThenBy(x => x.Location)
            .Select(w => new WaiverRecord
            {
                Rule = w.Rule.Value,
                Model = w.Model?.Value,
                Package = w.Package?.Value,
                Reason = w.Reason,
                Approver = w.Approver,
                Expires = Day(w.Expires),
                Expired = w.Expires < _result.Options.Today,
                Covers = WaiverPass.IsDependencyWaiver(w) ? AuditCovers(w) : covers.TryGetValue(w, out var n) ? n : 0,
                Location = Location(w.Location),
            }).ToList();
    }

    /// <summary>What a dependency waiver covers is counted by the dependency audit, which judges it (its own report).</summary>
    private int AuditCovers(Waiver w)
    {
        if (_extras.Dependencies is not { ValueKind: JsonValueKind.Object } audit || !audit.TryGetProperty("waivers", out var waivers) || waivers.ValueKind != JsonValueKind.Array) return 0;
        foreach (var entry in waivers.EnumerateArray())
        {
            if (Text(entry, "rule") == w.Rule.Value && Text(entry, "package") == w.Package?.Value && Text(entry, "approver") == w.Approver && Text(entry, "expires") == Day(w.Expires)
                && entry.TryGetProperty("covers", out var n) && n.TryGetInt32(out var count))
                return count;
        }
        return 0;
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private ModelRecord Model(ModelEvaluation m)
    {
        var e = m.Entry;
        return new ModelRecord
        {
            Id = e.Id.Value,
            Aliases = e.Aliases.Select(a => a.Value).ToList(),
            Kind = e.Kind?.Value ?? m.Match?.Family.Kind,
            Maker = e.Maker?.Value ?? m.Match?.Family.Maker,
            Revision = e.Revision?.Value,
            Verdict = m.Verdict,
            Location = Location(e.Id.Location),
            CatalogueMatch = m.Match is { } match ? new CatalogueMatchRecord
            {
                Family = match.Family.Id,
                MatchedBy = match.MatchedBy,
                Licence = match.LicenceId,
                CodeLicence = match.Family.CodeLicence,
                LicenceVerified = match.Family.LicenceVerified ? null : false,
                ParametersTotal = match.Model?.ParametersTotal,
                ParametersActive = match.Model?.ParametersActive,
                ContextTokens = match.Model?.ContextTokens,
                Modality = match.Model?.Modality is { Count: > 0 } modality ? modality.ToList() : null,
            } : null,
            DeclaredLicence = e.Licence?.Value,
            Licence = m.Terms is { } terms ? LicenceKey(terms) : null,
            Review = e.Review is { } review ? ReviewOf(review, m.Terms) : null,
            Hosting = new HostingRecord { Mode = e.Hosting?.Mode?.Value, Region = e.Hosting?.Region?.Value },
            Receives = e.Receives.Select(x => x.Value).ToList(),
            Perimeter = new PerimeterRecord
            {
                Verdict = m.Perimeter.Ok ? PerimeterStatus.InsideOrNotSensitive : PerimeterStatus.Violation,
                Reason = m.Perimeter.Reason,
                DataClassesOutside = m.Perimeter.DataClassesOutside.ToList(),
            },
            Thresholds = m.Thresholds.Select(t => new ThresholdRecord
            {
                Metric = t.Threshold.Metric,
                Value = t.Threshold.Value,
                Currency = t.Threshold.Currency,
                Figure = t.Figure,
                HeadroomPercent = t.HeadroomPercent is double h ? Math.Round(h, 2) : null,
                Status = t.Status,
                Effect = t.Threshold.Effect,
                Note = t.FigureNote?.Trim(),
                Source = t.Threshold.Fact.SourceUrl,
            }).ToList(),
            Duties = m.Duties.Select(d => new DutyRecord { Kind = d.Kind, Text = d.Text, Where = d.Where, Required = d.Required, MetBy = d.MetBy, Met = d.Met }).ToList(),
            Target = e.Target is { } target ? new TargetRecord
            {
                Gpu = target.Gpu?.Value,
                Count = target.Count?.Value,
                Precision = target.Precision?.Value,
                ContextTokens = target.ContextTokens?.Value,
                Concurrency = target.Concurrency?.Value,
            } : null,
            Weights = e.Weights.OrderBy(x => x.Path.Value, StringComparer.Ordinal).Select(file => new WeightsFileRecord
            {
                Path = file.Path.Value.Replace('\\', '/'),
                Sha256 = file.Sha256?.Value.ToLowerInvariant(),
                Format = file.Format?.Value,
                Inspection = _extras.WeightsInspections.TryGetValue(file.Path.Value, out var inspection) ? inspection : null,
            }).ToList(),
            Evaluations = e.Evaluations.Select(ev => new EvaluationRecord
            {
                On = Day(ev.On?.Value),
                Dataset = ev.Dataset?.Value,
                Score = ev.Score?.Value,
                Revision = ev.Revision?.Value,
                Quantisation = ev.Quantisation?.Value,
                Runtime = ev.Runtime?.Value,
            }).ToList(),
            CodeLocations = _extras.CodeLocations.TryGetValue(e.Id.Value, out var locations) ? locations.OrderBy(x => x).ToList() : new List<CodeLocation>(),
            HardwareAttestation = _extras.Attestations.TryGetValue(e.Id.Value, out var attestation) ? attestation : null,
        };
    }

    private static ReviewRecord ReviewOf(Review review, Licence? terms)
    {
        var pinned = terms?.TextSha256?.Value;
        var matches = pinned != null && review.TextSha256 != null && string.Equals(pinned, review.TextSha256.Value, StringComparison.OrdinalIgnoreCase);
        return new ReviewRecord
        {
            By = review.By?.Value,
            On = Day(review.On?.Value),
            TextSha256 = review.TextSha256?.Value.ToLowerInvariant(),
            Source = review.Source?.Value,
            MatchesCatalogueText = matches,
            // A licence without a pinned text is neither matched nor changed: reports show it as not pinned (LG1027).
            TextCheck = pinned is null ? TextCheck.NotPinned : matches ? TextCheck.Matches : TextCheck.Differs,
        };
    }

    /// <summary>The effective terms are recorded once per licence and edition; models refer to them by key.</summary>
    private string LicenceKey(Licence terms)
    {
        if (_licenceKeys.TryGetValue(terms, out var key)) return key;
        key = LicenceTermsBuilder.KeyOf(terms);
        // Two different term sets under one key (an organisation file and the embedded licence, say) stay apart.
        for (var n = 2; _licences.ContainsKey(key); n++) key = LicenceTermsBuilder.KeyOf(terms) + " #" + n;
        _licenceKeys[terms] = key;
        _licences[key] = LicenceTermsBuilder.Build(terms);
        return key;
    }

    private FindingRecord Finding(Finding f)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in f.Facts) facts[kv.Key] = kv.Value;
        return new FindingRecord
        {
            Id = f.Id,
            Severity = f.Severity,
            EffectiveSeverity = f.EffectiveSeverity,
            Message = f.Message,
            Model = f.ModelId,
            Location = Location(f.Location),
            Facts = facts,
            Waived = f.IsWaived,
            Waiver = f.WaivedBy is { } w ? new FindingWaiver(w.Reason, w.Approver, Day(w.Expires)) : null,
            Help = f.HelpPage,
        };
    }

    private FileLocation Location(SourceLocation loc) => new(Relative(loc.File), loc.Line, loc.Column);

    private string Relative(string path) => RelativePath.To(_baseDir, path);

    private static string? Day(DateTime? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
