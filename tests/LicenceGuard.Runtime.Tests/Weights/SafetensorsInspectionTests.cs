using System;
using System.IO;
using System.Linq;
using LicenceGuard.Core.Weights;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Weights;

public sealed class SafetensorsInspectionTests
{
    [Fact]
    public void ValidFile_ReadsExactParametersBytesAndDtypes()
    {
        using var dir = new TempFolder();
        var path = dir.Write("model.safetensors", TestModels.Safetensors());

        var i = WeightsInspector.Inspect(path);

        Assert.Null(i.Error);
        Assert.Equal(WeightsFormat.Safetensors, i.Format);
        Assert.False(i.Unsafe);
        Assert.Equal(10, i.ParameterCount);
        Assert.Equal(32, i.TensorBytes);
        Assert.Equal(6, i.ParametersByDtype["F32"]);
        Assert.Equal(4, i.ParametersByDtype["BF16"]);
        Assert.Equal("pt", i.Details["metadata.format"]);
    }

    [Fact]
    public void EveryTruncation_GivesClearErrorNotException()
    {
        using var dir = new TempFolder();
        var full = TestModels.Safetensors();
        foreach (var prefix in TestModels.Prefixes(full))
        {
            var path = dir.Write("cut.safetensors", prefix);
            var i = WeightsInspector.Inspect(path);
            Assert.False(i.Error is null, $"a {prefix.Length}-byte prefix was accepted");
        }
    }

    [Fact]
    public void HeaderLengthBeyondFile_GivesClearErrorWithoutAllocating()
    {
        using var dir = new TempFolder();
        var bytes = TestModels.Safetensors();
        BitConverter.GetBytes(50UL * 1024 * 1024).CopyTo(bytes, 0);   // 50 MiB claimed, file is tiny
        var path = dir.Write("big.safetensors", bytes);

        var i = WeightsInspector.Inspect(path);

        Assert.Contains("truncated", i.Error);
        Assert.Contains("the JSON header", i.Error);
    }

    [Fact]
    public void HeaderLengthAboveFormatLimit_GivesClearError()
    {
        using var dir = new TempFolder();
        var bytes = TestModels.Safetensors();
        BitConverter.GetBytes(1UL << 40).CopyTo(bytes, 0);
        var i = WeightsInspector.Inspect(dir.Write("huge.safetensors", bytes));

        Assert.Contains("limit", i.Error);
    }

    [Fact]
    public void CorruptJson_GivesClearError()
    {
        using var dir = new TempFolder();
        var path = dir.Write("bad.safetensors", TestModels.SafetensorsWithHeader("{\"a\": {\"dtype\": \"F32\", ", 0));

        var i = WeightsInspector.Inspect(path);

        Assert.Contains("not valid JSON", i.Error);
    }

    [Fact]
    public void ShapeDisagreesWithOffsets_GivesClearError()
    {
        using var dir = new TempFolder();
        var header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}";
        var i = WeightsInspector.Inspect(dir.Write("lie.safetensors", TestModels.SafetensorsWithHeader(header, 20)));

        Assert.Contains("'a'", i.Error);
        Assert.Contains("24", i.Error);
    }

    [Fact]
    public void NamedSafetensorsButNotSafetensors_GivesClearError()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("text.safetensors", "hello, this is not a model at all"));

        Assert.Contains("does not start with a safetensors header", i.Error);
    }

    [Fact]
    public void EmptyFile_GivesClearError()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("empty.safetensors", Array.Empty<byte>()));
        Assert.Contains("empty", i.Error);
    }

    [Fact]
    public void ConfigJsonBeside_GivesLayersAndHeads()
    {
        using var dir = new TempFolder();
        var path = dir.Write("model.safetensors", TestModels.Safetensors());
        dir.Write("config.json", "{\"model_type\":\"llama\",\"num_hidden_layers\":32,\"num_attention_heads\":32,\"num_key_value_heads\":8,\"hidden_size\":4096,\"max_position_embeddings\":131072}");

        var shape = WeightsInspector.Inspect(path).Shape;

        Assert.Equal(32, shape.Layers);
        Assert.Equal(8, shape.EffectiveKeyValueHeads);
        Assert.Equal(128, shape.EffectiveHeadDim);
        Assert.Equal("config.json", shape.Source);
    }
}
