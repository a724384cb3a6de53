namespace LicenceGuard.Core.CodeApis;

/// <summary>How a model reference was found; the values are the <c>kind</c> of <c>licenceguard scan --format json</c>.</summary>
public static class ReferenceKinds
{
    /// <summary>A provider's model name passed to an SDK (OpenAI, Anthropic, Ollama…).</summary>
    public const string ApiModelId = "api-model-id";
    /// <summary>An Azure OpenAI deployment name.</summary>
    public const string DeploymentName = "deployment-name";
    /// <summary>A weights file on disk passed to a local runtime.</summary>
    public const string LocalModelPath = "local-model-path";
    /// <summary>A value under Model, ModelId, DeploymentName… in appsettings*.json.</summary>
    public const string ConfigValue = "config-value";
    /// <summary>A parameter or property of the user's own API marked [ModelId].</summary>
    public const string Attributed = "attributed";
    /// <summary>A string literal outside known APIs that the manifest or the catalogue recognises.</summary>
    public const string Literal = "literal";
}
