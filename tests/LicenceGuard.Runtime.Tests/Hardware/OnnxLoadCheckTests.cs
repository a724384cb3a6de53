using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Weights;
using LicenceGuard.Runtime.Hardware;
using LicenceGuard.Runtime.LoadCheck;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Hardware;

public sealed class OnnxLoadCheckTests
{
    [Fact]
    public void SampleModel_CpuAllowed_RunsOneRealInference()
    {
        using var dir = new TempFolder();
        var path = dir.Write("sample.onnx", OnnxWriter.SampleAddModel(width: 4));

        var result = OnnxLoadCheck.Run(new LoadCheckOptions { ModelPath = path, AllowCpu = true });

        Assert.True(result.Passed, result.Error);
        Assert.Null(result.DiagnosticId);
        Assert.NotNull(result.Provider);
        Assert.NotNull(result.LoadMilliseconds);
        Assert.NotNull(result.FirstInferenceMilliseconds);
        Assert.False(string.IsNullOrEmpty(result.OnnxRuntimeVersion));
        var input = Assert.Single(result.Inputs);
        Assert.Equal(new long[] { 1, 4 }, input.Shape);   // symbolic "batch" → 1
        var output = Assert.Single(result.Outputs);
        Assert.Equal("y", output.Name);
        Assert.Equal(new long[] { 1, 4 }, output.Shape);
        if (!result.Gpu!.Available) Assert.Equal(OnnxLoadCheck.Cpu, result.Provider);
    }

    [Fact]
    public void NoGpuAndCpuNotAllowed_TriggersNoGpu()
    {
        using var dir = new TempFolder();
        var path = dir.Write("sample.onnx", OnnxWriter.SampleAddModel());
        var gpu = GpuProbe.Probe();

        var result = OnnxLoadCheck.Run(new LoadCheckOptions { ModelPath = path, AllowCpu = false });

        if (!gpu.Available)
        {
            Assert.False(result.Passed);
            Assert.Equal(DiagnosticIds.NoGpu, result.DiagnosticId);
            Assert.Contains("--allow-cpu", result.Error);
        }
        else
        {
            // With a GPU the check either passes on CUDA or says why CUDA failed; it never silently uses the CPU.
            Assert.True(result.Passed ? result.Provider == OnnxLoadCheck.Cuda : result.DiagnosticId == DiagnosticIds.LoadCheckFailed);
        }
    }

    [Fact]
    public void CorruptModel_FailsCleanly()
    {
        using var dir = new TempFolder();
        var path = dir.Write("broken.onnx", OnnxWriter.SampleAddModel().Take(30).ToArray());

        var result = OnnxLoadCheck.Run(new LoadCheckOptions { ModelPath = path, AllowCpu = true });

        Assert.False(result.Passed);
        Assert.Equal(DiagnosticIds.LoadCheckFailed, result.DiagnosticId);
        Assert.Contains("load or run failed", result.Error);
    }

    [Fact]
    public void Attestation_RecordsModelHashRuntimeAndTimings_AndIsWrittenAtomically()
    {
        using var dir = new TempFolder();
        var path = dir.Write("sample.onnx", OnnxWriter.SampleAddModel());
        var check = OnnxLoadCheck.Run(new LoadCheckOptions { ModelPath = path, AllowCpu = true });
        var sha = FileHasher.Sha256(path);

        var json = HardwareAttestation.ToJson("org/sample", "models/sample.onnx", sha, check, new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc));
        var target = AttestationStore.PathFor(dir.Path, "org/sample");
        HardwareAttestation.Write(target, json);

        using var doc = JsonDocument.Parse(File.ReadAllText(target));
        var root = doc.RootElement;
        Assert.Equal(HardwareAttestation.Schema, root.GetProperty("schema").GetString());
        Assert.Equal("org/sample", root.GetProperty("model").GetString());
        Assert.Equal("passed", root.GetProperty("result").GetString());
        Assert.Equal(sha, root.GetProperty("weights").GetProperty("sha256").GetString());
        Assert.Equal("onnxruntime", root.GetProperty("runtime").GetProperty("name").GetString());
        Assert.True(root.GetProperty("timings").GetProperty("loadMs").GetDouble() >= 0);
        Assert.Equal("2026-11-29T12:00:00Z", root.GetProperty("createdAt").GetString());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target)!, "*.tmp"));

        var all = AttestationStore.ReadAll(dir.Path);
        Assert.Equal(json, all["org/sample"]);
        Assert.EndsWith("org_sample.json", target);
    }
}
