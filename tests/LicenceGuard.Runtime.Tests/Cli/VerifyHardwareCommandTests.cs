using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;
using LicenceGuard.Core.Weights;
using LicenceGuard.Hardware.Onnx;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class VerifyHardwareCommandTests
{
    private static string Manifest(string sha) => $"""
        organisation:
          name: Test Ltd
          commercial: true
        models:
          - id: org/sample
            licence: MIT
            weights:
              - path: models/sample.onnx
                sha256: {sha}
        """;

    [Fact]
    public void DeclaredModel_CpuAllowed_WritesPassedAttestationBesideManifest()
    {
        using var dir = new TempFolder();
        var onnx = dir.Write("models/sample.onnx", OnnxWriter.SampleAddModel());
        var manifest = dir.Write("models.yaml", Manifest(FileHasher.Sha256(onnx)));

        var (code, stdout, stderr) = ConsoleCapture.Run("verify-hardware", "--manifest", manifest, "--allow-cpu");

        Assert.True(code == 0, stderr);
        Assert.Contains("org/sample: passed on", stdout);
        var attestations = AttestationStore.ReadAll(dir.Path);
        using var json = JsonDocument.Parse(attestations["org/sample"]);
        Assert.Equal("passed", json.RootElement.GetProperty("result").GetString());
        Assert.Equal(FileHasher.Sha256(onnx), json.RootElement.GetProperty("weights").GetProperty("sha256").GetString());
    }

    [Fact]
    public void UnpinnedModel_CpuAllowed_AttestationStillNamesTheWeightsHash()
    {
        using var dir = new TempFolder();
        var onnx = dir.Write("models/sample.onnx", OnnxWriter.SampleAddModel());
        var manifest = dir.Write("models.yaml", Manifest("PIN").Replace("\n        sha256: PIN", string.Empty));
        Assert.DoesNotContain("sha256", File.ReadAllText(manifest));

        var (code, _, stderr) = ConsoleCapture.Run("verify-hardware", "--manifest", manifest, "--allow-cpu");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(AttestationStore.ReadAll(dir.Path)["org/sample"]);
        Assert.Equal(FileHasher.Sha256(onnx), json.RootElement.GetProperty("weights").GetProperty("sha256").GetString());
    }

    [Fact]
    public void ChangedWeights_Triggers_LG2001AtThePinAndNoAttestation()
    {
        using var dir = new TempFolder();
        dir.Write("models/sample.onnx", OnnxWriter.SampleAddModel());
        var manifest = dir.Write("models.yaml", Manifest(new string('a', 64)));

        var (code, _, stderr) = ConsoleCapture.Run("verify-hardware", "--manifest", manifest, "--allow-cpu");

        Assert.Equal(1, code);
        Assert.Contains("models.yaml(9,17): error LG2001", stderr);
        Assert.False(Directory.Exists(AttestationStore.FolderFor(dir.Path)) && AttestationStore.ReadAll(dir.Path).ContainsKey("org/sample"));
    }

    [Fact]
    public void SelfTest_WithoutGpu_SaysSoPlainly()
    {
        using var dir = new TempFolder();
        var driver = NativeLibrary.TryLoad("libcuda.so.1", out var handle);
        if (driver) NativeLibrary.Free(handle);

        var (code, stdout, stderr) = ConsoleCapture.Run("verify-hardware", "--self-test", "--output", dir.Path);

        if (!driver)
        {
            Assert.Equal(1, code);
            Assert.Contains("error LG2007: no GPU", stderr);
            Assert.Contains("--allow-cpu", stderr);
        }
        else
        {
            // On a GPU machine: the weights land on the GPU (the CPU test package runs no inference there), or the failure is named.
            Assert.True(code == 0 ? stdout.Contains("level weights-resident") : stderr.Contains("error LG2008"), stderr);
        }
        Assert.True(File.Exists(Path.Combine(dir.Path, AttestationStore.FileName("licenceguard/sample-add"))));
    }

    [Fact]
    public void UnknownModel_ExitsTwo()
    {
        using var dir = new TempFolder();
        dir.Write("models/sample.onnx", OnnxWriter.SampleAddModel());
        var manifest = dir.Write("models.yaml", Manifest(new string('a', 64)));

        var (code, _, stderr) = ConsoleCapture.Run("verify-hardware", "--manifest", manifest, "--model", "nope");

        Assert.Equal(2, code);
        Assert.Contains("no model 'nope'", stderr);
    }
}
