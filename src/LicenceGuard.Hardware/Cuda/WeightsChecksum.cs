using System;
using System.Runtime.InteropServices;
using System.Text;

namespace LicenceGuard.Hardware.Cuda;

/// <summary>
/// The checksum that proves the weights landed intact on the GPU, computed by the GPU (a PTX kernel the driver
/// JIT-compiles) and by the host over the same bytes. For each little-endian 32-bit word w at index i counted from the
/// file's start (the last word zero-padded):
/// <code>sum += (w XOR (i × 0x9E3779B97F4A7C15)) × 0xFF51AFD7ED558CCD   (mod 2^64)</code>
/// Order-free, so thousands of GPU threads can add their parts in any order; position-dependent, so swapped or shifted
/// blocks change it; every single-bit change changes it (the multiplier is odd). It is an integrity check of the
/// transfer, not a security hash: the file's SHA-256 names the weights.
/// </summary>
internal static class WeightsChecksum
{
    public const ulong IndexMultiplier = 0x9E3779B97F4A7C15;
    public const ulong WordMultiplier = 0xFF51AFD7ED558CCD;
    public const string KernelName = "lg_checksum";
    public const int ThreadsPerBlock = 256;
    public const int MaxBlocks = 4096;

    /// <summary>The host's part for a run of words whose first word has index <paramref name="firstIndex"/>.</summary>
    public static ulong Host(ReadOnlySpan<byte> bytes, ulong firstIndex)
    {
        if (bytes.Length % 4 != 0) throw new ArgumentException("whole 32-bit words only (pad the last one with zeros)", nameof(bytes));
        var words = MemoryMarshal.Cast<byte, uint>(bytes);
        ulong sum = 0;
        var index = firstIndex;
        foreach (var w in words)
        {
            sum += (w ^ (index * IndexMultiplier)) * WordMultiplier;
            index++;
        }
        return sum;
    }

    /// <summary>
    /// The kernel: lg_checksum(data, words, firstIndex, result) — a grid-stride loop, one 64-bit partial sum per thread,
    /// added to *result atomically. PTX ISA 6.0 for sm_50, which every driver since CUDA 9 JIT-compiles for its GPU.
    /// </summary>
    public static byte[] Ptx() => Encoding.ASCII.GetBytes(PtxText + "\0");

    private const string PtxText = """
        .version 6.0
        .target sm_50
        .address_size 64

        .visible .entry lg_checksum(
            .param .u64 lg_data,
            .param .u64 lg_words,
            .param .u64 lg_first,
            .param .u64 lg_result
        )
        {
            .reg .pred %p;
            .reg .b32 %r<5>;
            .reg .b64 %rd<16>;

            ld.param.u64 %rd1, [lg_data];
            ld.param.u64 %rd2, [lg_words];
            ld.param.u64 %rd3, [lg_first];
            ld.param.u64 %rd4, [lg_result];
            cvta.to.global.u64 %rd1, %rd1;
            cvta.to.global.u64 %rd4, %rd4;
            mov.u32 %r1, %ctaid.x;
            mov.u32 %r2, %ntid.x;
            mov.u32 %r3, %tid.x;
            mov.u32 %r4, %nctaid.x;
            mul.wide.u32 %rd5, %r1, %r2;
            cvt.u64.u32 %rd6, %r3;
            add.u64 %rd5, %rd5, %rd6;
            mul.wide.u32 %rd7, %r4, %r2;
            mov.u64 %rd8, 0;
            mov.u64 %rd14, 0x9E3779B97F4A7C15U;
            mov.u64 %rd15, 0xFF51AFD7ED558CCDU;
        LOOP:
            setp.ge.u64 %p, %rd5, %rd2;
            @%p bra DONE;
            shl.b64 %rd9, %rd5, 2;
            add.u64 %rd10, %rd1, %rd9;
            ld.global.u32 %r1, [%rd10];
            cvt.u64.u32 %rd11, %r1;
            add.u64 %rd12, %rd5, %rd3;
            mul.lo.u64 %rd12, %rd12, %rd14;
            xor.b64 %rd13, %rd11, %rd12;
            mul.lo.u64 %rd13, %rd13, %rd15;
            add.u64 %rd8, %rd8, %rd13;
            add.u64 %rd5, %rd5, %rd7;
            bra LOOP;
        DONE:
            atom.global.add.u64 %rd9, [%rd4], %rd8;
            ret;
        }
        """;
}
