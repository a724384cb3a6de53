using System;
using System.Runtime.InteropServices;

namespace LicenceGuard.Hardware.Cuda;

/// <summary>
/// The CUDA driver API entry points the load check calls, bound at run time from the driver library
/// (<c>libcuda.so.1</c>, <c>nvcuda.dll</c>), so that the check needs nothing but the NVIDIA driver: no CUDA toolkit, no
/// runtime library. <see cref="LibraryVariable"/> names another library to load instead (the tests' fake driver).
/// The versioned names (<c>_v2</c>) are the ones the driver has exported since CUDA 3.2 for 64-bit sizes and pointers.
/// </summary>
internal sealed unsafe class CudaDriver
{
    public const string LibraryVariable = "LICENCEGUARD_CUDA_LIBRARY";
    public const int Success = 0;
    public const int ErrorOutOfMemory = 2;
    public const int ErrorNoDevice = 100;
    public const int AttributeComputeCapabilityMajor = 75;
    public const int AttributeComputeCapabilityMinor = 76;
    public const int JitErrorLogBuffer = 5;
    public const int JitErrorLogBufferSizeBytes = 6;

    public static string[] DefaultCandidates => OperatingSystem.IsWindows() ? new[] { "nvcuda.dll" } : new[] { "libcuda.so.1", "libcuda.so" };

    private readonly IntPtr _library;

    public string LibraryName { get; }

    public delegate* unmanaged[Cdecl]<uint, int> Init;
    public delegate* unmanaged[Cdecl]<int*, int> DriverGetVersion;
    public delegate* unmanaged[Cdecl]<int*, int> DeviceGetCount;
    public delegate* unmanaged[Cdecl]<int*, int, int> DeviceGet;
    public delegate* unmanaged[Cdecl]<byte*, int, int, int> DeviceGetName;
    public delegate* unmanaged[Cdecl]<nuint*, int, int> DeviceTotalMem;
    public delegate* unmanaged[Cdecl]<int*, int, int, int> DeviceGetAttribute;
    public delegate* unmanaged[Cdecl]<IntPtr*, uint, int, int> CtxCreate;
    public delegate* unmanaged[Cdecl]<IntPtr, int> CtxDestroy;
    public delegate* unmanaged[Cdecl]<int> CtxSynchronize;
    public delegate* unmanaged[Cdecl]<nuint*, nuint*, int> MemGetInfo;
    public delegate* unmanaged[Cdecl]<ulong*, nuint, int> MemAlloc;
    public delegate* unmanaged[Cdecl]<ulong, int> MemFree;
    public delegate* unmanaged[Cdecl]<void**, nuint, uint, int> MemHostAlloc;
    public delegate* unmanaged[Cdecl]<void*, int> MemFreeHost;
    public delegate* unmanaged[Cdecl]<IntPtr*, uint, int> StreamCreate;
    public delegate* unmanaged[Cdecl]<IntPtr, int> StreamSynchronize;
    public delegate* unmanaged[Cdecl]<IntPtr, int> StreamDestroy;
    public delegate* unmanaged[Cdecl]<ulong, void*, nuint, int> MemcpyHtoD;
    public delegate* unmanaged[Cdecl]<ulong, void*, nuint, IntPtr, int> MemcpyHtoDAsync;
    public delegate* unmanaged[Cdecl]<void*, ulong, nuint, int> MemcpyDtoH;
    public delegate* unmanaged[Cdecl]<IntPtr*, void*, uint, int*, void**, int> ModuleLoadDataEx;
    public delegate* unmanaged[Cdecl]<IntPtr*, IntPtr, byte*, int> ModuleGetFunction;
    public delegate* unmanaged[Cdecl]<IntPtr, int> ModuleUnload;
    public delegate* unmanaged[Cdecl]<IntPtr, uint, uint, uint, uint, uint, uint, uint, IntPtr, void**, void**, int> LaunchKernel;
    private delegate* unmanaged[Cdecl]<int, byte**, int> _getErrorName;
    private delegate* unmanaged[Cdecl]<int, byte**, int> _getErrorString;

    private CudaDriver(IntPtr library, string name)
    {
        _library = library;
        LibraryName = name;
    }

    /// <returns>The driver, or null with why not: no library, or a library that lacks an entry point (a driver too old).</returns>
    public static CudaDriver? TryLoad(string? library, out string? reason)
    {
        var configured = library ?? Environment.GetEnvironmentVariable(LibraryVariable);
        var candidates = string.IsNullOrWhiteSpace(configured) ? DefaultCandidates : new[] { configured };
        foreach (var name in candidates)
        {
            if (!NativeLibrary.TryLoad(name, out var handle)) continue;
            var driver = new CudaDriver(handle, name);
            var missing = driver.Bind();
            if (missing is null)
            {
                reason = null;
                return driver;
            }
            reason = $"{name} lacks the CUDA driver entry point {missing} (driver too old?)";
            return null;
        }
        reason = $"the CUDA driver library was not found ({string.Join(", ", candidates)}): no NVIDIA driver on this machine";
        return null;
    }

