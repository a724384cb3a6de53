using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using LicenceGuard.Core;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Weights;
using LicenceGuard.Hardware.Attestation;
using LicenceGuard.Hardware.Cuda;
using LicenceGuard.Hardware.Nvml;
using LicenceGuard.Hardware.Onnx;

namespace LicenceGuard.Hardware.Verb;

/// <summary>
/// <c>verify-hardware [--manifest FILE] [--model ID] [--device N] [--timeout S] [--allow-cpu] [--format json]</c>, the
/// same in <c>licenceguard verify-hardware</c> and <c>licenceguard-hw</c>: for each model with declared weights,
/// uploads the weights to the GPU and checks them there (<see cref="ModelChecker"/>), and writes a hardware attestation
/// to <c>.licenceguard/attestations/&lt;model&gt;.json</c> beside models.yaml, which the build embeds in the
/// compliance manifest. <c>--self-test</c> does the same for a generated sample ONNX model, without a manifest.
/// Exit codes: 0 every check passed, 1 a check failed (no GPU, does not fit, not intact, changed weights), 2 bad input.
/// </summary>
public static class VerifyHardwareVerb
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int BadInput = 2;
    public const string SampleModelId = "licenceguard/sample-add";

    public static Command Create(string tool) =>
        Configure(new Command("verify-hardware", "Upload the declared models' weights to the GPU, check them there, write hardware attestations"), tool);

    /// <summary>Adds the verb's options and action to <paramref name="command"/> (the tool's root command, or the verb).</summary>
    public static Command Configure(Command command, string tool)
    {
        var manifest = new Option<string?>("--manifest", "-m") { Description = "models.yaml (default: ./models.yaml, else the nearest one up the tree)" };
        var model = new Option<string?>("--model") { Description = "check only this model (ID or alias); default: every model with declared weights" };
        var allowCpu = new Option<bool>("--allow-cpu") { Description = "without a GPU, run an ONNX model on the CPU instead (the attestation says so)" };
        var format = new Option<string>("--format") { Description = "text (default) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var device = new Option<int>("--device") { Description = "CUDA device index", DefaultValueFactory = _ => 0 };
        var timeout = new Option<int>("--timeout") { Description = "seconds each model's check may take before it fails (a hung driver or GPU)", DefaultValueFactory = _ => 300 };
        var selfTest = new Option<bool>("--self-test") { Description = "check a generated sample ONNX model instead of models.yaml (is this machine's GPU path working?)" };
        var output = new Option<string?>("--output", "-o") { Description = "attestation folder (default: .licenceguard/attestations beside models.yaml, or under the current folder with --self-test)" };
        foreach (var o in new Option[] { manifest, model, allowCpu, format, device, timeout, selfTest, output }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var seconds = parse.GetValue(timeout);
            if (seconds <= 0)
            {
                Console.Error.WriteLine($"{tool}: --timeout must be a number of seconds above 0");
                return BadInput;
            }
            var settings = new HardwareSettings(tool, parse.GetValue(allowCpu), parse.GetValue(format) == "json", parse.GetValue(device), parse.GetValue(output), TimeSpan.FromSeconds(seconds));
            return parse.GetValue(selfTest) ? SelfTest(settings) : Run(parse.GetValue(manifest), parse.GetValue(model), settings);
        });
        return command;
    }

    private sealed record Outcome(string ModelId, ModelCheck? Check, string? AttestationPath, string? Failure, SourceLocation? Location);

    private static int SelfTest(HardwareSettings settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "licenceguard-self-test-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "sample-add.onnx");
            File.WriteAllBytes(path, OnnxWriter.SampleAddModel());
            var outDir = settings.Output ?? Path.Combine(Directory.GetCurrentDirectory(), ".licenceguard", "attestations");
            var files = new[] { new WeightsToUpload(path, "sample-add.onnx", FileHasher.Sha256(path)) };
            var check = ModelChecker.Run(SampleModelId, files, path, KvCacheBudget.None, settings, GpuProbe.Probe());
            return Report(new[] { Attest(check, outDir, location: null) }, settings);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }
    }

    private static int Run(string? manifestPath, string? modelFilter, HardwareSettings settings)
    {
        var path = manifestPath ?? ManifestLocator.Find(Directory.GetCurrentDirectory());
        if (path is null || !File.Exists(path))
        {
            Console.Error.WriteLine(path is null
                ? $"{settings.Tool}: no models.yaml here or in a parent folder; pass --manifest FILE, or --self-test to check this machine with a sample model"
                : $"{path}: error {DiagnosticIds.ManifestUnreadable}: the file does not exist");
            return BadInput;
        }
        var read = ManifestReader.ReadFile(path);
        if (read.Manifest is null || read.Findings.Any(f => f.Severity == Severity.Error))
        {
            foreach (var f in read.Findings) Console.Error.WriteLine(f.ToMsBuildString());
            return BadInput;
        }
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var models = read.Manifest.Models.Where(m => modelFilter is null || m.AllNames().Any(n => string.Equals(n, modelFilter, StringComparison.OrdinalIgnoreCase))).ToList();
        if (modelFilter != null && models.Count == 0)
        {
            Console.Error.WriteLine($"{path}: error: no model '{modelFilter}' is declared");
            return BadInput;
        }
        var withWeights = models.Where(m => m.Weights.Count > 0).ToList();
        if (withWeights.Count == 0)
        {
            Console.Error.WriteLine(modelFilter != null
                ? $"{models[0].Location}: error: model '{models[0].Id.Value}' declares no weights (weights: - path: …); verify-hardware uploads the declared weights"
                : $"{path}: no model declares weights (weights: - path: …); nothing to load");
            return BadInput;
        }

        var outDir = settings.Output ?? AttestationStore.FolderFor(baseDir);
        var cache = HashCache.Load(Path.Combine(baseDir, ".licenceguard", "weights-cache.json"));
        var nvml = GpuProbe.Probe();
        var outcomes = withWeights.Select(m => CheckDeclared(m, baseDir, cache, settings, nvml, outDir)).ToList();
        cache.Save();
        return Report(outcomes, settings);
    }

    /// <summary>Refuses to attest weights that are missing, unreadable, unsafe or not the pinned ones: the attestation names a hash.</summary>
    private static Outcome CheckDeclared(ModelEntry model, string baseDir, HashCache cache, HardwareSettings settings, GpuProbeResult nvml, string outDir)
    {
        var id = model.Id.Value;
        var files = new List<WeightsToUpload>();
        var inspections = new List<WeightsInspection>();
        string? onnx = null;
        foreach (var file in model.Weights)
        {
            var full = Path.GetFullPath(Path.Combine(baseDir, file.Path.Value));
            var at = file.Path.Location;
            if (!File.Exists(full)) return Refused(id, $"error {DiagnosticIds.WeightsFileMissing}: weights file '{file.Path.Value}' does not exist", at);
            var inspection = WeightsInspector.Inspect(full);
            if (inspection.Unsafe) return Refused(id, $"error {DiagnosticIds.UnsafeWeightsFormat}: '{file.Path.Value}' is {inspection.UnsafeReason}", at);
            if (inspection.Error != null) return Refused(id, $"error {DiagnosticIds.LoadCheckFailed}: '{file.Path.Value}' cannot be loaded: {inspection.Error}", at);
            // A pinned file is hashed before anything is uploaded; every file's SHA-256 is computed again from the bytes uploaded.
            string? sha = null;
            if (file.Sha256?.Value is { } pinned)
            {
                sha = cache.GetSha256(full);
                if (!string.Equals(pinned.Trim(), sha, StringComparison.OrdinalIgnoreCase))
                    return Refused(id, $"error {DiagnosticIds.WeightsHashMismatch}: '{file.Path.Value}' has SHA-256 {sha}, but models.yaml pins {pinned.ToLowerInvariant()}; not attesting other weights", file.Sha256.Location);
            }
            files.Add(new WeightsToUpload(full, file.Path.Value, sha));
            inspections.Add(inspection);
            if (onnx is null && inspection.Format == WeightsFormat.Onnx) onnx = full;
        }
        var check = ModelChecker.Run(id, files, onnx, KvCacheBudget.For(model, inspections), settings, nvml);
        return Attest(check, outDir, model.Weights[0].Path.Location);
    }

    private static Outcome Refused(string id, string failure, SourceLocation at) => new(id, null, null, failure, at);

    private static Outcome Attest(ModelCheck check, string outDir, SourceLocation? location)
    {
        var path = Path.Combine(outDir, AttestationStore.FileName(check.ModelId));
        HardwareAttestation.Write(path, HardwareAttestation.ToJson(check, DateTime.UtcNow));
        return new Outcome(check.ModelId, check, path, check.Passed ? null : $"error {check.DiagnosticId}: {check.Error}", location);
    }

    private static int Report(IReadOnlyList<Outcome> outcomes, HardwareSettings settings)
    {
        if (settings.Json)
        {
            var written = outcomes.Where(o => o.AttestationPath != null).Select(o => File.ReadAllText(o.AttestationPath!)).ToList();
            Console.Out.WriteLine("[");
            for (var i = 0; i < written.Count; i++) Console.Out.WriteLine(written[i] + (i < written.Count - 1 ? "," : string.Empty));
            Console.Out.WriteLine("]");
        }
        foreach (var o in outcomes)
        {
            var where = o.Location is { } l ? l + ": " : string.Empty;
            if (o.Failure != null) Console.Error.WriteLine($"{where}{o.Failure} (model '{o.ModelId}')");
            if (settings.Json || o.Check is null) continue;
            if (o.Check.Passed) Console.Out.WriteLine($"{o.ModelId}: passed on {Summary(o.Check)}");
            foreach (var note in o.Check.Notes) Console.Out.WriteLine($"  note: {note}");
            Console.Out.WriteLine($"  attestation: {o.AttestationPath}");
        }
        return outcomes.All(o => o.Failure is null) ? Clean : Findings;
    }

    /// <summary>One line of what was proven: where, the level, the upload and checksum, the KV cache, the inference.</summary>
    private static string Summary(ModelCheck c)
    {
        var parts = new List<string>();
        if (c.Gpu is { DeviceName: { } name } g)
        {
            parts.Add($"{name} (compute capability {g.ComputeCapability}, CUDA {g.CudaDriverVersion}{(c.Nvml?.DriverVersion is { } dv ? ", driver " + dv : string.Empty)}), level {HardwareAttestation.LevelName(c.Level)}");
            if (g.UploadSeconds is double s)
                parts.Add($"{Bytes(g.UploadedBytes)} read and uploaded in {s.ToString("0.000", CultureInfo.InvariantCulture)} s ({g.UploadGigabytesPerSecond?.ToString("0.00", CultureInfo.InvariantCulture)} GB/s" +
                          (g.PinnedCopyGigabytesPerSecond is double bus ? $"; pinned copies alone {bus.ToString("0.0", CultureInfo.InvariantCulture)} GB/s" : string.Empty) +
                          $"), GPU checksum agrees ({g.ChecksumSeconds?.ToString("0.000", CultureInfo.InvariantCulture)} s)");
            parts.Add(g.KvCacheBytes is long kv ? $"KV cache {Bytes(kv)} allocated" : "KV cache not sized");
            if (g.FreeBytesWithModel is long left) parts.Add($"{Bytes(left)} left free");
        }
        else parts.Add($"the CPU, level {HardwareAttestation.LevelName(c.Level)}");
        if (c.Inference is { Provider: { } provider } i)
            parts.Add($"one inference on {provider} (ONNX Runtime {i.OnnxRuntimeVersion}; load {Ms(i.LoadMilliseconds)}, first inference {Ms(i.FirstInferenceMilliseconds)})");
        return string.Join("; ", parts);
    }

    private static string Bytes(long bytes) => bytes >= 1L << 30 ? MemoryFit.GiB(bytes) : (bytes / (double)(1 << 20)).ToString("0.00", CultureInfo.InvariantCulture) + " MiB";

    private static string Ms(double? ms) => ms is double v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "n/a";
}
