using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// The build gate's weights checks, for every <c>weights:</c> entry in models.yaml: the file exists (LG2002), is not a
/// format that runs code (LG2003), has a readable header (LG2006) and matches its pinned SHA-256 (LG2001); and for
/// every model with a <c>target:</c>, that it fits the GPUs (LG2004) named in the catalogue (LG2005 when unknown).
/// Pure managed code with no native dependencies: safe inside MSBuild on .NET Framework and .NET.
/// </summary>
public static class WeightsVerifier
{

    public static WeightsVerification Verify(ModelsManifest manifest, LicenceCatalogue catalogue, WeightsVerifierOptions? options = null)
    {
        options ??= new WeightsVerifierOptions();
        var result = new WeightsVerification();
        var baseDir = options.BaseDirectory ?? (string.IsNullOrEmpty(manifest.Path) ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(manifest.Path)) ?? ".");
        var cache = HashCache.Load(options.CachePath);
        foreach (var model in manifest.Models)
        {
            var inspections = new List<WeightsInspection>();
            // A model named nuget:<Package> declares a file shipped inside a NuGet package: its path is inside the
            // package, not beside models.yaml, and the dependency audit (LG1103) is what checks it.
            var insidePackage = model.Id.Value.StartsWith(Dependencies.ModelFileCoverage.Scheme, StringComparison.OrdinalIgnoreCase);
            foreach (var file in insidePackage ? Enumerable.Empty<WeightsFile>() : model.Weights)
            {
                var inspection = VerifyFile(model, file, baseDir, cache, options, result);
                if (inspection != null) inspections.Add(inspection);
            }
            CheckFit(model, inspections, catalogue, options, result);
        }
        result.FilesHashed = cache.Computed;
        cache.Save();
        return result;
    }

    private static WeightsInspection? VerifyFile(ModelEntry model, WeightsFile file, string baseDir, HashCache cache, WeightsVerifierOptions options, WeightsVerification result)
    {
        var id = model.Id.Value;
        var declared = file.Path.Value;
        string full;
        try { full = Path.GetFullPath(Path.Combine(baseDir, declared)); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            result.Findings.Add(Finding.Create(DiagnosticIds.WeightsFileMissing, $"weights path '{declared}' of model '{id}' is not a valid path: {ex.Message}", file.Path.Location, id));
            return null;
        }
        var kind = FileStatus.Of(full).Kind;
        if (kind != FileKind.Regular)
        {
            // A FIFO or /dev/zero would block or never end: only regular files are inspected and hashed.
            var what = kind == FileKind.Missing ? $"does not exist (looked for {full})" : $"is not a regular file: {SafeFile.Refusal(full)}";
            result.Findings.Add(Finding.Create(DiagnosticIds.WeightsFileMissing, $"weights file '{declared}' of model '{id}' {what}", file.Path.Location, id,
                Facts(("path", full))));
            return null;
        }

        if (!result.Inspections.TryGetValue(full, out var inspection))
        {
            inspection = WeightsInspector.Inspect(full);
            result.Inspections[full] = inspection;
        }
        if (inspection.Error != null)
            result.Findings.Add(Finding.Create(DiagnosticIds.WeightsHeaderInvalid, $"weights file '{declared}' of model '{id}': {inspection.Error}", file.Path.Location, id,
                Facts(("path", full), ("format", inspection.Format.ToName()))));
        if (inspection.Unsafe)
        {
            var declaredFormat = file.Format?.Value ?? Path.GetExtension(declared).TrimStart('.');
            result.Findings.Add(Finding.Create(DiagnosticIds.UnsafeWeightsFormat,
                $"weights file '{declared}' of model '{id}' is {inspection.UnsafeReason}" + (string.IsNullOrEmpty(declaredFormat) ? string.Empty : $" (declared as '{declaredFormat}')"),
                file.Path.Location, id, Facts(("path", full), ("format", inspection.Format.ToName()))));
        }
        foreach (var ext in inspection.ExternalDataFiles)
        {
            var extPath = Path.Combine(Path.GetDirectoryName(full)!, ext);
            if (!File.Exists(extPath))
                result.Findings.Add(Finding.Create(DiagnosticIds.WeightsFileMissing, $"ONNX model '{declared}' of model '{id}' keeps tensors in '{ext}', which does not exist", file.Path.Location, id,
                    Facts(("path", extPath))));
        }

        var pinned = file.Sha256?.Value.Trim();
        if (pinned != null || options.HashUnpinned)
        {
            try { inspection.Sha256 = cache.GetSha256(full); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                result.Findings.Add(Finding.Create(DiagnosticIds.WeightsFileMissing, $"weights file '{declared}' of model '{id}' cannot be read: {ex.Message}", file.Path.Location, id));
            }
        }
        if (pinned != null && inspection.Sha256 != null && !string.Equals(pinned, inspection.Sha256, StringComparison.OrdinalIgnoreCase))
            result.Findings.Add(Finding.Create(DiagnosticIds.WeightsHashMismatch,
                $"weights file '{declared}' of model '{id}' has SHA-256 {inspection.Sha256}, but models.yaml pins {pinned.ToLowerInvariant()}: these are not the weights that were reviewed",
                file.Sha256!.Location, id, Facts(("path", full), ("expected", pinned.ToLowerInvariant()), ("actual", inspection.Sha256))));

        result.WeightsJson[declared] = WeightsJsonWriter.Inspection(inspection, declared, pinned);
        return inspection;
    }

    private static void CheckFit(ModelEntry model, List<WeightsInspection> inspections, LicenceCatalogue catalogue, WeightsVerifierOptions options, WeightsVerification result)
    {
        var target = model.Target;
        if (target?.Gpu is null) return;
        var id = model.Id.Value;
        var gpu = catalogue.FindGpu(target.Gpu.Value);
        if (gpu is null || gpu.MemoryBytes <= 0)
        {
            result.Findings.Add(Finding.Create(DiagnosticIds.UnknownGpu,
                $"target GPU '{target.Gpu.Value}' of model '{id}' is not in the GPU catalogue (rules/gpus.yaml), so its memory fit cannot be checked; add it to an organisation catalogue file",
                target.Gpu.Location, id));
            return;
        }
        var readable = inspections.Where(i => i.IsReadable && !i.Unsafe).ToList();
        if (readable.Count == 0) return;

        var shape = new ModelShape();
        foreach (var i in readable) shape.FillFrom(i.Shape);
        var count = target.Count?.Value ?? 1;
        var fit = MemoryFit.Compute(id, gpu.Id, gpu.MemoryBytes, count, target.Precision?.Value, target.ContextTokens?.Value,
            target.Concurrency?.Value ?? 1, readable.Sum(i => i.ParameterCount), readable.Sum(i => i.TensorBytes), shape, options.MemoryFit);
        result.MemoryFits.Add(fit);
        if (!fit.Fits)
            result.Findings.Add(Finding.Create(DiagnosticIds.DoesNotFitGpu, $"model '{id}' does not fit its target: it {fit.Describe()}", target.Location, id,
                Facts(("requiredBytes", Num(fit.RequiredBytes)), ("availableBytes", Num(fit.AvailableBytes)), ("weightsBytes", Num(fit.WeightsBytes)),
                    ("kvCacheBytes", fit.KvCacheBytes is long kv ? Num(kv) : "not counted"), ("overheadBytes", Num(fit.OverheadBytes)), ("gpu", $"{count} × {gpu.Id}"))));
    }

    private static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<KeyValuePair<string, string>> Facts(params (string Key, string Value)[] facts) =>
        facts.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
}
