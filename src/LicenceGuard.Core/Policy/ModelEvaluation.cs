using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Policy;

/// <summary>Everything the evaluation learned about one declared model.</summary>
public sealed class ModelEvaluation
{
    public ModelEvaluation(ModelEntry entry) => Entry = entry;

    public ModelEntry Entry { get; }
    public ModelMatch? Match { get; internal set; }
    /// <summary>The licence's effective terms for this model (model-specific clauses merged), when known.</summary>
    public Licence? Terms { get; internal set; }
    public List<ThresholdCheck> Thresholds { get; } = new();
    public PerimeterVerdict Perimeter { get; internal set; } = new(true, "receives no data class that must stay inside", new List<string>());
    public List<DutyStatus> Duties { get; } = new();
    public List<Finding> Findings { get; } = new();

    /// <summary>From the unwaived findings.</summary>
    public Verdict Verdict =>
        Findings.Any(f => f.EffectiveSeverity == Severity.Error) ? Verdict.Fail :
        Findings.Any(f => f.EffectiveSeverity == Severity.Warning) ? Verdict.Warn : Verdict.Pass;
}

/// <summary>A licence threshold against the company's figure.</summary>
public sealed class ThresholdCheck
{
    public ThresholdCheck(Threshold threshold, decimal? figure, string? figureNote, ThresholdStatus status, bool noExchangeRate = false)
    {
        Threshold = threshold;
        Figure = figure;
        FigureNote = figureNote;
        Status = status;
        NoExchangeRate = noExchangeRate;
    }

    public Threshold Threshold { get; }
    /// <summary>The company's figure in the threshold's unit and currency; null when not reported.</summary>
    public decimal? Figure { get; }
    public string? FigureNote { get; }
    public ThresholdStatus Status { get; }

    /// <summary>The figure is in another currency and models.yaml declares no rate to convert it (LG1008, not LG1002).</summary>
    public bool NoExchangeRate { get; }

    /// <summary>How far below the threshold the company is, in percent of the threshold (negative when over).</summary>
    public double? HeadroomPercent => Figure is null || Threshold.Value == 0 ? null : (double)((Threshold.Value - Figure.Value) / Threshold.Value * 100m);
}

public sealed class PerimeterVerdict
{
    public PerimeterVerdict(bool ok, string reason, List<string> dataClassesOutside)
    {
        Ok = ok;
        Reason = reason;
        DataClassesOutside = dataClassesOutside;
    }

    public bool Ok { get; }
    public string Reason { get; }
    public List<string> DataClassesOutside { get; }
}

/// <summary>An attribution or notice duty and whether the manifest says how it is met.</summary>
public sealed class DutyStatus
{
    public DutyStatus(string kind, string text, string? where, bool required, string? metBy)
    {
        Kind = kind;
        Text = text;
        Where = where;
        Required = required;
        MetBy = metBy;
    }

    /// <summary>attribution | notice.</summary>
    public string Kind { get; }
    public string Text { get; }
    public string? Where { get; }
    public bool Required { get; }
    public string? MetBy { get; }
    public bool Met => !Required || !string.IsNullOrWhiteSpace(MetBy);
}
