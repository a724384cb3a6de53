using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using LicenceGuard.Core.Weights;

namespace LicenceGuard.Hardware.Cuda;

/// <summary>
/// One CUDA context and everything the load check allocates in it, released in reverse order on dispose (also after
/// a failure half-way). Each step names itself in <see cref="CudaLoadCheck.Progress"/> first, so that a hang or an
/// error says where it happened.
/// </summary>
internal sealed unsafe class CudaSession : IDisposable
{
    private readonly CudaDriver _d;
    private readonly CudaLoadCheck.Progress _progress;
    private IntPtr _context;
    private IntPtr _module;
    private IntPtr _kernel;
    private readonly List<ulong> _weights = new();
    private ulong _kvCache;
    private ulong _accumulator;
    private readonly void*[] _pinned = new void*[2];
    private readonly IntPtr[] _streams = new IntPtr[2];

    public CudaSession(CudaDriver driver, CudaLoadCheck.Progress progress)
    {
        _d = driver;
        _progress = progress;
    }

    public void OpenDevice(int index, CudaCheckResult result)
    {
        Step("initialising the CUDA driver (cuInit)");
        var init = _d.Init(0);
        if (init == CudaDriver.ErrorNoDevice) throw new NoGpuException($"the CUDA driver reports no GPU: {_d.Describe(init)}");
        _d.Check(init, "cuInit");
        int version, count, device, major, minor;
        _d.Check(_d.DriverGetVersion(&version), "cuDriverGetVersion");
        result.CudaDriverVersion = $"{version / 1000}.{version % 1000 / 10}";
        _d.Check(_d.DeviceGetCount(&count), "cuDeviceGetCount");
        if (count == 0) throw new NoGpuException("the CUDA driver reports no GPU");
        if (index < 0 || index >= count) throw new NoGpuException($"there is no GPU {index}: the CUDA driver reports {count} GPU(s), numbered from 0");
        Step($"reading GPU {index}'s properties");
        _d.Check(_d.DeviceGet(&device, index), "cuDeviceGet");
        var name = stackalloc byte[256];
        _d.Check(_d.DeviceGetName(name, 256, device), "cuDeviceGetName");
        result.DeviceName = new string((sbyte*)name).Trim();
        nuint total;
        _d.Check(_d.DeviceTotalMem(&total, device), "cuDeviceTotalMem");
        result.MemoryTotalBytes = (long)total;
        _d.Check(_d.DeviceGetAttribute(&major, CudaDriver.AttributeComputeCapabilityMajor, device), "cuDeviceGetAttribute");
        _d.Check(_d.DeviceGetAttribute(&minor, CudaDriver.AttributeComputeCapabilityMinor, device), "cuDeviceGetAttribute");
        result.ComputeCapability = $"{major}.{minor}";
        Step("creating a CUDA context (cuCtxCreate)");
        IntPtr context;
        _d.Check(_d.CtxCreate(&context, 0, device), "cuCtxCreate");
        _context = context;
    }

    /// <summary>Allocates every weights file and the KV cache; refuses up front when the GPU's free memory is too small.</summary>
    public void AllocateModel(CudaCheckOptions options, CudaCheckResult result)
    {
        Step("reading free GPU memory (cuMemGetInfo)");
        result.FreeBytesBefore = FreeBytes();
        long weights = 0;
        foreach (var f in options.Files)
        {
            var bytes = RegularFileLength(f.FullPath, f.DisplayPath);
            result.Files.Add(new UploadedFile(f.DisplayPath, bytes));
            weights += Padded(bytes);
        }
        var kv = options.KvCacheBytes ?? 0;
        result.KvCacheBytes = options.KvCacheBytes;
        result.KvCacheFormula = options.KvCacheFormula;
        if (weights + kv > result.FreeBytesBefore)
            throw new CheckFailedException($"the model does not fit GPU {result.DeviceIndex} ({result.DeviceName}): weights {MemoryFit.GiB(weights)} + KV cache {MemoryFit.GiB(kv)} " +
                $"need {MemoryFit.GiB(weights + kv)}, but only {MemoryFit.GiB(result.FreeBytesBefore.Value)} of {MemoryFit.GiB(result.MemoryTotalBytes ?? 0)} is free");
        foreach (var f in result.Files)
        {
            Step($"allocating {MemoryFit.GiB(f.Bytes)} for '{f.DisplayPath}' (cuMemAlloc)");
            _weights.Add(Allocate(Padded(f.Bytes), $"the weights '{f.DisplayPath}'"));
        }
        if (kv > 0)
        {
            Step($"allocating the KV cache, {MemoryFit.GiB(kv)} (cuMemAlloc)");
            _kvCache = Allocate(kv, "the KV cache");
        }
        result.Level = LoadLevel.Fits;
        result.FreeBytesWithModel = FreeBytes();
    }

