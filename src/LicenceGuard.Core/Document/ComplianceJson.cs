using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Output;

namespace LicenceGuard.Core.Document;

/// <summary>
/// The compliance document to and from JSON: indented, '\n' line ends, non-ASCII text as is, and one trailing newline,
/// so that equal documents are equal bytes on every machine. Written and read as streams, so a manifest of many
/// thousand models is never held as text. Reading migrates older versions and rejects what this version cannot read
/// with a <see cref="JsonException"/> that says why.
/// </summary>
public static class ComplianceJson
{
    /// <summary>A compliance document or lock larger than this is refused (a model takes about 2 KB).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    // Options given here replace the context attribute's, so they repeat its naming, indentation and nulls.
    private static readonly ComplianceJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 64,
        Converters = { new SharedStringConverter() },
    });

    public static void WriteTo(Stream stream, ComplianceDocument document)
    {
        var target = Environment.NewLine == "\n" ? stream : new LineFeedStream(stream);
        JsonSerializer.Serialize(target, document, Context.ComplianceDocument);
        target.WriteByte((byte)'\n');
        target.Flush();
    }

    /// <summary>Writes the document to <paramref name="path"/> atomically, unless the file already holds these bytes.</summary>
    /// <returns>True when the file was written.</returns>
    public static bool WriteFile(string path, ComplianceDocument document) => AtomicFile.WriteIfChanged(path, stream => WriteTo(stream, document));

    public static string ToJson(ComplianceDocument document)
    {
        using var stream = new MemoryStream();
        WriteTo(stream, document);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>One licence's terms, inside a JSON the caller writes (<c>licenceguard catalogue --format json</c>).</summary>
    public static void Write(Utf8JsonWriter writer, LicenceTerms terms) => JsonSerializer.Serialize(writer, terms, Context.LicenceTerms);

    /// <summary>Reads a compliance document or lock from a regular file of at most <see cref="MaxBytes"/>.</summary>
    /// <exception cref="IOException">The file cannot be read, or is not a regular file, or is too large.</exception>
    /// <exception cref="JsonException">It is not a compliance manifest this version can read.</exception>
    public static ComplianceDocument ReadFile(string path)
    {
        var refusal = SafeFile.Refusal(path) ?? (FileStatus.Of(path).Size is var size && size > MaxBytes ? SafeFile.OverLimit(size, MaxBytes) : null);
        if (refusal != null) throw new IOException(refusal);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan);
        return Parse(stream);
    }

    public static ComplianceDocument Parse(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json), writable: false);
        return Parse(stream);
    }

    public static ComplianceDocument Parse(Stream stream)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        var start = stream.Position;
        var version = VersionOf(stream);
        if (version > ComplianceDocument.CurrentSchemaVersion)
            throw new JsonException($"it was written by a newer LicenceGuard (schemaVersion {version}); this version reads up to {ComplianceDocument.CurrentSchemaVersion}");
        stream.Position = start;
        using var sharing = SharedStringConverter.Scope();
        var document = version < ComplianceDocument.CurrentSchemaVersion
            ? JsonSerializer.Deserialize(LegacyDocument.Upgrade(stream), Context.ComplianceDocument)
            : JsonSerializer.Deserialize(stream, Context.ComplianceDocument);
        if (document is null) throw new JsonException("it is null, not a compliance manifest");
        DocumentShape.Check(document);
        return document;
    }

    /// <summary>schemaVersion, or 1 for a document of the first format (formatVersion 1, terms in every model). The
    /// writer puts it second, so the first block is enough; a document whose members another tool reordered (a
    /// formatter that sorts keys puts it after the models) is read on, a block at a time, until the member is found.</summary>
    private static int VersionOf(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        var length = Fill(stream, buffer, 0, out var end);
        // A byte order mark (an editor's) is not JSON; the serializer skips it too.
        var start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 64 });
        var started = false;
        string? member = null;
        while (true)
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, start, length - start), end, state);
            while (reader.Read())
            {
                if (!started)
                {
                    if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("it is not a JSON object");
                    started = true;
                }
                else if (reader.CurrentDepth == 0) throw new JsonException("it has no schemaVersion: not a compliance manifest");
                else if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName) member = reader.GetString();
                else if (reader.CurrentDepth == 1 && member != null)
                {
                    if ((member == "schemaVersion" || member == "formatVersion") && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v))
                        return member == "formatVersion" ? 1 : v;
                    member = null;
                }
            }
            if (end) throw new JsonException("it has no schemaVersion: not a compliance manifest");
            // Keep the token the block cut, growing the buffer when one token is larger than it.
            var consumed = start + (int)reader.BytesConsumed;
            state = reader.CurrentState;
            if (consumed == 0) Array.Resize(ref buffer, buffer.Length * 2);
            else Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length = Fill(stream, buffer, length - consumed, out end);
            start = 0;
        }
    }

    private static int Fill(Stream stream, byte[] buffer, int length, out bool end)
    {
        var read = 1;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0) length += read;
        end = read == 0;
        return length;
    }

    internal static JsonNode? ParseNode(Stream stream) => JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });

    /// <summary>System.Text.Json 8 indents with the platform's line end; JSON text escapes control characters inside
    /// strings, so every carriage return it writes is part of a line end and is dropped.</summary>
    private sealed class LineFeedStream : Stream
    {
        private readonly Stream _inner;

        public LineFeedStream(Stream inner) => _inner = inner;

        public override void Write(byte[] buffer, int offset, int count)
        {
            var start = offset;
            for (var i = offset; i < offset + count; i++)
            {
                if (buffer[i] != (byte)'\r') continue;
                _inner.Write(buffer, start, i - start);
                start = i + 1;
            }
            _inner.Write(buffer, start, offset + count - start);
        }

        public override void Flush() => _inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
