using System;
using LicenceGuard.Core.AnalyzerInput;
using LicenceGuard.Runtime.Guard;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Guard;

/// <summary>The runtime guard names models as the analyzer and the build do: one index (DeclaredModelIndex) for all three.</summary>
public class ApprovedNamesTests
{
    private const string Manifest = """
        { "schemaVersion": 2, "models": [
          { "id": "acme/house-7b", "aliases": ["house"], "verdict": "pass", "weights": [ { "path": "models/house-7b.onnx" } ] },
          { "id": "gpt-4o-mini", "aliases": [], "verdict": "fail" } ] }
        """;

    [Theory]
    [InlineData("acme/house-7b")]
    [InlineData("HOUSE")]
    [InlineData("/opt/app/models/house-7b.onnx")]
    [InlineData("house.gguf")]
    public void NameTheAnalyzerAccepts_TheGuardAccepts(string name)
    {
        var approved = ApprovedModels.FromJson(Manifest, "test");
        Assert.Null(approved.Check(name));
        var index = new DeclaredModelIndex(new[] { DeclaredModelIndex.Model("acme/house-7b", new[] { "acme/house-7b", "house" }, new[] { "models/house-7b.onnx" }, null, true, "") }, Array.Empty<string>());
        Assert.NotNull(index.Find(name));
    }

    [Theory]
    [InlineData("gpt-4o-mini", "licence check failed")]
    [InlineData("gpt-4o", "not approved")]
    [InlineData("models/other.onnx", "not approved")]
    public void RefusedOrUnknown_IsRefusedWithTheReason(string name, string reason) =>
        Assert.Contains(reason, ApprovedModels.FromJson(Manifest, "test").Check(name));
}
