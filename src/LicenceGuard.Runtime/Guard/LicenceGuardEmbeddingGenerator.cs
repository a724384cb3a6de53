using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LicenceGuard.Runtime.Guard;

/// <summary>Checks every request's model (EmbeddingGenerationOptions.ModelId, else the generator's default model) before it is sent.</summary>
public sealed class LicenceGuardEmbeddingGenerator<TInput, TEmbedding> : DelegatingEmbeddingGenerator<TInput, TEmbedding>
    where TEmbedding : Embedding
{
    private readonly ApprovedModels? _approved;

    public LicenceGuardEmbeddingGenerator(IEmbeddingGenerator<TInput, TEmbedding> innerGenerator, ApprovedModels? approved = null) : base(innerGenerator) =>
        _approved = approved;

    public override Task<GeneratedEmbeddings<TEmbedding>> GenerateAsync(IEnumerable<TInput> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? InnerGenerator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId;
        ModelGuard.Require(model, _approved ?? ModelGuard.Approved);
        return base.GenerateAsync(values, options, cancellationToken);
    }
}
