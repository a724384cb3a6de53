using Microsoft.CodeAnalysis;
using DiagnosticIds = LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Analyzers.Rules;

/// <summary>LG0004: a pickle-based model file (.bin, .pt, .pth, .ckpt), which runs code when it is loaded.</summary>
internal static class UnsafeModelFileRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.UnsafeModelFile,
        "Model file format can execute code when loaded",
        "'{0}' is a pickle-based model file, which can execute code when it is loaded; use a .safetensors, .onnx or .gguf file",
        RuleHelp.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Pickle-based weights (PyTorch .bin, .pt, .pth, .ckpt) run arbitrary code when deserialised.");
}
