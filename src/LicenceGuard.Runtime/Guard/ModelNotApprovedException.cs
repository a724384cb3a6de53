using System;

namespace LicenceGuard.Runtime.Guard;

/// <summary>A request named a model that the build did not approve; the request was not sent.</summary>
public sealed class ModelNotApprovedException : InvalidOperationException
{
    public ModelNotApprovedException(string? modelId, string message) : base(message) => ModelId = modelId;

    /// <summary>The model the request named; null when it named none.</summary>
    public string? ModelId { get; }
}
