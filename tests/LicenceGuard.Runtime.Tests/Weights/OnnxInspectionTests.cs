using System.Linq;
using LicenceGuard.Core.Weights;
using LicenceGuard.Hardware.Onnx;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Weights;

public sealed class OnnxInspectionTests
{
    [Fact]
    public void SampleModel_CountsInitializers()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("sample.onnx", OnnxWriter.SampleAddModel(width: 6)));

        Assert.Null(i.Error);
        Assert.Equal(WeightsFormat.Onnx, i.Format);
        Assert.Equal(6, i.ParameterCount);
        Assert.Equal(24, i.TensorBytes);
        Assert.Equal(6, i.ParametersByDtype["FLOAT"]);
        Assert.Equal("licenceguard", i.Details["producer"]);
        Assert.Equal("8", i.Details["irVersion"]);
    }

    [Fact]
    public void ContentDecidesFormat_NotTheName()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("weights.bin", OnnxWriter.SampleAddModel()));
        Assert.Equal(WeightsFormat.Onnx, i.Format);
        Assert.False(i.Unsafe);
    }

    [Fact]
    public void TruncationInsideTheGraph_GivesClearError()
    {
        using var dir = new TempFolder();
        var full = OnnxWriter.SampleAddModel();
        const int opsetImportBytes = 6;   // the last field; a cut before it leaves the graph incomplete
        foreach (var prefix in TestModels.Prefixes(full).Where(p => p.Length < full.Length - opsetImportBytes))
        {
            var i = WeightsInspector.Inspect(dir.Write("cut.onnx", prefix));
            Assert.False(i.Error is null, $"a {prefix.Length}-byte prefix was accepted");
        }
    }

    [Fact]
    public void ExternalData_IsListedWithItsLength()
    {
        using var dir = new TempFolder();
        var tensor = new OnnxWriter().Varint(1, 1000).Varint(2, 10).String(8, "big")
            .Message(13, new OnnxWriter().String(1, "location").String(2, "weights.data"))
            .Message(13, new OnnxWriter().String(1, "length").String(2, "2000"))
            .Varint(14, 1);
        var model = new OnnxWriter().Varint(1, 8).Message(7, new OnnxWriter().Message(5, tensor)).ToArray();

        var i = WeightsInspector.Inspect(dir.Write("external.onnx", model));

        Assert.Null(i.Error);
        Assert.Equal(new[] { "weights.data" }, i.ExternalDataFiles.ToArray());
        Assert.Equal(1000, i.ParameterCount);
        Assert.Equal(2000, i.TensorBytes);
        Assert.Equal("FLOAT16", i.Tensors.Single().Dtype);
    }

    [Fact]
    public void RawDataOfWrongSize_GivesClearError()
    {
        using var dir = new TempFolder();
        var tensor = new OnnxWriter().Varint(1, 4).Varint(2, 1).String(8, "w").Bytes(9, new byte[10]);
        var model = new OnnxWriter().Varint(1, 8).Message(7, new OnnxWriter().Message(5, tensor)).ToArray();

        var i = WeightsInspector.Inspect(dir.Write("wrong.onnx", model));

        Assert.Contains("raw_data holds 10", i.Error);
    }

    [Fact]
    public void NoGraph_GivesClearError()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("nograph.onnx", new OnnxWriter().Varint(1, 8).String(2, "x").ToArray()));
        Assert.Contains("no graph", i.Error);
    }
}
