using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using LicenceGuard.Core.Weights;
using LicenceGuard.Hardware.Attestation;
using LicenceGuard.Hardware.Cuda;
using LicenceGuard.Hardware.Onnx;
using LicenceGuard.Hardware.Verb;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Hardware;

/// <summary>The inference level, with ONNX Runtime's CPU build (the test project references its native library).</summary>
public sealed class OnnxLoadCheckTests
{
    [Fact]
    public void SampleModel_OnTheCpu_RunsOneRealInference()
    {
        using var dir = new TempFolder();
        var path = dir.Write("sample.onnx", OnnxWriter.SampleAddModel(width: 4));

        var result = OnnxLoadCheck.Run(new LoadCheckOptions { ModelPath = path, Cuda = false });

        Assert.True(result.Passed, result.Error);
        Assert.Null(result.Unavailable);
        Assert.Equal(OnnxLoadCheck.CpuProvider, result.Provider);
        Assert.NotNull(result.LoadMilliseconds);
        Assert.NotNull(result.FirstInferenceMilliseconds);
        Assert.False(string.IsNullOrEmpty(result.OnnxRuntimeVersion));
        var input = Assert.Single(result.Inputs);
        Assert.Equal(new long[] { 1, 4 }, input.Shape);   // symbolic "batch" → 1
        var output = Assert.Single(result.Outputs);
        Assert.Equal("y", output.Name);
        Assert.Equal(new long[] { 1, 4 }, output.Shape);
    }

    [Fact]
    public void CudaAsked_OfACpuOnlyOnnxRuntime_IsUnavailable_NotAFailureOfTheModel()
    {
        using var dir = new TempFolder();
        var path = dir.Write("sample.onnx", OnnxWriter.SampleAddModel());

        var result = OnnxLoadCheck.Run(new LoadCheckOptions { ModelPath = path, Cuda = true });

        Assert.False(result.Passed);
        Assert.Null(result.Error);
        Assert.Contains("no CUDA execution provider", result.Unavailable);
        Assert.Contains(OnnxLoadCheck.CpuProvider, result.AvailableProviders);
    }

    [Fact]
    public void CorruptModel_FailsCleanly()
    {
        using var dir = new TempFolder();
        var path = dir.Write("broken.onnx", OnnxWriter.SampleAddModel().Take(30).ToArray());

        var result = OnnxLoadCheck.Run(new LoadCheckOptions { ModelPath = path, Cuda = false });

        Assert.False(result.Passed);
        Assert.Contains("load or run failed", result.Error);
    }

    [Fact]
    public void Attestation_RecordsModelHashRuntimeAndTimings_AndIsWrittenAtomically()
    {
        using var dir = new TempFolder();
        var path = dir.Write("sample.onnx", OnnxWriter.SampleAddModel());
        var sha = FileHasher.Sha256(path);
        var check = new ModelCheck("org/sample", "licenceguard", new[] { new WeightsToUpload(path, "models/sample.onnx", sha) })
        {
            Inference = OnnxLoadCheck.Run(new LoadCheckOptions { ModelPath = path, Cuda = false }),
        };

        var json = HardwareAttestation.ToJson(check, new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc));
        var target = AttestationStore.PathFor(dir.Path, "org/sample");
        HardwareAttestation.Write(target, json);

        using var doc = JsonDocument.Parse(File.ReadAllText(target));
        var root = doc.RootElement;
        Assert.Equal(HardwareAttestation.Schema, root.GetProperty("schema").GetString());
        Assert.Equal("org/sample", root.GetProperty("model").GetString());
        Assert.Equal("passed", root.GetProperty("result").GetString());
        Assert.Equal("none", root.GetProperty("level").GetString());
        Assert.Equal(sha, root.GetProperty("weights").GetProperty("sha256").GetString());
        Assert.Equal("models/sample.onnx", root.GetProperty("weights").GetProperty("files")[0].GetProperty("path").GetString());
        Assert.Equal("onnxruntime", root.GetProperty("runtime").GetProperty("name").GetString());
        Assert.False(root.GetProperty("gpu").GetProperty("available").GetBoolean());
        Assert.True(root.GetProperty("timings").GetProperty("loadMs").GetDouble() >= 0);
        Assert.Equal("2026-11-29T12:00:00Z", root.GetProperty("createdAt").GetString());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target)!, "*.tmp"));

        var all = AttestationStore.ReadAll(dir.Path);
        Assert.Equal(json, all["org/sample"]);
        Assert.EndsWith("org_sample.json", target);
    }
}
