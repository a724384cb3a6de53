using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.Policy;

/// <summary>
/// The policy: one pure function from (manifest, catalogue, options) to findings. No I/O, no clock: the day is an option.
/// </summary>
public static class PolicyEvaluator
{
    /// <param name="external">Findings from checks that read files (weights integrity, memory fit): listed with the
    /// policy's, under their model. Waivers are not applied here: <see cref="WaiverPass"/> runs once the whole run's
    /// findings are known.</param>
    public static EvaluationResult Evaluate(ModelsManifest manifest, LicenceCatalogue catalogue, PolicyOptions options, IEnumerable<Finding>? external = null)
    {
        var result = new EvaluationResult(manifest, catalogue, options);
        var org = manifest.Organisation;
        var missingFigures = new HashSet<string>();
        foreach (var entry in manifest.Models)
        {
            var eval = new ModelEvaluation(entry);
            EvaluateModel(eval, org, catalogue, options, result.Findings, missingFigures);
            result.Models.Add(eval);
        }

        if (UseRestrictionChecker.UnknownFields(org) is { } unknownFields) result.Findings.Add(unknownFields);
        CheckCatalogueAge(manifest, catalogue, options, result.Findings);
        if (external != null) result.Findings.AddRange(external);
        // Group once: tens of thousands of models must not mean models × findings comparisons.
        var byModel = result.Findings.Where(f => f.ModelId != null).ToLookup(f => f.ModelId!, StringComparer.Ordinal);
        foreach (var m in result.Models)
        {
            m.Findings.AddRange(byModel[m.Entry.Id.Value]);
            m.Findings.Sort(FindingOrder.Instance);
        }
        result.Findings.Sort(FindingOrder.Instance);
        return result;
    }

