using LicenceGuard.Core.Weights;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Weights;

public sealed class PickleDetectionTests
{
    [Fact]
    public void RawPickleRenamedSafetensors_IsUnsafe()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("model.safetensors", TestModels.RawPickle()));

        Assert.Equal(WeightsFormat.Pickle, i.Format);
        Assert.True(i.Unsafe);
        Assert.Contains("protocol 4", i.UnsafeReason);
        Assert.Null(i.Error);
    }

    [Fact]
    public void TorchZipRenamedSafetensors_IsUnsafe()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("model.safetensors", TestModels.TorchZip()));

        Assert.Equal(WeightsFormat.Pickle, i.Format);
        Assert.True(i.Unsafe);
        Assert.Contains("archive/data.pkl", i.UnsafeReason);
    }

    [Fact]
    public void TorchZipAsPytorchModelBin_IsUnsafe()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("pytorch_model.bin", TestModels.TorchZip()));
        Assert.True(i.Unsafe);
        Assert.Equal("pickle", i.Format.ToName());
    }

    [Fact]
    public void UnrecognisedContentUnderPickleExtension_IsRefused()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("old.pt", "(lp0\nI1\na."));   // pickle protocol 0 is text

        Assert.True(i.Unsafe);
        Assert.Equal(WeightsFormat.Unknown, i.Format);
    }

    [Fact]
    public void Safetensors_IsNotUnsafe()
    {
        using var dir = new TempFolder();
        var i = WeightsInspector.Inspect(dir.Write("model.bin", TestModels.Safetensors()));
        Assert.False(i.Unsafe);
        Assert.Equal(WeightsFormat.Safetensors, i.Format);
    }
}
