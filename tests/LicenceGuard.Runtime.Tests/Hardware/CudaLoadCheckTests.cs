using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using LicenceGuard.Core.Weights;
using LicenceGuard.Runtime.Tests.Hardware.FakeDriver;
using LicenceGuard.Runtime.Tests.Weights;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Hardware;

/// <summary>
/// The CUDA driver load check through licenceguard-hw, against the fake driver: every answer a driver can give — a
/// GPU, no GPU, no driver, an error from any call, too little memory, corrupted uploads, a call that never returns.
/// </summary>
public sealed class CudaLoadCheckTests
{
    private static readonly Dictionary<string, string> NoKnobs = new();

    /// <summary>A declared GGUF model (2 layers, 2 KV heads, head dim 8) with a target, so the KV cache can be sized.</summary>
    internal static string DeclaredModel(TempFolder dir, string target = "    target:\n      gpu: H100-80GB\n      contextTokens: 128\n      concurrency: 2\n")
    {
        var weights = dir.Write("models/tiny.gguf", TestModels.Gguf());
        return dir.Write("models.yaml",
            "organisation:\n  name: Test Ltd\n  commercial: true\nmodels:\n  - id: test/tiny\n    licence: MIT\n" + target +
            $"    weights:\n      - path: models/tiny.gguf\n        sha256: {FileHasher.Sha256(weights)}\n");
    }