    private static void EvaluateModel(ModelEvaluation eval, Organisation org, LicenceCatalogue catalogue, PolicyOptions options,
        List<Finding> findings, HashSet<string> missingFigures)
    {
        var m = eval.Entry;
        var id = m.Id.Value;
        eval.Match = ModelResolver.Resolve(m, catalogue);
        void Add(string rule, string message, SourceLocation at, params (string Key, string Value)[] facts) =>
            findings.Add(Finding.Create(rule, message, at, id, facts.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList()));

        if (m.Licence is null || m.Licence.Value.Length == 0)
        {
            var hint = eval.Match is { LicenceId.Length: > 0 } ? $"; the catalogue says '{id}' ships under {eval.Match.LicenceId}" : string.Empty;
            Add(DiagnosticIds.ModelWithoutLicence, $"model '{id}' has no licence: add 'licence:' with a catalogue id{hint}", m.Id.Location,
                ("model", id), ("catalogueLicence", eval.Match?.LicenceId ?? "unknown"));
            return;
        }
        if (eval.Match is null)
            Add(DiagnosticIds.UnknownModelId, $"model '{id}' is not known to the catalogue: its licence '{m.Licence.Value}' cannot be cross-checked", m.Id.Location, ("model", id));

        var licence = catalogue.FindLicence(m.Licence.Value);
        if (licence is null)
        {
            var hint = eval.Match is { LicenceId.Length: > 0 } ? $" (the catalogue says '{id}' ships under {eval.Match.LicenceId})" : string.Empty;
            Add(DiagnosticIds.UnknownLicence,
                $"licence '{m.Licence.Value}' of model '{id}' is not in the LicenceGuard catalogue{hint}; add it in an organisation catalogue file listed under settings.catalogue",
                m.Licence.Location, ("licence", m.Licence.Value));
            return;
        }
        if (eval.Match != null && catalogue.FindLicence(eval.Match.LicenceId) is { } expected && !ReferenceEquals(expected, licence))
        {
            Add(DiagnosticIds.LicenceDiffersFromCatalogue,
                $"model '{id}' is declared under {licence.Id}, but the catalogue records {expected.Id} for it (matched by '{eval.Match.MatchedBy}')",
                m.Licence.Location, ("declared", licence.Id), ("catalogue", expected.Id), ("matchedBy", eval.Match.MatchedBy));
        }

        // What the catalogue could not read from the maker's own text is said, never passed off as a checked fact.
        if (eval.Match is { Family.LicenceVerified: false } unverified)
        {
            var what = unverified.LicenceId.Length == 0
                ? "the catalogue knows this model but found no licence text for its weights"
                : $"the catalogue's {unverified.LicenceId} for it rests on secondary evidence";
            Add(DiagnosticIds.CatalogueLicenceUnverified,
                $"model '{id}': {what} ({unverified.Family.LicenceNote ?? unverified.Family.SourceUrl ?? "no source"}); read the licence file that ships with the weights before the review, and keep it with the review record",
                m.Licence.Location, ("family", unverified.Family.Id), ("catalogueLicence", unverified.LicenceId), ("source", unverified.Family.SourceUrl ?? string.Empty));
        }

        // A derivative is under its base model's edition of the terms (model-specific clauses match the base's name).
        var names = m.BaseModel is null ? m.AllNames() : m.AllNames().Concat(new[] { m.BaseModel.Value });
        var terms = catalogue.EffectiveTerms(licence, names);
        eval.Terms = terms;
        CheckReview(m, terms, Add);

        if (org.Commercial?.Value == true && terms.IsNonCommercial)
        {
            Add(DiagnosticIds.NonCommercialLicence,
                $"{terms.Name} does not allow commercial use ({terms.CommercialUse?.Value ?? terms.Openness}), and the organisation's product is commercial",
                m.Licence.Location, ("licence", terms.Id), ("commercialUse", terms.CommercialUse?.Value ?? "unknown"),
                ("source", terms.CommercialUse?.SourceUrl ?? string.Empty), ("organisation.commercial", "true"));
        }

        // The threshold that made a conditional attribution duty apply; a missing figure decides nothing.
        string? attributionTrigger = null;
        var hasAttributionThreshold = terms.Thresholds.Any(t => t.Effect == "attribution-required");
        foreach (var threshold in terms.Thresholds)
        {
            var check = ThresholdChecker.Check(threshold, org, options.ThresholdMargin);
            eval.Thresholds.Add(check);
            var metric = ThresholdChecker.Describe(threshold);
            var period = ThresholdChecker.PeriodText(threshold);
            if (threshold.Effect == "attribution-required" && check.Status == ThresholdStatus.Exceeded)
                attributionTrigger ??= $"company reports {ThresholdChecker.Format(threshold, check.Figure!.Value)}{check.FigureNote}, over the {ThresholdChecker.Format(threshold, threshold.Value)} {metric} threshold{period}";
            var quote = threshold.Fact.Quote is null ? string.Empty : $" (\"{threshold.Fact.Quote}\")";
            switch (check.Status)
            {
                case ThresholdStatus.Unknown:
                    var key = threshold.Metric + "|" + threshold.Currency;
                    if (check.NoExchangeRate)
                    {
                        Add(DiagnosticIds.CurrencyMismatch, $"{terms.Name}: {metric} threshold is {ThresholdChecker.Format(threshold, threshold.Value)}; {check.FigureNote}",
                            org.AnnualRevenue?.Location ?? org.Location, ("threshold", threshold.Value.ToString(CultureInfo.InvariantCulture)));
                    }
                    else if (missingFigures.Add(key))
                    {
                        findings.Add(Finding.Create(DiagnosticIds.ManifestInvalid,
                            $"'organisation' must report {ThresholdChecker.FigureKey(threshold)}: {terms.Name} (model '{id}') has a {ThresholdChecker.Format(threshold, threshold.Value)} {metric} threshold{period}; over it, {ThresholdChecker.EffectText(threshold)}. Without the figure this is undetermined, not a breach",
                            org.Location, id, new[]
                            {
                                new KeyValuePair<string, string>("metric", threshold.Metric), new KeyValuePair<string, string>("threshold", threshold.Value.ToString(CultureInfo.InvariantCulture)),
                                new KeyValuePair<string, string>("figure", ThresholdChecker.FigureKey(threshold)), new KeyValuePair<string, string>("effect", threshold.Effect),
                            }));
                    }
                    break;
                case ThresholdStatus.Exceeded when threshold.RevokesRights:
                    Add(DiagnosticIds.ThresholdExceeded,
                        $"{terms.Name}: {ThresholdChecker.Format(threshold, threshold.Value)} {metric} threshold{period}, company reports {ThresholdChecker.Format(threshold, check.Figure!.Value)}{check.FigureNote}; {ThresholdChecker.EffectText(threshold)}{quote}",
                        m.Licence.Location, ("metric", threshold.Metric), ("threshold", threshold.Value.ToString(CultureInfo.InvariantCulture)),
                        ("figure", check.Figure.Value.ToString(CultureInfo.InvariantCulture)), ("period", threshold.Period ?? string.Empty), ("effect", threshold.Effect), ("source", threshold.Fact.SourceUrl ?? string.Empty));
                    break;
                case ThresholdStatus.Near:
                    Add(DiagnosticIds.ThresholdNear,
                        $"{terms.Name}: company reports {ThresholdChecker.Format(threshold, check.Figure!.Value)}{check.FigureNote}, within {options.ThresholdMargin:P0} of the {ThresholdChecker.Format(threshold, threshold.Value)} {metric} threshold{period} ({check.HeadroomPercent:0.#}% headroom); over it, {ThresholdChecker.EffectText(threshold)}",
                        m.Licence.Location, ("metric", threshold.Metric), ("threshold", threshold.Value.ToString(CultureInfo.InvariantCulture)),
                        ("figure", check.Figure.Value.ToString(CultureInfo.InvariantCulture)), ("headroomPercent", check.HeadroomPercent?.ToString("0.##", CultureInfo.InvariantCulture) ?? ""));
                    break;
            }
        }

        CheckTerritories(m, org, terms, Add);
        CheckDuties(eval, terms, hasAttributionThreshold, attributionTrigger, Add);
        UseRestrictionChecker.Check(m, org, terms, Add);
        DerivativeChecker.Check(m, eval.Match, terms, Add);
        CheckPerimeter(eval, org, Add);
    }

