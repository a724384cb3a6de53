using System;
using System.Runtime.InteropServices;
using System.Text;

namespace LicenceGuard.Hardware.Nvml;

/// <summary>
/// The few NVML entry points LicenceGuard needs, bound at run time with <see cref="NativeLibrary"/> so that a machine
/// without the NVIDIA driver gets a clean "not found" instead of a <see cref="DllNotFoundException"/> or
/// <see cref="EntryPointNotFoundException"/>. NVML ships with the driver: libnvidia-ml.so.1 on Linux, nvml.dll on Windows.
/// </summary>
internal sealed class NvmlLibrary : IDisposable
{
    public const int Success = 0;

    [StructLayout(LayoutKind.Sequential)]
    public struct Memory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int InitFn();
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int ShutdownFn();
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int StringFn(byte[] buffer, uint length);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int IntOutFn(out int value);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int CountFn(out uint count);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int HandleFn(uint index, out IntPtr device);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int DeviceStringFn(IntPtr device, byte[] buffer, uint length);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int MemoryFn(IntPtr device, out Memory memory);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int CapabilityFn(IntPtr device, out int major, out int minor);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate IntPtr ErrorStringFn(int result);

    private readonly IntPtr _handle;

    private NvmlLibrary(IntPtr handle)
    {
        _handle = handle;
        Init = Bind<InitFn>("nvmlInit_v2")!;
        Shutdown = Bind<ShutdownFn>("nvmlShutdown")!;
        DriverVersion = Bind<StringFn>("nvmlSystemGetDriverVersion");
        NvmlVersion = Bind<StringFn>("nvmlSystemGetNVMLVersion");
        CudaDriverVersion = Bind<IntOutFn>("nvmlSystemGetCudaDriverVersion_v2") ?? Bind<IntOutFn>("nvmlSystemGetCudaDriverVersion");
        DeviceCount = Bind<CountFn>("nvmlDeviceGetCount_v2")!;
        DeviceHandle = Bind<HandleFn>("nvmlDeviceGetHandleByIndex_v2")!;
        DeviceName = Bind<DeviceStringFn>("nvmlDeviceGetName");
        DeviceUuid = Bind<DeviceStringFn>("nvmlDeviceGetUUID");
        DeviceMemory = Bind<MemoryFn>("nvmlDeviceGetMemoryInfo");
        ComputeCapability = Bind<CapabilityFn>("nvmlDeviceGetCudaComputeCapability");
        ErrorString = Bind<ErrorStringFn>("nvmlErrorString");
    }

    public InitFn Init { get; }
    public ShutdownFn Shutdown { get; }
    public StringFn? DriverVersion { get; }
    public StringFn? NvmlVersion { get; }
    public IntOutFn? CudaDriverVersion { get; }
    public CountFn DeviceCount { get; }
    public HandleFn DeviceHandle { get; }
    public DeviceStringFn? DeviceName { get; }
    public DeviceStringFn? DeviceUuid { get; }
    public MemoryFn? DeviceMemory { get; }
    public CapabilityFn? ComputeCapability { get; }
    public ErrorStringFn? ErrorString { get; }

    /// <summary>Library names tried in order; the unversioned .so exists only where the CUDA toolkit's dev files are installed.</summary>
    public static readonly string[] Candidates = OperatingSystem.IsWindows()
        ? new[] { "nvml.dll", Environment.ExpandEnvironmentVariables(@"%ProgramW6432%\NVIDIA Corporation\NVSMI\nvml.dll") }
        : new[] { "libnvidia-ml.so.1", "libnvidia-ml.so" };

    /// <returns>The library, or null with the reason it could not be used.</returns>
    public static NvmlLibrary? TryLoad(out string? reason)
    {
        foreach (var name in Candidates)
        {
            if (!NativeLibrary.TryLoad(name, out var handle)) continue;
            if (NativeLibrary.TryGetExport(handle, "nvmlInit_v2", out _) && NativeLibrary.TryGetExport(handle, "nvmlDeviceGetCount_v2", out _) &&
                NativeLibrary.TryGetExport(handle, "nvmlDeviceGetHandleByIndex_v2", out _) && NativeLibrary.TryGetExport(handle, "nvmlShutdown", out _))
            {
                reason = null;
                return new NvmlLibrary(handle);
            }
            NativeLibrary.Free(handle);
            reason = $"{name} was found but lacks the NVML entry points (driver too old?)";
            return null;
        }
        reason = $"NVML library not found ({string.Join(", ", Candidates)}): no NVIDIA driver on this machine";
        return null;
    }

    public string Describe(int code)
    {
        var text = ErrorString is null ? null : Marshal.PtrToStringAnsi(ErrorString(code));
        return text is null ? $"NVML error {code}" : $"NVML error {code} ({text})";
    }

    public static string Text(byte[] buffer)
    {
        var end = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, end < 0 ? buffer.Length : end).Trim();
    }

    private T? Bind<T>(string name) where T : Delegate =>
        NativeLibrary.TryGetExport(_handle, name, out var address) ? Marshal.GetDelegateForFunctionPointer<T>(address) : null;

    // The library stays loaded for the life of the process: NVML may keep threads that call back into it.
    public void Dispose() { }
}
