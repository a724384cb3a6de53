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
using LicenceGuard.Runtime.LoadCheck;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// <c>licenceguard verify-hardware [--manifest FILE] [--model ID] [--allow-cpu] [--format json]</c>: loads each
/// declared ONNX model with ONNX Runtime on the GPU, runs one inference and writes a hardware attestation to
/// <c>.licenceguard/attestations/&lt;model&gt;.json</c> beside models.yaml, which the build embeds in the compliance
/// manifest. <c>--self-test</c> does the same for a generated sample model, without a manifest.
/// Exit codes: 0 every check passed, 1 a check failed (no GPU, load failure, changed weights), 2 bad input.
/// </summary>
public static class VerifyHardwareCommand
{
    private const string SampleModelId = "licenceguard/sample-add";

    public static Command Create()
    {
        var manifest = new Option<string?>("--manifest", "-m") { Description = "models.yaml (default: ./models.yaml, else the nearest one up the tree)" };
        var model = new Option<string?>("--model") { Description = "check only this model (ID or alias); default: every model with ONNX weights" };
        var allowCpu = new Option<bool>("--allow-cpu") { Description = "run on the CPU when there is no GPU or no CUDA execution provider (the attestation says so)" };
        var format = new Option<string>("--format") { Description = "text (default) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var device = new Option<int>("--device") { Description = "CUDA device index", DefaultValueFactory = _ => 0 };
        var selfTest = new Option<bool>("--self-test") { Description = "check a generated sample ONNX model instead of models.yaml (is this machine's GPU path working?)" };
        var output = new Option<string?>("--output", "-o") { Description = "attestation folder (default: .licenceguard/attestations beside models.yaml, or the current folder with --self-test)" };
        var command = new Command("verify-hardware", "Load the declared ONNX models on the GPU, run one inference, write hardware attestations")
        {
            manifest, model, allowCpu, format, device, selfTest, output,
        };
        command.SetAction(parse =>
        {
            var options = new Settings(parse.GetValue(allowCpu), parse.GetValue(format) == "json", parse.GetValue(device), parse.GetValue(output));
            return parse.GetValue(selfTest) ? SelfTest(options) : Run(parse.GetValue(manifest), parse.GetValue(model), options);
        });
        return command;
    }

    private sealed record Settings(bool AllowCpu, bool Json, int Device, string? Output);

    private sealed record Outcome(string ModelId, LoadCheckResult? Check, string AttestationJson, string? AttestationPath, string? Failure)
    {
        /// <summary>Where in models.yaml the failure points, when not at the weights path (a hash mismatch points at the pin).</summary>
        public SourceLocation? Location { get; init; }
    }

    private static int SelfTest(Settings settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "licenceguard-self-test-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "sample-add.onnx");
            File.WriteAllBytes(path, OnnxWriter.SampleAddModel());
            var outDir = settings.Output ?? Path.Combine(Directory.GetCurrentDirectory(), ".licenceguard", "attestations");
            var outcome = Check(SampleModelId, path, "sample-add.onnx", FileHasher.Sha256(path), settings, Path.Combine(outDir, AttestationStore.FileName(SampleModelId)));
            return Report(new[] { outcome }, settings, locate: null);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }
    }

