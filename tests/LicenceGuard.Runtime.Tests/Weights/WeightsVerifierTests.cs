using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Weights;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Weights;

public sealed class WeightsVerifierTests
{
    private const string Gpus = "gpus:\n  - id: LG-Test-1G\n    vendor: Test\n    memoryBytes: 1000000000\n  - id: LG-Test-80G\n    vendor: Test\n    memoryBytes: 80000000000\n";

    private static (WeightsVerification Result, ModelsManifest Manifest) Run(TempFolder dir, string modelsYaml, string? cachePath = null)
    {
        var gpus = dir.Write("catalogue/gpus.yaml", Gpus);
        var catalogue = CatalogueLoader.Load(new[] { gpus });
        var manifestPath = dir.Write("models.yaml", modelsYaml);
        var read = ManifestReader.ReadFile(manifestPath);
        Assert.NotNull(read.Manifest);
        Assert.DoesNotContain(read.Findings, f => f.Severity == LicenceGuard.Core.Severity.Error);
        return (WeightsVerifier.Verify(read.Manifest!, catalogue, new WeightsVerifierOptions { CachePath = cachePath }), read.Manifest!);
    }

    private static string Yaml(string weights, string target = "") =>
        "models:\n  - id: test/tiny\n    licence: MIT\n" + target + "    weights:\n" + weights + Organisation;

    private const string Organisation = "organisation:\n  name: Test Ltd\n  commercial: true\n";

