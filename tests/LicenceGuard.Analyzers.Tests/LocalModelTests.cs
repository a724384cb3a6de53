namespace LicenceGuard.Analyzers.Tests;

/// <summary>Model files passed to local runtimes: LLamaSharp, ONNX Runtime, ONNX Runtime GenAI.</summary>
public class LocalModelTests
{
    private static readonly string Manifest = Fixtures.Manifest(
        Fixtures.Reviewed("microsoft/Phi-4-mini-instruct", "MIT", kind: "open-weight", extra: "    attribution: { notice: NOTICE }\n    weights:\n      - path: models/phi-4-mini-instruct.onnx"));

    [Fact]
    public async Task LLamaSharpModelParams_UndeclaredGguf_Triggers()
    {
        var source = """
            using LLama.Common;
            class C { ModelParams M() => new ModelParams({|LG0001:"models/llama-3.1-8b-instruct.Q4_K_M.gguf"|}); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task OnnxRuntimeInferenceSession_DeclaredWeightsFileElsewhere_DoesNotTrigger()
    {
        var source = """
            using Microsoft.ML.OnnxRuntime;
            class C { InferenceSession M() => new InferenceSession("/srv/app/models/phi-4-mini-instruct.onnx"); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task OnnxRuntimeInferenceSession_UndeclaredOnnx_Triggers()
    {
        var source = """
            using Microsoft.ML.OnnxRuntime;
            class C { InferenceSession M() => new InferenceSession({|LG0001:"models/resnet50.onnx"|}); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task OnnxRuntimeGenAIModel_UndeclaredFolder_Triggers()
    {
        var source = """
            using Microsoft.ML.OnnxRuntimeGenAI;
            class C { Model M() => new Model({|LG0001:"models/qwen2.5-1.5b-instruct-onnx"|}); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task PickleFile_PassedToRuntime_TriggersUnsafeFormat()
    {
        var source = """
            using Microsoft.ML.OnnxRuntime;
            class C { InferenceSession M() => new InferenceSession({|LG0001:{|LG0004:"weights/pytorch_model.bin"|}|}); }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task PickleCheckpoint_OutsideKnownApis_TriggersUnsafeFormat()
    {
        var source = """
            class C { string M() => {|LG0004:"checkpoints/model-epoch3.ckpt"|}; }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task SafetensorsPath_OutsideKnownApis_TriggersPossibleReference()
    {
        var source = """
            class C { string M() => {|LG0005:"models/unknown-model.safetensors"|}; }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }

    [Fact]
    public async Task OrdinaryBinFile_OutsideKnownApis_DoesNotTrigger()
    {
        var source = """
            class C { string M() => "data/cache.bin"; }
            """;
        await AnalyzerTest.RunAsync(source, Manifest);
    }
}