    internal static JsonElement Attestation(TempFolder dir, string id = "test/tiny")
    {
        using var doc = JsonDocument.Parse(AttestationStore.ReadAll(dir.Path)[id]);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void DeclaredModel_OnTheFakeGpu_WeightsResident_ChecksumsAgree_KvCacheAllocated()
    {
        using var dir = new TempFolder();
        var manifest = DeclaredModel(dir);
        var log = dir.File("calls.log");

        var (code, stdout, stderr) = FakeCuda.RunTool(new Dictionary<string, string> { ["FAKE_CUDA_LOG"] = log }, viaCli: false, "--manifest", manifest);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("test/tiny: passed on Fake GPU 80GB (compute capability 9.0, CUDA 12.4), level weights-resident", stdout);
        var a = Attestation(dir);
        Assert.Equal("passed", a.GetProperty("result").GetString());
        Assert.Equal("weights-resident", a.GetProperty("level").GetString());
        Assert.Equal("licenceguard-hw", a.GetProperty("tool").GetProperty("name").GetString());
        var file = a.GetProperty("weights").GetProperty("files")[0];
        Assert.True(file.GetProperty("checksumsAgree").GetBoolean());
        Assert.Equal(file.GetProperty("hostChecksum").GetString(), file.GetProperty("gpuChecksum").GetString());
        Assert.Equal(FileHasher.Sha256(dir.File("models/tiny.gguf")), file.GetProperty("sha256").GetString());
        // 2 (K and V) × 2 layers × 2 KV heads × 8 head dim × 128 tokens × 2 concurrent × 2 bytes
        Assert.Equal(2L * 2 * 2 * 8 * 128 * 2 * 2, a.GetProperty("kvCache").GetProperty("bytes").GetInt64());
        Assert.True(a.GetProperty("kvCache").GetProperty("allocated").GetBoolean());
        Assert.Equal("Fake GPU 80GB", a.GetProperty("gpu").GetProperty("name").GetString());
        Assert.Equal(80L << 30, a.GetProperty("gpu").GetProperty("memoryTotalBytes").GetInt64());
        Assert.True(a.GetProperty("upload").GetProperty("seconds").GetDouble() >= 0);

        // The whole driver sequence ran, and everything allocated was given back before the context was destroyed.
        var calls = File.ReadAllLines(log);
        foreach (var call in new[] { "cuInit", "cuDriverGetVersion", "cuDeviceGet", "cuDeviceGetName", "cuDeviceTotalMem_v2", "cuDeviceGetAttribute", "cuCtxCreate_v2",
                     "cuMemGetInfo_v2", "cuMemAlloc_v2", "cuMemHostAlloc", "cuMemcpyHtoDAsync_v2", "cuModuleLoadDataEx", "cuLaunchKernel", "cuMemcpyDtoH_v2", "cuMemFree_v2", "cuCtxDestroy_v2" })
            Assert.Contains(call, calls);
        Assert.Equal(calls.Count(c => c == "cuMemAlloc_v2"), calls.Count(c => c == "cuMemFree_v2"));
        Assert.Equal(calls.Count(c => c == "cuMemHostAlloc"), calls.Count(c => c == "cuMemFreeHost"));
        Assert.Equal("cuCtxDestroy_v2", calls[^1]);
    }

    [Fact]
    public void NoDevice_Triggers_LG2007_LocatedAtTheWeights()
    {
        using var dir = new TempFolder();
        var manifest = DeclaredModel(dir);

        var (code, _, stderr) = FakeCuda.RunTool(new Dictionary<string, string> { ["FAKE_CUDA_DEVICES"] = "0" }, viaCli: false, "--manifest", manifest);

        Assert.Equal(1, code);
        Assert.Contains("models.yaml(12,15): error LG2007: no GPU: the CUDA driver reports no GPU: CUDA_ERROR_NO_DEVICE (100: no CUDA-capable device is detected)", stderr);
        Assert.Equal("none", Attestation(dir).GetProperty("level").GetString());
    }

    [Fact]
    public void NoDriverLibrary_Triggers_LG2007()
    {
        using var dir = new TempFolder();
        var manifest = DeclaredModel(dir);

        var (code, _, stderr) = FakeCuda.RunTool(new Dictionary<string, string> { ["LICENCEGUARD_CUDA_LIBRARY"] = dir.File("no-such-libcuda.so") }, viaCli: false, "--manifest", manifest);

        Assert.Equal(1, code);
        Assert.Contains("error LG2007: no GPU: the CUDA driver library was not found", stderr);
    }

    [Fact]
    public void MissingDevice_Triggers_LG2007_NamingTheCount()
    {
        using var dir = new TempFolder();
        var manifest = DeclaredModel(dir);

        var (code, _, stderr) = FakeCuda.RunTool(NoKnobs, viaCli: false, "--manifest", manifest, "--device", "3");

        Assert.Equal(1, code);
        Assert.Contains("error LG2007: no GPU: there is no GPU 3: the CUDA driver reports 1 GPU(s)", stderr);
    }

    [Theory]
    [InlineData("cuInit", 999, "initialising the CUDA driver")]
    [InlineData("cuDeviceGetName", 999, "reading GPU 0's properties")]
    [InlineData("cuCtxCreate_v2", 999, "creating a CUDA context")]
    [InlineData("cuMemGetInfo_v2", 999, "reading free GPU memory")]
    [InlineData("cuMemHostAlloc", 2, "allocating pinned host buffers")]
    [InlineData("cuMemcpyHtoDAsync_v2", 999, "uploading 'models/tiny.gguf'")]
    [InlineData("cuModuleLoadDataEx", 218, "JIT-compiling the checksum kernel")]
    [InlineData("cuLaunchKernel", 999, "checksumming 'models/tiny.gguf' on the GPU")]
    [InlineData("cuMemcpyDtoH_v2", 999, "checksumming 'models/tiny.gguf' on the GPU")]
    public void DriverError_FromAnyCall_Triggers_LG2008_NamingTheCallAndStep_AndReleasesEverything(string call, int error, string step)
    {
        using var dir = new TempFolder();
        var manifest = DeclaredModel(dir);
        var log = dir.File("calls.log");

        var (code, _, stderr) = FakeCuda.RunTool(new Dictionary<string, string> { ["FAKE_CUDA_FAIL"] = $"{call}:{error}", ["FAKE_CUDA_LOG"] = log }, viaCli: false, "--manifest", manifest);

        Assert.Equal(1, code);
        Assert.Contains($"models.yaml(12,15): error LG2008: {call.Replace("_v2", string.Empty)} failed: CUDA_ERROR_", stderr);
        Assert.Contains($"while {step}", stderr);
        Assert.Equal("failed", Attestation(dir).GetProperty("result").GetString());
        var calls = File.ReadAllLines(log);
        Assert.Equal(calls.Count(c => c == "cuMemAlloc_v2"), calls.Count(c => c == "cuMemFree_v2"));
        if (calls.Contains("cuCtxCreate_v2") && call != "cuCtxCreate_v2") Assert.Equal("cuCtxDestroy_v2", calls[^1]);
    }

    [Fact]
    public void TooSmallGpu_Triggers_LG2008_BeforeAllocating()
    {
        using var dir = new TempFolder();
        var manifest = DeclaredModel(dir);
        var log = dir.File("calls.log");

        var (code, _, stderr) = FakeCuda.RunTool(new Dictionary<string, string> { ["FAKE_CUDA_FREE"] = "1000", ["FAKE_CUDA_LOG"] = log }, viaCli: false, "--manifest", manifest);

        Assert.Equal(1, code);
        Assert.Contains("error LG2008: the model does not fit GPU 0 (Fake GPU 80GB): weights", stderr);
        Assert.DoesNotContain("cuMemAlloc_v2", File.ReadAllLines(log));
        Assert.Equal("none", Attestation(dir).GetProperty("level").GetString());
    }

    [Fact]
    public void KvCacheOfTheTarget_LargerThanTheGpu_Triggers_LG2008()
    {
        using var dir = new TempFolder();
        // 128 bytes per token × 1,000,000 tokens × 64 concurrent = 8 GB of KV cache on a 4 GB GPU.
        var manifest = DeclaredModel(dir, "    target:\n      gpu: H100-80GB\n      contextTokens: 1000000\n      concurrency: 64\n");

        var (code, _, stderr) = FakeCuda.RunTool(new Dictionary<string, string> { ["FAKE_CUDA_TOTAL"] = (4L << 30).ToString() }, viaCli: false, "--manifest", manifest);

        Assert.Equal(1, code);
        Assert.Contains("error LG2008: the model does not fit GPU 0", stderr);
        Assert.Contains("KV cache 7.6 GiB", stderr);
        Assert.Equal(2L * 2 * 2 * 8 * 1_000_000 * 64 * 2, Attestation(dir).GetProperty("kvCache").GetProperty("bytes").GetInt64());
    }

    [Fact]
    public void AllocationRefusedByTheDriver_Triggers_LG2008_OutOfMemory()
    {
        using var dir = new TempFolder();
        var manifest = DeclaredModel(dir);

        var (code, _, stderr) = FakeCuda.RunTool(new Dictionary<string, string> { ["FAKE_CUDA_FAIL"] = "cuMemAlloc_v2:2" }, viaCli: false, "--manifest", manifest);

        Assert.Equal(1, code);
        Assert.Contains("error LG2008: the weights 'models/tiny.gguf' (0.0 GiB) could not be allocated on the GPU: CUDA_ERROR_OUT_OF_MEMORY", stderr);
    }

    [Fact]
    public void CorruptedUpload_ChecksumsDiffer_Triggers_LG2008_AtLevelFits()
    {
        using var dir = new TempFolder();
        var manifest = DeclaredModel(dir);

        var (code, _, stderr) = FakeCuda.RunTool(new Dictionary<string, string> { ["FAKE_CUDA_CORRUPT"] = "1" }, viaCli: false, "--manifest", manifest);

        Assert.Equal(1, code);
        Assert.Contains("error LG2008: the GPU's checksum of 'models/tiny.gguf'", stderr);
        Assert.Contains("the weights did not land intact on the GPU", stderr);
        var a = Attestation(dir);
        Assert.Equal("fits", a.GetProperty("level").GetString());
        Assert.False(a.GetProperty("weights").GetProperty("files")[0].GetProperty("checksumsAgree").GetBoolean());
    }

    [Fact]
    public void HungDriverCall_FailsWithinTheTimeout_NamingTheStep()
    {
        using var dir = new TempFolder();
        var manifest = DeclaredModel(dir);
        var clock = Stopwatch.StartNew();

        var (code, _, stderr) = FakeCuda.RunTool(new Dictionary<string, string> { ["FAKE_CUDA_HANG"] = "cuCtxCreate_v2" }, viaCli: false, "--manifest", manifest, "--timeout", "2");

        Assert.Equal(1, code);
        Assert.Contains("error LG2008: the GPU check did not finish within 2 s; it was creating a CUDA context (cuCtxCreate) (driver or GPU hung?)", stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public void TruncatedWeights_Trigger_LG2008_LocatedAtTheWeights_WithoutTouchingTheGpu()
    {
        using var dir = new TempFolder();
        var manifest = DeclaredModel(dir, target: string.Empty);
        var full = TestModels.Safetensors();
        dir.Write("models/tiny.gguf", full.Take(full.Length - 8).ToArray());
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("tiny.gguf", "tiny.safetensors").Split("        sha256:")[0]);
        File.Move(dir.File("models/tiny.gguf"), dir.File("models/tiny.safetensors"));
        var log = dir.File("calls.log");

        var (code, _, stderr) = FakeCuda.RunTool(new Dictionary<string, string> { ["FAKE_CUDA_LOG"] = log }, viaCli: false, "--manifest", manifest);

        Assert.Equal(1, code);
        Assert.Contains("models.yaml(8,15): error LG2008: 'models/tiny.safetensors' cannot be loaded:", stderr);
        Assert.False(File.Exists(log));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SelfTest_OnTheFakeGpu_ReachesWeightsResident_WithOrWithoutTheVerbName(bool verb)
    {
        using var dir = new TempFolder();
        string[] args = ["--self-test", "--output", dir.Path];

        var (code, stdout, stderr) = FakeCuda.RunTool(NoKnobs, viaCli: false, verb ? ["verify-hardware", .. args] : args);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("licenceguard/sample-add: passed on Fake GPU 80GB", stdout);
        Assert.Contains("level weights-resident", stdout);
    }

    [Fact]
    public void LicenceguardHw_AndVerifyHardware_WriteTheSameAttestationShape()
    {
        using var hw = new TempFolder();
        using var cli = new TempFolder();
        var fromHw = FakeCuda.RunTool(NoKnobs, viaCli: false, "--manifest", DeclaredModel(hw), "--format", "json");
        var fromCli = FakeCuda.RunTool(NoKnobs, viaCli: true, "--manifest", DeclaredModel(cli), "--format", "json");

        Assert.True(fromHw.Code == 0 && fromCli.Code == 0, fromHw.Error + fromCli.Error);
        using var a = JsonDocument.Parse(fromHw.Out);
        using var b = JsonDocument.Parse(fromCli.Out);
        Assert.Equal(Shape(a.RootElement), Shape(b.RootElement));
        Assert.Equal("licenceguard-hw", a.RootElement[0].GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("licenceguard", b.RootElement[0].GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal(a.RootElement[0].GetProperty("weights").GetProperty("sha256").GetString(), b.RootElement[0].GetProperty("weights").GetProperty("sha256").GetString());
    }

    [Fact]
    public void UnknownOption_ExitsTwo_WithoutAStackTrace()
    {
        var (code, _, stderr) = FakeCuda.RunTool(NoKnobs, viaCli: false, "--no-such-option");

        Assert.Equal(2, code);
        Assert.StartsWith("licenceguard-hw: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    /// <summary>Every property path with its JSON kind (null and number differ by value, not by shape, so both count as "value").</summary>
    private static List<string> Shape(JsonElement e, string path = "$")
    {
        var result = new List<string>();
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) result.AddRange(Shape(p.Value, path + "." + p.Name));
                result.Add(path + ":object");
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) result.AddRange(Shape(item, $"{path}[{i++}]"));
                result.Add(path + ":array");
                break;
            default:
                result.Add(path + ":value");
                break;
        }
        return result;
    }
}
