using System.Collections.Generic;
using System.Threading.Tasks;
using LicenceGuard.Runtime.Guard;
using Microsoft.Extensions.AI;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Guard;

public sealed class UseLicenceGuardTests
{
    private const string Manifest = """
        { "formatVersion": 1, "models": [
            { "id": "meta-llama/Llama-3.1-8B-Instruct", "aliases": ["llama3.1:8b"], "verdict": "pass" },
            { "id": "text-embedding-3-small", "verdict": "warn" },
            { "id": "Qwen/Qwen-72B", "verdict": "fail" } ] }
        """;

    private static readonly ApprovedModels Approved = ApprovedModels.FromJson(Manifest, "test manifest");

    private static IChatClient Guarded(FakeChatClient inner) => new ChatClientBuilder(inner).UseLicenceGuard(Approved).Build();

    [Fact]
    public async Task UnapprovedModel_Triggers_AndNothingIsSent()
    {
        var inner = new FakeChatClient();
        var client = Guarded(inner);

        var ex = await Assert.ThrowsAsync<ModelNotApprovedException>(() => client.GetResponseAsync("hi", new ChatOptions { ModelId = "gpt-4o" }));

        Assert.Equal("gpt-4o", ex.ModelId);
        Assert.Contains("not approved", ex.Message);
        Assert.Equal(0, inner.Calls);
    }

    [Fact]
    public async Task ApprovedModel_DoesNotTrigger()
    {
        var inner = new FakeChatClient();
        var client = Guarded(inner);

        var response = await client.GetResponseAsync("hi", new ChatOptions { ModelId = "meta-llama/Llama-3.1-8B-Instruct" });

        Assert.Equal("ok", response.Text);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task AliasAndCaseInsensitiveId_DoNotTrigger()
    {
        var inner = new FakeChatClient();
        var client = Guarded(inner);
        await client.GetResponseAsync("hi", new ChatOptions { ModelId = "llama3.1:8b" });
        await client.GetResponseAsync("hi", new ChatOptions { ModelId = "META-LLAMA/llama-3.1-8b-instruct" });
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task ClientDefaultModel_IsChecked_WhenOptionsNameNone()
    {
        var approved = Guarded(new FakeChatClient("llama3.1:8b"));
        Assert.Equal("ok", (await approved.GetResponseAsync("hi")).Text);

        var refused = Guarded(new FakeChatClient("mistral-large"));
        await Assert.ThrowsAsync<ModelNotApprovedException>(() => refused.GetResponseAsync("hi"));
    }

    [Fact]
    public async Task NoModelAnywhere_Triggers()
    {
        var client = Guarded(new FakeChatClient());
        var ex = await Assert.ThrowsAsync<ModelNotApprovedException>(() => client.GetResponseAsync("hi"));
        Assert.Contains("names no model", ex.Message);
    }

    [Fact]
    public async Task ModelWhoseBuildCheckFailed_Triggers()
    {
        var client = Guarded(new FakeChatClient());
        var ex = await Assert.ThrowsAsync<ModelNotApprovedException>(() => client.GetResponseAsync("hi", new ChatOptions { ModelId = "Qwen/Qwen-72B" }));
        Assert.Contains("licence check failed", ex.Message);
    }

    [Fact]
    public async Task Streaming_UnapprovedModel_Triggers()
    {
        var inner = new FakeChatClient();
        var client = Guarded(inner);
        await Assert.ThrowsAsync<ModelNotApprovedException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("hi", new ChatOptions { ModelId = "gpt-4o" })) { }
        });
        Assert.Equal(0, inner.Calls);
    }

    [Fact]
    public async Task EmbeddingGenerator_ChecksModel()
    {
        var inner = new FakeEmbeddingGenerator();
        var generator = new EmbeddingGeneratorBuilder<string, Embedding<float>>(inner).UseLicenceGuard(Approved).Build();

        await generator.GenerateAsync(new[] { "a" }, new EmbeddingGenerationOptions { ModelId = "text-embedding-3-small" });
        await Assert.ThrowsAsync<ModelNotApprovedException>(() => generator.GenerateAsync(new[] { "a" }, new EmbeddingGenerationOptions { ModelId = "text-embedding-ada-002" }));
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void MissingManifest_FailsClosed()
    {
        var none = ApprovedModels.Load("/nonexistent/licenceguard.compliance.json");
        var ex = Assert.Throws<ModelNotApprovedException>(() => ModelGuardRequire("meta-llama/Llama-3.1-8B-Instruct", none));
        Assert.Contains("cannot be read", ex.Message);
    }

    [Fact]
    public void ModelGuardRequire_ReturnsTheApprovedId()
    {
        Assert.Equal("llama3.1:8b", ModelGuardRequire("llama3.1:8b", Approved));
        Assert.Throws<ModelNotApprovedException>(() => ModelGuardRequire("gpt-4o", Approved));
    }

    private static string ModelGuardRequire(string id, ApprovedModels approved)
    {
        ModelGuard.Use(approved);
        return ModelGuard.Require(id);
    }
}