    private static void CheckReview(ModelEntry m, Licence terms, Action<string, string, SourceLocation, (string, string)[]> add)
    {
        var id = m.Id.Value;
        var review = m.Review;
        if (review?.By is null || review.On is null || review.TextSha256 is null)
        {
            var missing = review is null ? "no 'review'" : string.Join(", ", new[] { review.By is null ? "'by'" : null, review.On is null ? "'date'" : null, review.TextSha256 is null ? "'textSha256'" : null }.Where(x => x != null)) + " missing";
            add(DiagnosticIds.LicenceNotReviewed,
                $"the {terms.Name} of model '{id}' has not been reviewed ({missing}): a person must read the licence text and record who, when and the text's SHA-256: licenceguard review {id} --by NAME --text FILE",
                review?.Location ?? m.Id.Location, new[] { ("licence", terms.Id), ("licenceText", terms.TextSha256?.SourceUrl ?? string.Empty) });
            return;
        }
        var pinned = terms.TextSha256?.Value;
        if (pinned is null)
        {
            add(DiagnosticIds.LicenceTextNotPinned,
                $"{terms.Name}: licence text not pinned in the catalogue; the review by {review.By.Value} on {Dates.Day(review.On.Value)} (SHA-256 {Short(review.TextSha256.Value)}) is recorded, but a change of the text cannot be detected; pin the text's hash in an organisation catalogue file",
                review.TextSha256.Location, new[] { ("reviewed", review.TextSha256.Value.ToLowerInvariant()), ("source", terms.TextSha256?.SourceUrl ?? string.Empty) });
        }
        else if (!string.Equals(pinned, review.TextSha256.Value, StringComparison.OrdinalIgnoreCase))
        {
            add(DiagnosticIds.LicenceTextChanged,
                $"the {terms.Name} text reviewed by {review.By.Value} on {Dates.Day(review.On.Value)} (SHA-256 {Short(review.TextSha256.Value)}) differs from the catalogue's text (SHA-256 {Short(pinned)}): read the catalogue's text (licenceguard review {id} --print-text) and record it with licenceguard review {id} --by NAME --text FILE",
                review.TextSha256.Location, new[] { ("reviewed", review.TextSha256.Value.ToLowerInvariant()), ("catalogue", pinned), ("source", terms.TextSha256?.SourceUrl ?? string.Empty) });
        }
        if (terms.Revision is { } revision && review.On.Value < revision)
        {
            add(DiagnosticIds.ReviewOlderThanLicence,
                $"the review of {terms.Name} for model '{id}' ({Dates.Day(review.On.Value)}) predates the catalogue's revision of the licence ({Dates.Day(revision)}): re-review it",
                review.On.Location, new[] { ("reviewed", review.On.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("revision", revision.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) });
        }
    }

    private static void CheckTerritories(ModelEntry m, Organisation org, Licence terms, Action<string, string, SourceLocation, (string, string)[]> add)
    {
        // One finding per model: every excluded territory the organisation touches, with the scopes that exclude it.
        var hits = terms.TerritoryExclusions
            .Where(e => e.Value.Scope != "distribution" || m.DistributesWeights)
            .SelectMany(e => org.Territories.Where(t => Territory.Overlaps(e.Value.Code, t.Value)).Select(t => (Exclusion: e, Territory: t.Value)))
            .ToList();
        if (hits.Count > 0)
        {
            var excluded = hits.GroupBy(h => h.Exclusion.Value.Code, StringComparer.Ordinal)
                .Select(g => $"{g.Key} ({string.Join(" and ", g.Select(h => h.Exclusion.Value.Scope).Distinct())})").Distinct().ToList();
            var touched = hits.Select(h => h.Territory).Distinct().ToList();
            var first = hits[0].Exclusion;
            add(DiagnosticIds.TerritoryExcluded,
                $"{terms.Name} excludes {string.Join(", ", excluded)}, and the organisation serves or runs models in {string.Join(", ", touched)}{QuoteOf(first)}",
                m.Licence!.Location, new[] { ("excluded", string.Join(",", hits.Select(h => h.Exclusion.Value.Code).Distinct())), ("territories", string.Join(",", touched)), ("source", first.SourceUrl ?? string.Empty) });
        }
        if (org.Domicile is null) return;
        foreach (var exclusion in terms.DomicileExclusions)
        {
            if (!Territory.Overlaps(exclusion.Value.Code, org.Domicile.Value)) continue;
            var scope = terms.AppliedModelSpecific.Count > 0 ? $" for this model ({string.Join("; ", terms.AppliedModelSpecific)})" : string.Empty;
            add(DiagnosticIds.DomicileExcluded,
                $"{terms.Name} grants no rights{scope} to licensees domiciled in {exclusion.Value.Code}, and the organisation's domicile is {org.Domicile.Value}{QuoteOf(exclusion)}",
                m.Licence!.Location, new[] { ("excluded", exclusion.Value.Code), ("domicile", org.Domicile.Value), ("source", exclusion.SourceUrl ?? string.Empty) });
        }
    }

    private static void CheckDuties(ModelEvaluation eval, Licence terms, bool conditional, string? trigger,
        Action<string, string, SourceLocation, (string, string)[]> add)
    {
        var m = eval.Entry;
        if (terms.Attribution is { } a && (a.Required || conditional))
        {
            var required = conditional ? trigger != null : a.Required;
            var phrase = a.Phrase ?? "attribution";
            var shown = m.Attribution?.Shown?.Value;
            eval.Duties.Add(new DutyStatus("attribution", phrase, a.Where, required, shown));
            if (required && string.IsNullOrWhiteSpace(shown))
            {
                var why = conditional ? $" ({trigger})" : string.Empty;
                add(DiagnosticIds.AttributionNotMet,
                    $"{terms.Name} requires {(a.Phrase is null ? "attribution" : "\"" + a.Phrase + "\"")}{(a.Where is null ? string.Empty : " " + a.Where)}{why}; record where it is shown under attribution.shown of model '{m.Id.Value}'",
                    m.Attribution?.Location ?? m.Id.Location, new[] { ("phrase", phrase), ("where", a.Where ?? string.Empty), ("trigger", trigger ?? string.Empty), ("source", a.Fact.SourceUrl ?? string.Empty) });
            }
        }
        // The notice travels with copies of the weights: a product that only serves the model hands out no copy.
        if (terms.Notice is { Required: true } n && m.DistributesWeights)
        {
            var notice = m.Attribution?.Notice?.Value;
            eval.Duties.Add(new DutyStatus("notice", n.Text ?? "the licence's notice", n.File, true, notice));
            if (string.IsNullOrWhiteSpace(notice))
            {
                add(DiagnosticIds.NoticeNotMet,
                    $"{terms.Name} requires its notice{(n.File is null ? string.Empty : " in a " + n.File + " file")} to travel with the model, and the product distributes its weights ({DistributionReason(m)}); record the file under attribution.notice of model '{m.Id.Value}' (licenceguard report generates MODEL-NOTICES.txt)",
                    m.Attribution?.Location ?? m.Id.Location, new[] { ("notice", n.Text ?? string.Empty), ("source", n.Fact.SourceUrl ?? string.Empty) });
            }
        }
    }

    private static string DistributionReason(ModelEntry m) =>
        m.Distributes != null ? "distributes: true" : $"hosting {m.Hosting?.Mode?.Value ?? "not declared"}; declare distributes: false if the product only serves it";

    private static void CheckPerimeter(ModelEvaluation eval, Organisation org, Action<string, string, SourceLocation, (string, string)[]> add)
    {
        var m = eval.Entry;
        var mustStay = new HashSet<string>(org.Perimeter.MustStayInside.Select(x => x.Value), StringComparer.OrdinalIgnoreCase);
        var sensitive = m.Receives.Where(r => mustStay.Contains(r.Value)).ToList();
        var inside = PerimeterMatcher.IsInside(m, org.Perimeter, out var where);
        if (sensitive.Count == 0)
        {
            eval.Perimeter = new PerimeterVerdict(true, inside ? $"hosted inside ({where})" : $"hosted outside ({where}); receives no data class that must stay inside", new List<string>());
            return;
        }
        if (inside)
        {
            eval.Perimeter = new PerimeterVerdict(true, $"hosted inside ({where})", new List<string>());
            return;
        }
        eval.Perimeter = new PerimeterVerdict(false, $"hosted outside ({where})", sensitive.Select(s => s.Value).ToList());
        var insideList = org.Perimeter.Inside.Count == 0 ? "nothing is declared inside" : "inside is: " + string.Join(", ", org.Perimeter.Inside.Select(i => i.Value));
        foreach (var s in sensitive)
        {
            add(DiagnosticIds.DataPerimeterViolation,
                $"model '{m.Id.Value}' receives '{s.Value}' data, which must stay inside the perimeter, but it is hosted at {where} ({insideList})",
                s.Location, new[] { ("dataClass", s.Value), ("hosting", where), ("inside", string.Join(",", org.Perimeter.Inside.Select(i => i.Value))) });
        }
    }

    private static void CheckCatalogueAge(ModelsManifest manifest, LicenceCatalogue catalogue, PolicyOptions options, List<Finding> findings)
    {
        findings.AddRange(catalogue.Findings);
        if (catalogue.Date is not { } date) return;
        var age = (options.Today - date).TotalDays;
        if (age <= options.CatalogueMaxAgeDays) return;
        var at = manifest.Settings.CatalogueMaxAgeDays?.Location ?? new SourceLocation(manifest.Path, 1, 1);
        findings.Add(Finding.Create(DiagnosticIds.CatalogueStale,
            $"the LicenceGuard licence catalogue is dated {Dates.Day(date)}, {age:0} days ago (allowed: {options.CatalogueMaxAgeDays}): update the LicenceGuard package, licences change",
            at, null, new[] { new KeyValuePair<string, string>("catalogueDate", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) }));
    }

    private static string QuoteOf(Fact<TerritoryExclusion> f) => f.Quote is null ? string.Empty : $" (\"{f.Quote}\")";

    private static string Short(string sha) => sha.Length > 12 ? sha.Substring(0, 12).ToLowerInvariant() + "…" : sha;
}
