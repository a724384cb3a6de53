using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.Tests.Text;

public class NameFilterTests
{
    [Fact]
    public void EveryNameInTheSet_MightBeContained()
    {
        var random = new Random(7);
        var names = Enumerable.Range(0, 500)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 90)).Select(_ => (char)random.Next(1, 0x3000)).ToArray()))
            .Append("").Append(".ctor").Append("GetChatClient").ToList();
        var filter = new NameFilter(names);
        Assert.All(names, n => Assert.True(filter.MightContain(n), n));
    }

    [Fact]
    public void OrdinaryMethodNames_AreMostlyRuledOut()
    {
        var filter = new NameFilter(new[] { "GetChatClient", "AsIChatClient", "AddOllamaChatCompletion", ".ctor" });
        string[] ordinary = { "Append", "Where", "Select", "ToString", "Equals", "TryGetValue", "StartsWith", "Format", "Split", "Sum", "OrderBy", "Range", "ToUpperInvariant", "Add", "GetHashCode" };
        Assert.DoesNotContain(ordinary, filter.MightContain);
    }
}