    private static int Run(string? manifestPath, string? modelFilter, Settings settings)
    {
        var path = manifestPath ?? ManifestLocator.Find(Directory.GetCurrentDirectory());
        if (path is null || !File.Exists(path))
        {
            Console.Error.WriteLine(path is null
                ? "licenceguard: no models.yaml here or in a parent folder; pass --manifest FILE, or --self-test to check this machine with a sample model"
                : $"{path}: error {DiagnosticIds.ManifestUnreadable}: the file does not exist");
            return ExitCodes.BadInput;
        }
        var read = ManifestReader.ReadFile(path);
        if (read.Manifest is null || read.Findings.Any(f => f.Severity == Severity.Error))
        {
            foreach (var f in read.Findings) Console.Error.WriteLine(f.ToMsBuildString());
            return ExitCodes.BadInput;
        }
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var models = read.Manifest.Models.Where(m => modelFilter is null || m.AllNames().Any(n => string.Equals(n, modelFilter, StringComparison.OrdinalIgnoreCase))).ToList();
        if (modelFilter != null && models.Count == 0)
        {
            Console.Error.WriteLine($"{path}: error: no model '{modelFilter}' is declared");
            return ExitCodes.BadInput;
        }

        var outDir = settings.Output ?? AttestationStore.FolderFor(baseDir);
        var cache = HashCache.Load(Path.Combine(baseDir, ".licenceguard", "weights-cache.json"));
        var outcomes = new List<Outcome>();
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var m in models)
        {
            var onnx = m.Weights.Select(w => (File: w, Full: Path.GetFullPath(Path.Combine(baseDir, w.Path.Value))))
                .FirstOrDefault(w => w.File.Path.Value.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) ||
                                     (File.Exists(w.Full) && WeightsInspector.Inspect(w.Full).Format == WeightsFormat.Onnx));
            if (onnx.File is null)
            {
                if (modelFilter != null)
                {
                    Console.Error.WriteLine($"{m.Location}: error: model '{m.Id.Value}' declares no ONNX weights; verify-hardware loads ONNX models");
                    return ExitCodes.BadInput;
                }
                continue;
            }
            locations[m.Id.Value] = onnx.File.Path.Location;
            outcomes.Add(CheckDeclared(m, onnx.File, onnx.Full, cache, settings, Path.Combine(outDir, AttestationStore.FileName(m.Id.Value))));
        }
        cache.Save();
        if (outcomes.Count == 0)
        {
            Console.Error.WriteLine($"{path}: no model declares ONNX weights (weights: - path: … .onnx); nothing to load");
            return ExitCodes.BadInput;
        }
        return Report(outcomes, settings, id => locations.TryGetValue(id, out var l) ? l : (SourceLocation?)null);
    }

    /// <summary>Refuses to attest weights that are missing, unsafe or not the pinned ones: the attestation names a hash.</summary>
    private static Outcome CheckDeclared(ModelEntry model, WeightsFile file, string full, HashCache cache, Settings settings, string attestationPath)
    {
        var id = model.Id.Value;
        // A FIFO or device would block ONNX Runtime forever: only regular files are loaded.
        if (Core.Files.SafeFile.Refusal(full) is { } refusal) return new Outcome(id, null, string.Empty, null, $"error {DiagnosticIds.WeightsFileMissing}: weights file '{file.Path.Value}': {refusal}");
        var inspection = WeightsInspector.Inspect(full);
        if (inspection.Unsafe) return new Outcome(id, null, string.Empty, null, $"error {DiagnosticIds.UnsafeWeightsFormat}: '{file.Path.Value}' is {inspection.UnsafeReason}");
        var sha = cache.GetSha256(full);
        if (file.Sha256?.Value is { } pinned && !string.Equals(pinned.Trim(), sha, StringComparison.OrdinalIgnoreCase))
            return new Outcome(id, null, string.Empty, null, $"error {DiagnosticIds.WeightsHashMismatch}: '{file.Path.Value}' has SHA-256 {sha}, but models.yaml pins {pinned.ToLowerInvariant()}; not attesting other weights")
            {
                Location = file.Sha256.Location,
            };
        return Check(id, full, file.Path.Value, sha, settings, attestationPath);
    }

    private static Outcome Check(string id, string full, string displayPath, string sha, Settings settings, string attestationPath)
    {
        var check = OnnxLoadCheck.Run(new LoadCheckOptions { ModelPath = full, AllowCpu = settings.AllowCpu, DeviceId = settings.Device });
        var json = HardwareAttestation.ToJson(id, displayPath, sha, check, DateTime.UtcNow);
        HardwareAttestation.Write(attestationPath, json);
        return new Outcome(id, check, json, attestationPath, check.Passed ? null : $"error {check.DiagnosticId}: {check.Error}");
    }

    private static int Report(IReadOnlyList<Outcome> outcomes, Settings settings, Func<string, SourceLocation?>? locate)
    {
        if (settings.Json)
        {
            Console.Out.WriteLine("[");
            var written = outcomes.Where(o => o.AttestationJson.Length > 0).ToList();
            for (var i = 0; i < written.Count; i++) Console.Out.WriteLine(written[i].AttestationJson + (i < written.Count - 1 ? "," : string.Empty));
            Console.Out.WriteLine("]");
        }
        foreach (var o in outcomes)
        {
            var where = (o.Location ?? locate?.Invoke(o.ModelId)) is { } l ? l + ": " : string.Empty;
            if (o.Failure != null) Console.Error.WriteLine($"{where}{o.Failure} (model '{o.ModelId}')");
            if (settings.Json || o.Check is null) continue;
            var c = o.Check;
            if (c.Passed)
            {
                var gpu = c.Provider == OnnxLoadCheck.Cuda && c.Gpu?.Gpus.ElementAtOrDefault(settings.Device) is { } g
                    ? $"{g.Name}, driver {c.Gpu.DriverVersion}, compute capability {g.ComputeCapability}"
                    : "CPU";
                Console.Out.WriteLine($"{o.ModelId}: passed on {c.Provider} ({gpu}); ONNX Runtime {c.OnnxRuntimeVersion}; load {Ms(c.LoadMilliseconds)}, first inference {Ms(c.FirstInferenceMilliseconds)}" +
                    (c.DeviceMemoryUsedBytes is long used ? $", device memory {MemoryFit.GiB(used)}" : string.Empty));
            }
            foreach (var note in c.Notes) Console.Out.WriteLine($"  note: {note}");
            if (o.AttestationPath != null) Console.Out.WriteLine($"  attestation: {o.AttestationPath}");
        }
        return outcomes.All(o => o.Failure is null) ? ExitCodes.Clean : ExitCodes.Findings;
    }

    private static string Ms(double? ms) => ms is double v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "n/a";
}
