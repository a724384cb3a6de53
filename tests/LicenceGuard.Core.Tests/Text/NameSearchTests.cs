using LicenceGuard.Core.Text;

namespace LicenceGuard.Core.Tests.Text;

public class NameSearchTests
{
    [Fact]
    public void EveryOccurrence_IsFound_InOrder()
    {
        string[] names = { "GetChatClient", "GetChat", "ModelId", "Model", "x", "Ad", "\u00C9t\u00E9" };
        var search = new NameSearch(names);
        var random = new Random(11);
        string[] pieces = { "GetChatClient", "Model", "ModelId", "x", "Add", "A", "\u00C9t\u00E9", "\u0145t\u00E9", " ", "(", ".", "G", "Mod", "\u0100d" };
        for (var round = 0; round < 500; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var expected = Enumerable.Range(0, text.Length)
                .Where(i => names.Any(n => string.CompareOrdinal(text, i, n, 0, n.Length) == 0 && i + n.Length <= text.Length)).ToList();
            var found = new List<int>();
            search.FindAll(text, found);
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void NoNames_FindNothing()
    {
        var found = new List<int>();
        new NameSearch(Array.Empty<string>()).FindAll("GetChatClient", found);
        Assert.Empty(found);
    }
}
