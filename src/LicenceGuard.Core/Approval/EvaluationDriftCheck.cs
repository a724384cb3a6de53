using System;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.Approval;

/// <summary>
/// A model's last evaluation records what it ran on (revision, quantisation, runtime). When the model now runs on
/// something else and no newer evaluation says how it scores there, quality may have drifted: LG1202 at the
/// evaluation record, naming each difference.
/// </summary>
public static class EvaluationDriftCheck
{
    /// <param name="runtimes">The runtime each model was last attested on ("onnxruntime 1.31.1"), by model ID.</param>
    public static void AddTo(EvaluationResult result, IReadOnlyDictionary<string, string>? runtimes = null)
    {
        foreach (var model in result.Models)
        {
            string? runtime = null;
            runtimes?.TryGetValue(model.Entry.Id.Value, out runtime);
            var finding = Check(model.Entry, runtime);
            if (finding is null) continue;
            model.Findings.Add(finding);
            model.Findings.Sort(FindingOrder.Instance);
            result.Findings.Add(finding);
        }
        result.Findings.Sort(FindingOrder.Instance);
    }

    public static Finding? Check(ModelEntry entry, string? currentRuntime = null)
    {
        if (entry.Evaluations.Count == 0) return null;
        // The newest dated record; among equal dates the one written last, which is how people append.
        var last = entry.Evaluations
            .Select((e, i) => (e, i))
            .OrderBy(x => x.e.On?.Value ?? DateTime.MinValue).ThenBy(x => x.i)
            .Last().e;

        var differences = new List<string>();
        var facts = new List<KeyValuePair<string, string>>();
        Compare("revision", last.Revision?.Value, entry.Revision?.Value, differences, facts);
        Compare("quantisation", last.Quantisation?.Value, entry.Target?.Precision?.Value, differences, facts);
        if (SameRuntimeName(last.Runtime?.Value, currentRuntime)) Compare("runtime", last.Runtime?.Value, currentRuntime, differences, facts);
        if (differences.Count == 0) return null;

        var when = last.On is null ? "the last evaluation" : $"the last evaluation ({Dates.Day(last.On.Value)}{(last.Dataset is null ? string.Empty : ", " + last.Dataset.Value)}{(last.Score is null ? string.Empty : ", score " + last.Score.Value)})";
        return Finding.Create(DiagnosticIds.EvaluationDrift,
            $"'{entry.Id.Value}' changed since {when}: {string.Join("; ", differences)}; quality may have drifted: evaluate again and add the record to 'evaluations'",
            last.Location.IsNone ? entry.Id.Location : last.Location, entry.Id.Value, facts);
    }

    /// <summary>
    /// models.yaml has no runtime of its own; the current one comes from the hardware attestation, which checks one
    /// runtime (ONNX Runtime). Only a different version of the same runtime is a change: an evaluation on another
    /// runtime says nothing about the attested one.
    /// </summary>
    private static bool SameRuntimeName(string? evaluated, string? current)
    {
        if (evaluated is null || current is null) return false;
        static string Name(string s) => s.Trim().Split(new[] { ' ', '/', '@', '=' }, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant() ?? string.Empty;
        return Name(evaluated) == Name(current);
    }

    private static void Compare(string what, string? evaluated, string? current, List<string> differences, List<KeyValuePair<string, string>> facts)
    {
        if (evaluated is null || current is null) return;
        if (string.Equals(evaluated.Trim(), current.Trim(), StringComparison.OrdinalIgnoreCase)) return;
        differences.Add($"{what} is {current}, evaluated on {evaluated}");
        facts.Add(new KeyValuePair<string, string>(what, current));
        facts.Add(new KeyValuePair<string, string>("evaluated" + char.ToUpperInvariant(what[0]) + what.Substring(1), evaluated));
    }
}
