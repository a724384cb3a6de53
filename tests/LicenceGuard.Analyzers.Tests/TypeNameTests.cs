using LicenceGuard.Analyzers.Detection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>rules/sdk-apis.yaml names types as Namespace.Outer+Inner; the finder compares without formatting names.</summary>
public class TypeNameTests
{
    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create("T", new[]
    {
        CSharpSyntaxTree.ParseText("""
            namespace OpenAI.Chat { public class ChatClient { public class Options { } } }
            namespace Other.Chat { public class ChatClient { } }
            public class TopLevel { }
            """),
    });

    [Theory]
    [InlineData("OpenAI.Chat.ChatClient", "OpenAI.Chat.ChatClient", true)]
    [InlineData("OpenAI.Chat.ChatClient", "Other.Chat.ChatClient", false)]
    [InlineData("OpenAI.Chat.ChatClient", "Chat.ChatClient", false)]
    [InlineData("OpenAI.Chat.ChatClient", "ChatClient", false)]
    [InlineData("OpenAI.Chat.ChatClient", "XOpenAI.Chat.ChatClient", false)]
    [InlineData("OpenAI.Chat.ChatClient+Options", "OpenAI.Chat.ChatClient+Options", true)]
    [InlineData("OpenAI.Chat.ChatClient+Options", "OpenAI.Chat.ChatClient.Options", false)]
    [InlineData("TopLevel", "TopLevel", true)]
    [InlineData("TopLevel", "Global.TopLevel", false)]
    public void IsType_ComparesNamespacesAndNesting(string metadataName, string tableName, bool expected)
    {
        var type = Compilation.GetTypeByMetadataName(metadataName);
        Assert.NotNull(type);
        Assert.Equal(expected, ModelReferenceFinder.IsType(type, tableName));
    }
}
