namespace LicenceGuard.Core.Weights;

/// <summary>What a weights file is, decided by its content (never by its extension alone).</summary>
public enum WeightsFormat
{
    Unknown = 0,
    Safetensors,
    Gguf,
    Onnx,
    /// <summary>Python pickle, raw (protocol 2+) or inside a zip (PyTorch's torch.save format): loading it runs code.</summary>
    Pickle,
}

public static class WeightsFormatNames
{
    /// <summary>The name printed by <c>licenceguard inspect</c> and written into the compliance manifest.</summary>
    public static string ToName(this WeightsFormat format) => format switch
    {
        WeightsFormat.Safetensors => "safetensors",
        WeightsFormat.Gguf => "gguf",
        WeightsFormat.Onnx => "onnx",
        WeightsFormat.Pickle => "pickle",
        _ => "unknown",
    };
}
