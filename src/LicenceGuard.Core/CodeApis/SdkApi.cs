using System.Collections.Generic;

namespace LicenceGuard.Core.CodeApis;

/// <summary>One entry of rules/sdk-apis.yaml: members' parameters, or properties, of one type that carry a model.</summary>
public sealed class SdkApi
{
    public SdkApi(string sdk, string type, IReadOnlyList<string> members, IReadOnlyList<string> parameters, IReadOnlyList<string> properties, string kind, string? hosting)
    {
        Sdk = sdk;
        Type = type;
        Members = members;
        Parameters = parameters;
        Properties = properties;
        Kind = kind;
        Hosting = hosting;
        var dot = type.LastIndexOfAny(new[] { '.', '+' });
        TypeName = dot < 0 ? type : type.Substring(dot + 1);
    }

    public string Sdk { get; }
    /// <summary>Full metadata name of the declaring type.</summary>
    public string Type { get; }
    /// <summary>The simple name of <see cref="Type"/>, for the syntax-only scan.</summary>
    public string TypeName { get; }
    public IReadOnlyList<string> Members { get; }
    public IReadOnlyList<string> Parameters { get; }
    public IReadOnlyList<string> Properties { get; }
    public string Kind { get; }
    /// <summary>api | self-hosted | null (depends on the provider behind the abstraction).</summary>
    public string? Hosting { get; }

    /// <summary>How the API is shown to people: <c>new ChatClient(model)</c>, <c>OpenAIClient.GetChatClient(model)</c>, <c>ChatOptions.ModelId</c>.</summary>
    public string Describe(string member, string? parameter) =>
        parameter is null ? $"{TypeName}.{member}" :
        member == SdkApiTable.Constructor ? $"new {TypeName}({parameter})" : $"{TypeName}.{member}({parameter})";
}