    [Fact]
    public void PinnedHashMatches_DoesNotTrigger()
    {
        using var dir = new TempFolder();
        var path = dir.Write("w/model.safetensors", TestModels.Safetensors());
        var sha = FileHasher.Sha256(path);

        var (result, _) = Run(dir, Yaml($"      - path: w/model.safetensors\n        sha256: {sha}\n"));

        Assert.Empty(result.Findings);
        using var json = JsonDocument.Parse(result.WeightsJson["w/model.safetensors"]);
        Assert.Equal("safetensors", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(10, json.RootElement.GetProperty("parameterCount").GetInt64());
        Assert.True(json.RootElement.GetProperty("sha256Matches").GetBoolean());
    }

    [Fact]
    public void ChangedWeights_TriggersHashMismatchAtTheShaLine()
    {
        using var dir = new TempFolder();
        dir.Write("model.safetensors", TestModels.Safetensors());

        var (result, _) = Run(dir, Yaml($"      - path: model.safetensors\n        sha256: {new string('a', 64)}\n"));

        var f = Assert.Single(result.Findings);
        Assert.Equal(DiagnosticIds.WeightsHashMismatch, f.Id);
        Assert.Equal(6, f.Location.Line);
        Assert.EndsWith("models.yaml", f.Location.File);
        Assert.Contains(f.Facts, kv => kv.Key == "expected" && kv.Value == new string('a', 64));
    }

    [Fact]
    public void MissingFile_TriggersMissing()
    {
        using var dir = new TempFolder();
        var (result, _) = Run(dir, Yaml("      - path: nowhere.gguf\n"));
        var f = Assert.Single(result.Findings);
        Assert.Equal(DiagnosticIds.WeightsFileMissing, f.Id);
        Assert.Equal(5, f.Location.Line);
    }

    [Fact]
    public void RenamedPickle_TriggersUnsafeFormat()
    {
        using var dir = new TempFolder();
        dir.Write("model.safetensors", TestModels.TorchZip());
        var (result, _) = Run(dir, Yaml("      - path: model.safetensors\n        format: safetensors\n"));

        var f = Assert.Single(result.Findings);
        Assert.Equal(DiagnosticIds.UnsafeWeightsFormat, f.Id);
        Assert.Contains("declared as 'safetensors'", f.Message);
        Assert.Equal(LicenceGuard.Core.Severity.Error, f.Severity);
    }

    [Fact]
    public void CorruptHeader_TriggersHeaderInvalid()
    {
        using var dir = new TempFolder();
        dir.Write("model.gguf", TestModels.Gguf().Take(40).ToArray());
        var (result, _) = Run(dir, Yaml("      - path: model.gguf\n"));
        var f = Assert.Single(result.Findings);
        Assert.Equal(DiagnosticIds.WeightsHeaderInvalid, f.Id);
        Assert.Contains("truncated", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ModelTooLargeForGpu_TriggersDoesNotFitWithTheNumbers()
    {
        using var dir = new TempFolder();
        dir.Write("tiny.gguf", TestModels.Gguf());
        // KV cache: 2 × 2 layers × 2 KV heads × 8 head dim × 2,000,000 tokens × 8 concurrent × 2 bytes = 2,048,000,000 bytes.
        var target = "    target:\n      gpu: LG-Test-1G\n      count: 1\n      contextTokens: 2000000\n      concurrency: 8\n";

        var (result, _) = Run(dir, Yaml("      - path: tiny.gguf\n", target));

        var f = Assert.Single(result.Findings);
        Assert.Equal(DiagnosticIds.DoesNotFitGpu, f.Id);
        Assert.Equal(5, f.Location.Line);   // the target mapping, which starts at its first key
        Assert.Contains("KV cache", f.Message);
        var fit = Assert.Single(result.MemoryFits);
        Assert.Equal(2_048_000_000, fit.KvCacheBytes);
        Assert.Equal(196, fit.WeightsBytes);
        Assert.False(fit.Fits);
        Assert.Contains("exceeds the model's context length", fit.Notes.Single());
    }

    [Fact]
    public void ModelFitsGpu_DoesNotTriggerAndReportsBreakdown()
    {
        using var dir = new TempFolder();
        dir.Write("tiny.gguf", TestModels.Gguf());
        var target = "    target:\n      gpu: LG-Test-80G\n      contextTokens: 128\n";

        var (result, _) = Run(dir, Yaml("      - path: tiny.gguf\n", target));

        Assert.Empty(result.Findings);
        var extras = new ComplianceExtras();
        result.AddTo(extras);
        var json = extras.MemoryFit!.Value;
        var fit = json.GetProperty("test/tiny");
        Assert.True(fit.GetProperty("fits").GetBoolean());
        Assert.Equal(2L * 2 * 2 * 8 * 128 * 2, fit.GetProperty("kvCacheBytes").GetInt64());
        Assert.True(extras.WeightsInspections.ContainsKey("tiny.gguf"));
    }

    [Fact]
    public void PrecisionDeclared_SizesWeightsFromParameters()
    {
        using var dir = new TempFolder();
        dir.Write("model.safetensors", TestModels.Safetensors());
        var target = "    target:\n      gpu: LG-Test-80G\n      precision: fp8\n";

        var (result, _) = Run(dir, Yaml("      - path: model.safetensors\n", target));

        var fit = Assert.Single(result.MemoryFits);
        Assert.Equal(10, fit.WeightsBytes);
        Assert.Null(fit.KvCacheBytes);
    }

    [Fact]
    public void UnknownGpu_TriggersUnknownGpu()
    {
        using var dir = new TempFolder();
        dir.Write("tiny.gguf", TestModels.Gguf());
        var (result, _) = Run(dir, Yaml("      - path: tiny.gguf\n", "    target:\n      gpu: Imaginary-9000\n"));
        var f = Assert.Single(result.Findings);
        Assert.Equal(DiagnosticIds.UnknownGpu, f.Id);
        Assert.Equal(5, f.Location.Line);
    }

    [Fact]
    public void SecondRun_UsesTheCache()
    {
        using var dir = new TempFolder();
        dir.Write("tiny.gguf", TestModels.Gguf());
        var cache = dir.File("obj/weights-cache.json");
        var yaml = Yaml("      - path: tiny.gguf\n");

        Assert.Equal(1, Run(dir, yaml, cache).Result.FilesHashed);
        Assert.Equal(0, Run(dir, yaml, cache).Result.FilesHashed);
    }

    [Fact]
    public void MissingExternalData_TriggersMissing()
    {
        using var dir = new TempFolder();
        var tensor = new LicenceGuard.Hardware.Onnx.OnnxWriter().Varint(1, 4).Varint(2, 1).String(8, "w")
            .Message(13, new LicenceGuard.Hardware.Onnx.OnnxWriter().String(1, "location").String(2, "model.onnx.data")).Varint(14, 1);
        dir.Write("model.onnx", new LicenceGuard.Hardware.Onnx.OnnxWriter().Varint(1, 8).Message(7, new LicenceGuard.Hardware.Onnx.OnnxWriter().Message(5, tensor)).ToArray());

        var (result, _) = Run(dir, Yaml("      - path: model.onnx\n"));

        var f = Assert.Single(result.Findings);
        Assert.Equal(DiagnosticIds.WeightsFileMissing, f.Id);
        Assert.Contains("model.onnx.data", f.Message);
    }
}