    /// <summary>Reads each file once, through two pinned buffers on two streams: the disk read of one chunk overlaps the copy of the other.</summary>
    public void Upload(CudaCheckOptions options, CudaCheckResult result)
    {
        Step("allocating pinned host buffers (cuMemHostAlloc)");
        var chunk = options.ChunkBytes - options.ChunkBytes % 4;
        for (var i = 0; i < 2; i++)
        {
            void* buffer;
            _d.Check(_d.MemHostAlloc(&buffer, (nuint)chunk, 0), "cuMemHostAlloc");
            _pinned[i] = buffer;
            IntPtr stream;
            _d.Check(_d.StreamCreate(&stream, 0), "cuStreamCreate");
            _streams[i] = stream;
        }
        MeasureCopyRate(chunk, result);
        var started = Stopwatch.GetTimestamp();
        var turn = 0;
        for (var n = 0; n < result.Files.Count; n++)
        {
            var file = result.Files[n];
            Step($"uploading '{file.DisplayPath}' (cuMemcpyHtoDAsync)");
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var stream = new FileStream(options.Files[n].FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            ulong host = 0;
            long offset = 0;
            while (offset < file.Bytes)
            {
                var b = turn++ % 2;
                _d.Check(_d.StreamSynchronize(_streams[b]), "cuStreamSynchronize");
                var span = new Span<byte>(_pinned[b], chunk);
                var want = (int)Math.Min(chunk, file.Bytes - offset);
                var read = stream.ReadAtLeast(span.Slice(0, want), want, throwOnEndOfStream: false);
                if (read < want)
                    throw new CheckFailedException($"'{file.DisplayPath}' ended at byte {offset + read}, but it had {file.Bytes} bytes when the check started (truncated or being written?)");
                var padded = (int)Padded(read);
                span.Slice(read, padded - read).Clear();
                host += HashAndChecksum(sha, (IntPtr)_pinned[b], read, padded, (ulong)offset / 4);
                _d.Check(_d.MemcpyHtoDAsync(_weights[n] + (ulong)offset, _pinned[b], (nuint)padded, _streams[b]), "cuMemcpyHtoDAsync");
                offset += read;
            }
            file.Sha256 = FileHasher.ToHex(sha.GetHashAndReset());
            file.HostChecksum = host;
            if (options.Files[n].ExpectedSha256 is { } expected && !string.Equals(expected, file.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new CheckFailedException($"'{file.DisplayPath}' changed while it was checked: SHA-256 {file.Sha256} uploaded, {expected.ToLowerInvariant()} expected");
        }
        for (var i = 0; i < 2; i++) _d.Check(_d.StreamSynchronize(_streams[i]), "cuStreamSynchronize");
        result.UploadSeconds = Seconds.Since(started);
        foreach (var f in result.Files) result.UploadedBytes += f.Bytes;
    }

    /// <summary>The SHA-256 and the host checksum of one chunk, side by side on two cores: together they bound the upload's pace.</summary>
    private static ulong HashAndChecksum(IncrementalHash sha, IntPtr chunk, int read, int padded, ulong firstWord)
    {
        ulong sum = 0;
        System.Threading.Tasks.Parallel.Invoke(
            () => sha.AppendData(new ReadOnlySpan<byte>((void*)chunk, read)),
            () => sum = WeightsChecksum.Host(new ReadOnlySpan<byte>((void*)chunk, padded), firstWord));
        return sum;
    }

    /// <summary>
    /// The host-to-device copy rate alone, before the upload (which then overwrites what this copies): up to eight
    /// chunk-sized copies from a pinned buffer into the first weights allocation. Skipped for weights smaller than a chunk.
    /// </summary>
    private void MeasureCopyRate(int chunk, CudaCheckResult result)
    {
        var copies = (int)Math.Min(8, result.Files[0].Bytes / chunk);
        if (copies == 0) return;
        Step("measuring the pinned copy rate (cuMemcpyHtoDAsync)");
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < copies; i++)
            _d.Check(_d.MemcpyHtoDAsync(_weights[0] + (ulong)i * (ulong)chunk, _pinned[0], (nuint)chunk, _streams[0]), "cuMemcpyHtoDAsync");
        _d.Check(_d.StreamSynchronize(_streams[0]), "cuStreamSynchronize");
        result.PinnedCopyGigabytesPerSecond = (double)copies * chunk / Seconds.Since(started) / 1e9;
    }

    /// <summary>Runs the checksum kernel over each uploaded file and compares with the host's checksum of the same bytes.</summary>
    public void CompareChecksums(CudaCheckResult result)
    {
        Step("JIT-compiling the checksum kernel (cuModuleLoadDataEx)");
        LoadKernel();
        Step("allocating the checksum accumulator (cuMemAlloc)");
        _accumulator = Allocate(8, "the checksum accumulator");
        // The kernel's four parameters, by address as cuLaunchKernel takes them: data, words, first word's index, result.
        ulong data = 0, words = 0, first = 0, target = _accumulator, zero = 0, sum = 0;
        var parameters = stackalloc void*[] { &data, &words, &first, &target };
        var started = Stopwatch.GetTimestamp();
        for (var n = 0; n < result.Files.Count; n++)
        {
            var file = result.Files[n];
            Step($"checksumming '{file.DisplayPath}' on the GPU (cuLaunchKernel)");
            _d.Check(_d.MemcpyHtoD(_accumulator, &zero, 8), "cuMemcpyHtoD");
            data = _weights[n];
            words = (ulong)Padded(file.Bytes) / 4;
            var blocks = (uint)Math.Clamp((long)(words + WeightsChecksum.ThreadsPerBlock - 1) / WeightsChecksum.ThreadsPerBlock, 1, WeightsChecksum.MaxBlocks);
            _d.Check(_d.LaunchKernel(_kernel, blocks, 1, 1, WeightsChecksum.ThreadsPerBlock, 1, 1, 0, IntPtr.Zero, parameters, null), "cuLaunchKernel");
            _d.Check(_d.CtxSynchronize(), "cuCtxSynchronize");
            _d.Check(_d.MemcpyDtoH(&sum, _accumulator, 8), "cuMemcpyDtoH");
            file.GpuChecksum = sum;
        }
        result.ChecksumSeconds = Seconds.Since(started);
        foreach (var f in result.Files)
        {
            if (f.ChecksumsAgree == false)
                throw new CheckFailedException($"the GPU's checksum of '{f.DisplayPath}' ({f.GpuChecksum:x16}) differs from the host's ({f.HostChecksum:x16}): the weights did not land intact on the GPU");
        }
    }

    private void LoadKernel()
    {
        var log = new byte[4096];
        var ptx = WeightsChecksum.Ptx();
        int* keys = stackalloc int[] { CudaDriver.JitErrorLogBuffer, CudaDriver.JitErrorLogBufferSizeBytes };
        fixed (byte* image = ptx)
        fixed (byte* logBuffer = log)
        {
            var values = stackalloc void*[] { logBuffer, (void*)(nint)log.Length };
            IntPtr module;
            var status = _d.ModuleLoadDataEx(&module, image, 2, keys, values);
            if (status != CudaDriver.Success)
            {
                var text = System.Text.Encoding.UTF8.GetString(log, 0, Math.Max(0, Array.IndexOf(log, (byte)0))).Trim();
                throw new CudaCallException("cuModuleLoadDataEx", status, _d.Describe(status) + (text.Length > 0 ? "; JIT log: " + text : string.Empty));
            }
            _module = module;
        }
        var name = System.Text.Encoding.ASCII.GetBytes(WeightsChecksum.KernelName + "\0");
        fixed (byte* kernelName = name)
        {
            IntPtr kernel;
            _d.Check(_d.ModuleGetFunction(&kernel, _module, kernelName), "cuModuleGetFunction");
            _kernel = kernel;
        }
    }

    private ulong Allocate(long bytes, string what)
    {
        ulong pointer;
        var status = _d.MemAlloc(&pointer, (nuint)bytes);
        if (status == CudaDriver.ErrorOutOfMemory)
            throw new CheckFailedException($"{what} ({MemoryFit.GiB(bytes)}) could not be allocated on the GPU: {_d.Describe(status)}, {MemoryFit.GiB(FreeBytes())} free");
        _d.Check(status, "cuMemAlloc");
        return pointer;
    }

    private long FreeBytes()
    {
        nuint free, total;
        _d.Check(_d.MemGetInfo(&free, &total), "cuMemGetInfo");
        return (long)free;
    }

    private void Step(string step) => _progress.Step = step;

    private static long Padded(long bytes) => (bytes + 3) / 4 * 4;

    /// <summary>
    /// The file's size. An empty file is refused before it is opened: that is also how a FIFO or a device (/dev/zero)
    /// looks, and opening or reading one would block or never end.
    /// </summary>
    private static long RegularFileLength(string path, string display)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new CheckFailedException($"weights file '{display}' does not exist");
        if (info.Length == 0) throw new CheckFailedException($"weights file '{display}' is empty or not a regular file (a FIFO or a device)");
        return info.Length;
    }

    /// <summary>Frees what was allocated, newest first; a failing free is ignored (the context's destruction frees it anyway).</summary>
    public void Dispose()
    {
        for (var i = 0; i < 2; i++)
        {
            if (_streams[i] != IntPtr.Zero) _d.StreamDestroy(_streams[i]);
            if (_pinned[i] != null) _d.MemFreeHost(_pinned[i]);
        }
        if (_accumulator != 0) _d.MemFree(_accumulator);
        if (_module != IntPtr.Zero) _d.ModuleUnload(_module);
        if (_kvCache != 0) _d.MemFree(_kvCache);
        foreach (var w in _weights) _d.MemFree(w);
        if (_context != IntPtr.Zero) _d.CtxDestroy(_context);
    }
}
