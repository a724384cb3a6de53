using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LicenceGuard.Runtime.Guard;

/// <summary>Checks every request's model (ChatOptions.ModelId, else the client's default model) before it is sent.</summary>
public sealed class LicenceGuardChatClient : DelegatingChatClient
{
    private readonly ApprovedModels? _approved;

    public LicenceGuardChatClient(IChatClient innerClient, ApprovedModels? approved = null) : base(innerClient) => _approved = approved;

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check(options);
        return base.GetResponseAsync(messages, options, cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Check(options);
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            yield return update;
    }

    private void Check(ChatOptions? options)
    {
        var model = options?.ModelId ?? InnerClient.GetService<ChatClientMetadata>()?.DefaultModelId;
        ModelGuard.Require(model, _approved ?? ModelGuard.Approved);
    }
}
