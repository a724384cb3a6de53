using System;
using System.IO;

namespace LicenceGuard.Core.Weights;

/// <summary>
/// Recognises a pickle without a PROTO header (protocols 0 and 1, whose opcodes are printable characters) by walking
/// its opcodes from the first byte, as Python's unpickler would, without executing any: the content is a pickle when
/// every opcode is one of the pickle machine's (protocols 0–5) with well-formed arguments up to STOP, or for the
/// first <see cref="Enough"/> opcodes of a longer stream. Any other byte, a text argument without its newline or a
/// length past the end of the file ends the walk: not a pickle. Text and binary formats fail on their first bytes.
/// </summary>
internal static class PickleOpcodes
{
    /// <summary>A prefix of this many well-formed opcodes does not happen by chance.</summary>
    public const int Enough = 4096;
    private const int MaxLine = 64 * 1024;

    /// <summary>True when <paramref name="stream"/>, from its start, is a pickle (see the type's summary).</summary>
    public static bool IsPickle(Stream stream)
    {
        stream.Seek(0, SeekOrigin.Begin);
        var length = stream.Length;
        for (var count = 0; count < Enough; count++)
        {
            var op = stream.ReadByte();
            if (op < 0) return false;
            if (op == '.') return count > 0;
            var skip = ArgumentBytes(op, stream, length);
            if (skip < 0 || stream.Position + skip > length) return false;
            stream.Seek(skip, SeekOrigin.Current);
        }
        return true;
    }

    /// <summary>How many argument bytes follow the opcode (after any length prefix, which is read), or -1 for a byte that is no opcode.</summary>
    private static long ArgumentBytes(int op, Stream s, long length)
    {
        switch (op)
        {
            // No argument.
            case '(': case '0': case '1': case '2': case 'N': case 'Q': case 'R': case 'a': case 'b': case 'd': case '}':
            case 'e': case 'l': case ']': case 'o': case 's': case 't': case ')': case 'u':
            case 0x81: case 0x85: case 0x86: case 0x87: case 0x88: case 0x89: case 0x8f: case 0x90: case 0x91: case 0x92:
            case 0x93: case 0x94: case 0x97: case 0x98:
                return 0;
            // One text line: FLOAT, INT, LONG, PERSID, STRING, UNICODE, GET, PUT.
            case 'F': case 'I': case 'L': case 'P': case 'S': case 'V': case 'g': case 'p':
                return Lines(s, 1);
            // Two text lines: GLOBAL and INST (module, name).
            case 'c': case 'i':
                return Lines(s, 2);
            // Fixed-size arguments.
            case 'K': case 'h': case 'q': case 0x80: case 0x82: return 1;
            case 'M': case 0x83: return 2;
            case 'J': case 'j': case 'r': case 0x84: return 4;
            case 'G': case 0x95: return 8;
            // Length-prefixed data.
            case 'U': case 'C': case 0x8a: case 0x8c: return Prefixed(s, 1, length);
            case 'T': case 'X': case 'B': case 0x8b: return Prefixed(s, 4, length);
            case 0x8d: case 0x8e: case 0x96: return Prefixed(s, 8, length);
            default:
                return -1;
        }
    }

    /// <summary>Reads <paramref name="count"/> newline-ended lines of printable text; 0 when they are there, -1 otherwise.</summary>
    private static long Lines(Stream s, int count)
    {
        for (var line = 0; line < count; line++)
        {
            for (var n = 0; ; n++)
            {
                var b = s.ReadByte();
                if (b == '\n') break;
                if (b < 0 || n >= MaxLine || (b < 0x20 && b != '\t' && b != '\r')) return -1;
            }
        }
        return 0;
    }

    private static long Prefixed(Stream s, int prefixBytes, long length)
    {
        ulong value = 0;
        for (var i = 0; i < prefixBytes; i++)
        {
            var b = s.ReadByte();
            if (b < 0) return -1;
            value |= (ulong)b << (8 * i);
        }
        return value > (ulong)length ? -1 : (long)value;
    }
}
