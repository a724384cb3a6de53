using Microsoft.Extensions.AI;

namespace LicenceGuard.Runtime.Guard;

/// <summary>
/// <c>new ChatClientBuilder(client).UseLicenceGuard().Build()</c>: every request's model is checked against the models
/// the build approved, and an unapproved one is refused with <see cref="ModelNotApprovedException"/> before anything
/// is sent. Put it first in the pipeline so that no other middleware sees a refused request.
/// </summary>
public static class LicenceGuardBuilderExtensions
{
    /// <param name="approved">The approved list; default: the build's compliance manifest (see <see cref="ApprovedModels"/>).</param>
    public static ChatClientBuilder UseLicenceGuard(this ChatClientBuilder builder, ApprovedModels? approved = null) =>
        builder.Use(inner => new LicenceGuardChatClient(inner, approved));

    public static EmbeddingGeneratorBuilder<TInput, TEmbedding> UseLicenceGuard<TInput, TEmbedding>(this EmbeddingGeneratorBuilder<TInput, TEmbedding> builder,
        ApprovedModels? approved = null)
        where TEmbedding : Embedding =>
        builder.Use(inner => new LicenceGuardEmbeddingGenerator<TInput, TEmbedding>(inner, approved));
}
