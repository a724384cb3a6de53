using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace LicenceGuard.Hardware.Onnx;

/// <summary>
/// Loads an ONNX model with ONNX Runtime on the CUDA execution provider (or the CPU when asked), runs one inference on
/// zero-filled inputs of the model's declared shapes (symbolic dimensions → 1) and records load time and
/// first-inference latency. Only the managed API ships with LicenceGuard: where ONNX Runtime's native library (or its
/// CUDA provider) is not installed, the result says the inference was unavailable. Never throws for a bad model.
/// </summary>
public static class OnnxLoadCheck
{
    public const string CudaProvider = "CUDAExecutionProvider";
    public const string CpuProvider = "CPUExecutionProvider";

    public static LoadCheckResult Run(LoadCheckOptions options)
    {
        var result = new LoadCheckResult { ModelPath = options.ModelPath };
        try
        {
            var env = OrtEnv.Instance();
            result.OnnxRuntimeVersion = env.GetVersionString();
            result.AvailableProviders.AddRange(env.GetAvailableProviders());
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or EntryPointNotFoundException or OnnxRuntimeException or BadImageFormatException)
        {
            result.Unavailable = ex.GetBaseException() is DllNotFoundException
                ? "ONNX Runtime's native library (libonnxruntime.so, onnxruntime.dll) is not installed here; put it on the library path to run one inference"
                : $"ONNX Runtime's native library could not be used: {ex.GetBaseException().Message}";
            return result;
        }
        if (options.Cuda && !result.AvailableProviders.Contains(CudaProvider))
        {
            result.Unavailable = $"this ONNX Runtime {result.OnnxRuntimeVersion} has no CUDA execution provider (providers: {string.Join(", ", result.AvailableProviders)}); install ONNX Runtime's GPU build to run one inference on the GPU";
            return result;
        }
        result.Error = TryLoadAndRun(options, result, options.Cuda);
        result.Passed = result.Error is null;
        return result;
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
            result.Provider = cuda ? CudaProvider : CpuProvider;
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
}
