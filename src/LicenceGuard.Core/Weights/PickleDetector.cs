using System;
using System.IO;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// Finds files that run code when loaded: a raw pickle stream (protocol 2 and later start with opcode PROTO, 0x80,
/// then the protocol number; PyTorch's legacy format is such a stream; protocols 0 and 1 are recognised by their
/// opcodes, see <see cref="PickleOpcodes"/>) and a zip archive holding a pickle (PyTorch's torch.save format since
/// 1.6: <c>archive/data.pkl</c>), whatever the file is called.
/// </summary>
public static class PickleDetector
{
    private const uint LocalFileHeader = 0x04034b50;
    private const uint EndOfCentralDirectory = 0x06054b50;
    private const uint CentralDirectoryHeader = 0x02014b50;
    private const int MaxEntries = 100_000;

    /// <summary>
    /// True when the file at <paramref name="path"/> holds a pickle by content (a raw stream of any protocol 0–5, or a
    /// zip archive with a pickle entry), whatever its extension; false for anything else, including files that cannot
    /// be read as regular files.
    /// </summary>
    public static bool Holds(string path)
    {
        try
        {
            using var stream = Files.SafeFile.OpenRead(path, out _, FileOptions.RandomAccess, 64 * 1024);
            if (stream is null) return false;
            var head = new byte[4];
            var count = stream.Read(head, 0, head.Length);
            if (IsRawPickle(head, count)) return true;
            if (IsZip(head, count)) return FindPickleInZip(stream) != null;
            return count > 0 && PickleOpcodes.IsPickle(stream);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is WeightsFormatException || ex is ArgumentException)
        {
            return false;
        }
    }

    internal static bool IsRawPickle(byte[] head, int count) => count >= 2 && head[0] == 0x80 && head[1] is >= 2 and <= 5;

    internal static bool IsZip(byte[] head, int count) => count >= 4 && BitConverter.ToUInt32(head, 0) == LocalFileHeader;

    /// <summary>The pickle entry a zip holds (e.g. "archive/data.pkl"), or null when it holds none.</summary>
    internal static string? FindPickleInZip(Stream stream)
    {
        foreach (var name in EntryNames(stream))
            if (name.EndsWith(".pkl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".pickle", StringComparison.OrdinalIgnoreCase))
                return name;
        return null;
    }

    /// <summary>Entry names from the central directory; when that cannot be found (zip64, damage), the first local header's name.</summary>
    private static System.Collections.Generic.IEnumerable<string> EntryNames(Stream stream)
    {
        var names = new System.Collections.Generic.List<string>();
        var r = new BoundedReader(stream, "zip archive");
        r.Seek(26);
        var firstNameLength = r.ReadUInt16("the first entry's name length");
        r.Seek(30);
        if (firstNameLength <= r.Remaining) names.Add(r.ReadUtf8(firstNameLength, "the first entry's name"));

        var tail = (int)Math.Min(stream.Length, 22 + 0xFFFF);
        r.Seek(stream.Length - tail);
        var buffer = r.ReadBytes(tail, "the end of the archive");
        for (var i = tail - 22; i >= 0; i--)
        {
            if (BitConverter.ToUInt32(buffer, i) != EndOfCentralDirectory) continue;
            var entries = BitConverter.ToUInt16(buffer, i + 10);
            var offset = BitConverter.ToUInt32(buffer, i + 16);
            if (offset == 0xFFFFFFFF || offset >= stream.Length) break;
            r.Seek(offset);
            for (var e = 0; e < Math.Min((int)entries, MaxEntries); e++)
            {
                if (r.Remaining < 46 || r.ReadUInt32("a central directory entry") != CentralDirectoryHeader) break;
                r.Skip(24, "a central directory entry");
                var nameLength = r.ReadUInt16("an entry name length");
                var extraLength = r.ReadUInt16("an entry extra length");
                var commentLength = r.ReadUInt16("an entry comment length");
                r.Skip(12, "a central directory entry");
                names.Add(r.ReadUtf8(nameLength, "an entry name"));
                r.Skip(extraLength + commentLength, "an entry's extra fields");
            }
            break;
        }
        return names;
    }

    internal static string Describe(string entry) => $"a zip archive holding the pickle '{entry}' (PyTorch torch.save format)";

    internal static string DescribeRaw(byte protocol) => $"a Python pickle stream (protocol {protocol})";

    internal const string DescribeUnframed = "a Python pickle stream (protocol 0 or 1, recognised by its opcodes)";

    /// <summary>Extensions of formats that are pickles in practice; content that is not recognised under them is refused.</summary>
    internal static bool HasPickleExtension(string path) => Catalogue.ModelFileExtensions.Match(path, Catalogue.ModelFileExtensions.PickleBased) != null;
}
