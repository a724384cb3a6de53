using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Runtime.Hardware;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace LicenceGuard.Runtime.LoadCheck;

/// <summary>
/// Loads an ONNX model with ONNX Runtime on the GPU (CUDA execution provider), or on the CPU only when explicitly
/// allowed, runs one inference on zero-filled inputs of the model's declared shapes (symbolic dimensions → 1) and
/// records load time, first-inference latency and the GPU memory it took. Never throws for a bad model or a missing
/// GPU: the result says what failed (LG2007, LG2008).
/// </summary>
public static class OnnxLoadCheck
{
    public const string Cuda = "CUDAExecutionProvider";
    public const string Cpu = "CPUExecutionProvider";

    public static LoadCheckResult Run(LoadCheckOptions options)
    {
        var result = new LoadCheckResult { ModelPath = options.ModelPath };
        result.Gpu = GpuProbe.Probe(options.ProbeTimeout);
        try
        {
            var env = OrtEnv.Instance();
            result.OnnxRuntimeVersion = env.GetVersionString();
            result.AvailableProviders.AddRange(env.GetAvailableProviders());
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or EntryPointNotFoundException or OnnxRuntimeException)
        {
            return Fail(result, DiagnosticIds.LoadCheckFailed, $"ONNX Runtime's native library could not be loaded: {ex.GetBaseException().Message}");
        }

        var useCuda = true;
        if (!result.Gpu.Available)
        {
            if (!options.AllowCpu) return Fail(result, DiagnosticIds.NoGpu, $"no GPU: {result.Gpu.Reason}; pass --allow-cpu to check the model on the CPU instead");
            result.Notes.Add($"no GPU ({result.Gpu.Reason}); checked on the CPU because that was allowed");
            useCuda = false;
        }
        else if (!result.AvailableProviders.Contains(Cuda))
        {
            const string missing = "this ONNX Runtime build has no CUDA execution provider (reference Microsoft.ML.OnnxRuntime.Gpu.Linux or .Gpu.Windows instead of the CPU package)";
            if (!options.AllowCpu) return Fail(result, DiagnosticIds.LoadCheckFailed, missing);
            result.Notes.Add(missing + "; checked on the CPU because that was allowed");
            useCuda = false;
        }

        if (useCuda)
        {
            var error = TryLoadAndRun(options, result, cuda: true);
            if (error is null) return Pass(result);
            if (!options.AllowCpu) return Fail(result, DiagnosticIds.LoadCheckFailed, error);
            result.Notes.Add($"the CUDA execution provider failed ({error}); checked on the CPU because that was allowed");
        }
        var cpuError = TryLoadAndRun(options, result, cuda: false);
        return cpuError is null ? Pass(result) : Fail(result, DiagnosticIds.LoadCheckFailed, cpuError);
    }

    private static string? TryLoadAndRun(LoadCheckOptions options, LoadCheckResult result, bool cuda)
    {
        // The session runs on a pool thread so that a hung CUDA initialisation cannot hang the caller; on timeout that
        // thread is abandoned (the process is about to report and exit anyway).
        var task = System.Threading.Tasks.Task.Run(() => LoadAndRun(options, result, cuda));
        return task.Wait(options.Timeout)
            ? task.Result
            : $"{(cuda ? "CUDA" : "CPU")} load and first inference did not finish within {options.Timeout.TotalSeconds:0} s";
    }

    private static string? LoadAndRun(LoadCheckOptions options, LoadCheckResult result, bool cuda)
    {
        result.Inputs.Clear();
        result.Outputs.Clear();
        var before = cuda ? GpuProbe.Memory(options.DeviceId, options.ProbeTimeout) : null;
        try
        {
            using var sessionOptions = new SessionOptions();
            if (cuda) sessionOptions.AppendExecutionProvider_CUDA(options.DeviceId);
            var clock = Stopwatch.StartNew();
            using var session = new InferenceSession(options.ModelPath, sessionOptions);
            result.LoadMilliseconds = clock.Elapsed.TotalMilliseconds;

            var names = new List<string>();
            var values = new List<OrtValue>();
            try
            {
                foreach (var (name, meta) in session.InputMetadata)
                {
                    if (!meta.IsTensor) return $"input '{name}' is a {meta.OnnxValueType}, not a tensor; LicenceGuard generates tensor inputs only";
                    var shape = meta.Dimensions.Select(d => d < 0 ? 1L : d).ToArray();
                    names.Add(name);
                    values.Add(ZeroTensor(meta.ElementDataType, shape));
                    result.Inputs.Add(new TensorDescription(name, meta.ElementDataType.ToString(), shape));
                }
                clock.Restart();
                using var outputs = session.Run(new RunOptions(), names, values, session.OutputNames);
                result.FirstInferenceMilliseconds = clock.Elapsed.TotalMilliseconds;
                var outputNames = session.OutputNames.ToList();
                var i = 0;
                foreach (var output in outputs)
                {
                    var name = i < outputNames.Count ? outputNames[i] : "output" + i;
                    i++;
                    if (!output.IsTensor) continue;
                    var info = output.GetTensorTypeAndShape();
                    result.Outputs.Add(new TensorDescription(name, info.ElementDataType.ToString(), info.Shape));
                }
            }
            finally
            {
                foreach (var v in values) v.Dispose();
            }
            if (cuda)
            {
                var after = GpuProbe.Memory(options.DeviceId, options.ProbeTimeout);
                result.DeviceFreeBytesBefore = before?.Free;
                result.DeviceFreeBytesAfter = after?.Free;
            }
            result.Provider = cuda ? Cuda : Cpu;
            return null;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or NotSupportedException or ArgumentException or InvalidOperationException or EntryPointNotFoundException or DllNotFoundException)
        {
            return $"{(cuda ? "CUDA" : "CPU")} load or run failed: {ex.Message}";
        }
    }

    private static OrtValue ZeroTensor(TensorElementType type, long[] shape)
    {
        if (type == TensorElementType.String) return OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, type, shape);
        // Zeros are valid for every numeric type and are in range as indices (token ids, positions) too.
        value.GetTensorMutableRawData().Clear();
        return value;
    }

    private static LoadCheckResult Pass(LoadCheckResult result)
    {
        result.Passed = true;
        return result;
    }

    private static LoadCheckResult Fail(LoadCheckResult result, string id, string error)
    {
        result.Passed = false;
        result.DiagnosticId = id;
        result.Error = error;
        return result;
    }
}
