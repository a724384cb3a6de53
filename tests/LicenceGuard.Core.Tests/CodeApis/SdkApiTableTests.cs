using LicenceGuard.Core.CodeApis;

namespace LicenceGuard.Core.Tests.CodeApis;

/// <summary>The analyzer asks the table about every call and assignment; the quick answers must be the table's own.</summary>
public class SdkApiTableTests
{
    [Fact]
    public void QuickQuestions_AgreeWithTheEntries()
    {
        var table = SdkApiTable.Embedded;
        var members = table.Apis.SelectMany(a => a.Members).ToHashSet();
        var properties = table.Apis.SelectMany(a => a.Properties).ToHashSet();
        var constructorTypes = table.Apis.Where(a => a.Members.Contains(SdkApiTable.Constructor)).Select(a => a.TypeName).ToHashSet();
        var names = members.Concat(properties).Concat(table.Apis.Select(a => a.TypeName))
            .Concat(new[] { "Append", "Model", "ModelID", "getChatClient", "ChatClient ", "", "Where" }).ToList();
        Assert.All(names, n =>
        {
            Assert.Equal(members.Contains(n), table.HasMember(n));
            Assert.Equal(properties.Contains(n), table.HasProperty(n));
            Assert.Equal(constructorTypes.Contains(n), table.HasConstructorOf(n));
        });
        Assert.Contains("ChatClient", constructorTypes);
    }
}
