using LicenceGuard.Core.Catalogue;

namespace LicenceGuard.Core.Tests.Catalogue;

public class ModelFileExtensionsTests
{
    [Fact]
    public void EveryListedExtension_IsOneDotAndAName()
    {
        // Match compares only the extensions as long as the text after the last dot, which is right only for these.
        Assert.All(ModelFileExtensions.Weights.Concat(ModelFileExtensions.PickleBased), e => Assert.True(ModelFileExtensions.IsSingleDotExtension(e), e));
    }

    [Theory]
    [InlineData("models/phi-4.onnx")]
    [InlineData("PHI-4.ONNX")]
    [InlineData("a.tar.bin")]
    [InlineData("model.safetensors.index.json")]
    [InlineData(".pt")]
    [InlineData("pt")]
    [InlineData("x.")]
    [InlineData("weights.ckpt ")]
    [InlineData("dir.onnx/readme")]
    [InlineData("m.bın")]
    public void Match_AgreesWithEndsWith(string path)
    {
        foreach (var list in new[] { ModelFileExtensions.Weights, ModelFileExtensions.PickleBased })
        {
            var expected = list.FirstOrDefault(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(expected, ModelFileExtensions.Match(path, list));
            // Inside a longer text, only the range counts: the text around it ends in an extension and holds dots.
            Assert.Equal(expected, ModelFileExtensions.Match("a.b/" + path + "x.onnx", 4, path.Length, list));
        }
        Assert.Equal(ModelFileExtensions.IsModelFilePath(path), ModelFileExtensions.IsModelFilePath("\"x\"" + path + "://y.gguf", 3, path.Length));
    }
}
