using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using LicenceGuard.Core.Weights;
using LicenceGuard.Hardware.Attestation;
using LicenceGuard.Hardware.Cuda;
using LicenceGuard.Hardware.Onnx;
using LicenceGuard.Hardware.Verb;
using LicenceGuard.Runtime.Tests.Hardware.FakeDriver;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Hardware;

/// <summary>Every kind of attestation the check writes keeps to rules/schema/hardware-attestation.schema.json.</summary>
public sealed class AttestationSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "hardware-attestation.schema.json"));

    private static void AssertValid(string json)
    {
        var result = Schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("\n", errors) + "\n" + json);
    }

    [Theory]
    [InlineData("", "passed")]
    [InlineData("FAKE_CUDA_CORRUPT=1", "failed")]
    [InlineData("FAKE_CUDA_DEVICES=0", "failed")]
    [InlineData("FAKE_CUDA_FAIL=cuCtxCreate_v2:999", "failed")]
    public void FromTheFakeGpu_PassedOrFailed(string knob, string expected)
    {
        using var dir = new TempFolder();
        var manifest = CudaLoadCheckTests.DeclaredModel(dir);
        var knobs = knob.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { [knob.Split('=')[0]] = knob.Split('=')[1] };

        FakeCuda.RunTool(knobs, viaCli: false, "--manifest", manifest);

        Assert.Equal(expected, CudaLoadCheckTests.Attestation(dir).GetProperty("result").GetString());
        AssertValid(AttestationStore.ReadAll(dir.Path)["test/tiny"]);
    }

    [Fact]
    public void FromAnInferenceOnTheCpu()
    {
        using var dir = new TempFolder();
        var path = dir.Write("sample.onnx", OnnxWriter.SampleAddModel());
        var check = new ModelCheck("org/sample", "licenceguard", new[] { new WeightsToUpload(path, "sample.onnx", FileHasher.Sha256(path)) })
        {
            Inference = OnnxLoadCheck.Run(new LoadCheckOptions { ModelPath = path, Cuda = false }),
        };

        var json = HardwareAttestation.ToJson(check, DateTime.UtcNow);

        AssertValid(json);
        // The schema is no formality: a level it does not know is refused.
        Assert.False(Schema.Evaluate(JsonNode.Parse(json.Replace("\"level\": \"none\"", "\"level\": \"loaded\""))).IsValid);
    }
}
