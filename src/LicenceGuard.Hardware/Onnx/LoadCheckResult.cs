using System.Collections.Generic;

namespace LicenceGuard.Hardware.Onnx;

/// <summary>What happened when ONNX Runtime loaded the model and ran it once: the inference part of the attestation.</summary>
public sealed class LoadCheckResult
{
    public string ModelPath { get; init; } = string.Empty;
    public bool Passed { get; internal set; }
    /// <summary>Why no inference could be tried at all (ONNX Runtime's library absent, no CUDA execution provider); not a failure of the model.</summary>
    public string? Unavailable { get; internal set; }
    public string? Error { get; internal set; }
    /// <summary>The execution provider the session ran on: CUDAExecutionProvider or CPUExecutionProvider.</summary>
    public string? Provider { get; internal set; }
    public string? OnnxRuntimeVersion { get; internal set; }
    public List<string> AvailableProviders { get; } = new();
    public double? LoadMilliseconds { get; internal set; }
    public double? FirstInferenceMilliseconds { get; internal set; }
    public List<TensorDescription> Inputs { get; } = new();
    public List<TensorDescription> Outputs { get; } = new();
}

public sealed class TensorDescription
{
    public TensorDescription(string name, string elementType, long[] shape)
    {
        Name = name;
        ElementType = elementType;
        Shape = shape;
    }

    public string Name { get; }
    public string ElementType { get; }
    public long[] Shape { get; }
}
