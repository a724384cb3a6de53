using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Weights;

namespace LicenceGuard.Hardware.Verb;

/// <summary>
/// The KV cache the manifest's <c>target</c> needs, by the same formula as the build's memory-fit check
/// (<see cref="MemoryFit"/>): 2 × layers × KV heads × head dim × contextTokens × concurrency × element bytes.
/// </summary>
public sealed record KvCacheBudget(long? Bytes, string? Formula, IReadOnlyList<string> Notes)
{
    public static readonly KvCacheBudget None = new(null, null, new[] { "KV cache not allocated: the model declares no target" });

    public static KvCacheBudget For(ModelEntry model, IReadOnlyList<WeightsInspection> inspections)
    {
        var target = model.Target;
        if (target is null) return None;
        var shape = new ModelShape();
        foreach (var i in inspections) shape.FillFrom(i.Shape);
        var count = target.Count?.Value ?? 1;
        var fit = MemoryFit.Compute(model.Id.Value, target.Gpu?.Value ?? "this GPU", 0, count, target.Precision?.Value, target.ContextTokens?.Value,
            target.Concurrency?.Value ?? 1, inspections.Sum(i => i.ParameterCount), inspections.Sum(i => i.TensorBytes), shape, new MemoryFitOptions());
        var notes = fit.Notes.ToList();
        if (count > 1)
            notes.Add($"target.count is {count}: this check puts all the weights and the whole KV cache on one GPU, so a model that needs {count} GPUs fails it");
        return new KvCacheBudget(fit.KvCacheBytes, fit.KvCacheFormula, notes);
    }
}