    /// <returns>The first entry point the library does not export, or null when all are there.</returns>
    private string? Bind()
    {
        string? missing = null;
        IntPtr E(string name)
        {
            if (NativeLibrary.TryGetExport(_library, name, out var address)) return address;
            missing ??= name;
            return IntPtr.Zero;
        }
        Init = (delegate* unmanaged[Cdecl]<uint, int>)E("cuInit");
        DriverGetVersion = (delegate* unmanaged[Cdecl]<int*, int>)E("cuDriverGetVersion");
        DeviceGetCount = (delegate* unmanaged[Cdecl]<int*, int>)E("cuDeviceGetCount");
        DeviceGet = (delegate* unmanaged[Cdecl]<int*, int, int>)E("cuDeviceGet");
        DeviceGetName = (delegate* unmanaged[Cdecl]<byte*, int, int, int>)E("cuDeviceGetName");
        DeviceTotalMem = (delegate* unmanaged[Cdecl]<nuint*, int, int>)E("cuDeviceTotalMem_v2");
        DeviceGetAttribute = (delegate* unmanaged[Cdecl]<int*, int, int, int>)E("cuDeviceGetAttribute");
        CtxCreate = (delegate* unmanaged[Cdecl]<IntPtr*, uint, int, int>)E("cuCtxCreate_v2");
        CtxDestroy = (delegate* unmanaged[Cdecl]<IntPtr, int>)E("cuCtxDestroy_v2");
        CtxSynchronize = (delegate* unmanaged[Cdecl]<int>)E("cuCtxSynchronize");
        MemGetInfo = (delegate* unmanaged[Cdecl]<nuint*, nuint*, int>)E("cuMemGetInfo_v2");
        MemAlloc = (delegate* unmanaged[Cdecl]<ulong*, nuint, int>)E("cuMemAlloc_v2");
        MemFree = (delegate* unmanaged[Cdecl]<ulong, int>)E("cuMemFree_v2");
        MemHostAlloc = (delegate* unmanaged[Cdecl]<void**, nuint, uint, int>)E("cuMemHostAlloc");
        MemFreeHost = (delegate* unmanaged[Cdecl]<void*, int>)E("cuMemFreeHost");
        StreamCreate = (delegate* unmanaged[Cdecl]<IntPtr*, uint, int>)E("cuStreamCreate");
        StreamSynchronize = (delegate* unmanaged[Cdecl]<IntPtr, int>)E("cuStreamSynchronize");
        StreamDestroy = (delegate* unmanaged[Cdecl]<IntPtr, int>)E("cuStreamDestroy_v2");
        MemcpyHtoD = (delegate* unmanaged[Cdecl]<ulong, void*, nuint, int>)E("cuMemcpyHtoD_v2");
        MemcpyHtoDAsync = (delegate* unmanaged[Cdecl]<ulong, void*, nuint, IntPtr, int>)E("cuMemcpyHtoDAsync_v2");
        MemcpyDtoH = (delegate* unmanaged[Cdecl]<void*, ulong, nuint, int>)E("cuMemcpyDtoH_v2");
        ModuleLoadDataEx = (delegate* unmanaged[Cdecl]<IntPtr*, void*, uint, int*, void**, int>)E("cuModuleLoadDataEx");
        ModuleGetFunction = (delegate* unmanaged[Cdecl]<IntPtr*, IntPtr, byte*, int>)E("cuModuleGetFunction");
        ModuleUnload = (delegate* unmanaged[Cdecl]<IntPtr, int>)E("cuModuleUnload");
        LaunchKernel = (delegate* unmanaged[Cdecl]<IntPtr, uint, uint, uint, uint, uint, uint, uint, IntPtr, void**, void**, int>)E("cuLaunchKernel");
        _getErrorName = (delegate* unmanaged[Cdecl]<int, byte**, int>)E("cuGetErrorName");
        _getErrorString = (delegate* unmanaged[Cdecl]<int, byte**, int>)E("cuGetErrorString");
        return missing;
    }

    /// <summary>"CUDA_ERROR_OUT_OF_MEMORY (out of memory)", or the bare code when the driver has no name for it.</summary>
    public string Describe(int code)
    {
        byte* name = null, text = null;
        var hasName = _getErrorName(code, &name) == Success && name != null;
        var hasText = _getErrorString(code, &text) == Success && text != null;
        var n = hasName ? Marshal.PtrToStringUTF8((IntPtr)name) : null;
        var t = hasText ? Marshal.PtrToStringUTF8((IntPtr)text) : null;
        return n is null ? $"CUDA error {code}" : t is null ? $"{n} ({code})" : $"{n} ({code}: {t})";
    }

    /// <summary>Throws <see cref="CudaCallException"/> naming the entry point when a call did not succeed.</summary>
    public void Check(int result, string call)
    {
        if (result != Success) throw new CudaCallException(call, result, Describe(result));
    }
}
