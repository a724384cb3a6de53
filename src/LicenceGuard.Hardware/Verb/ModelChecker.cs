using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Weights;
using LicenceGuard.Hardware.Cuda;
using LicenceGuard.Hardware.Nvml;
using LicenceGuard.Hardware.Onnx;

namespace LicenceGuard.Hardware.Verb;

/// <summary>
/// Checks one model: the CUDA driver check first (fits → weights resident), then, for ONNX weights, one inference
/// with ONNX Runtime on the GPU where its library and CUDA provider are installed (inference ran). Without a GPU,
/// <c>--allow-cpu</c> runs that inference on the CPU instead (the attestation says so, at level none).
/// </summary>
internal static class ModelChecker
{
    public static ModelCheck Run(string modelId, IReadOnlyList<WeightsToUpload> files, string? onnxPath, KvCacheBudget kv, HardwareSettings settings, GpuProbeResult nvml)
    {
        var check = new ModelCheck(modelId, settings.Tool, files) { Nvml = nvml };
        check.Notes.AddRange(kv.Notes);
        var gpu = CudaLoadCheck.Run(new CudaCheckOptions
        {
            Device = settings.Device,
            Files = files,
            KvCacheBytes = kv.Bytes,
            KvCacheFormula = kv.Formula,
            Timeout = settings.Timeout,
        });
        check.Gpu = gpu;
        check.Level = gpu.Level;
        if (gpu.DiagnosticId == DiagnosticIds.NoGpu)
        {
            if (settings.AllowCpu && onnxPath != null)
            {
                check.Notes.Add($"no GPU ({gpu.Error}); the model ran on the CPU because that was allowed");
                // Nothing was uploaded, so nothing hashed the files on the way: the attestation still names the weights.
                check.Files = files.Select(f => f with { ExpectedSha256 = f.ExpectedSha256 ?? FileHasher.Sha256(f.FullPath) }).ToList();
                return Infer(check, onnxPath, cuda: false, settings);
            }
            return check.Fail(DiagnosticIds.NoGpu, $"no GPU: {gpu.Error}" + (onnxPath != null ? "; pass --allow-cpu to run the model on the CPU instead" : string.Empty));
        }
        if (!gpu.Passed) return check.Fail(gpu.DiagnosticId!, gpu.Error!);
        if (onnxPath is null)
        {
            check.Notes.Add("no inference run: the weights are not ONNX; the check proves that they fit the GPU and land on it intact");
            return check;
        }
        return Infer(check, onnxPath, cuda: true, settings);
    }

    private static ModelCheck Infer(ModelCheck check, string onnxPath, bool cuda, HardwareSettings settings)
    {
        var inference = OnnxLoadCheck.Run(new LoadCheckOptions { ModelPath = onnxPath, Cuda = cuda, DeviceId = settings.Device, Timeout = settings.Timeout });
        check.Inference = inference;
        if (inference.Unavailable is { } why)
        {
            if (!cuda) return check.Fail(DiagnosticIds.LoadCheckFailed, why);
            check.Notes.Add("no inference run: " + why);
            return check;
        }
        if (!inference.Passed) return check.Fail(DiagnosticIds.LoadCheckFailed, inference.Error!);
        if (cuda) check.Level = LoadLevel.InferenceRan;
        return check;
    }
}
