using System;
using System.Globalization;
using System.Threading.Tasks;

namespace LicenceGuard.Hardware.Nvml;

/// <summary>
/// Asks the NVIDIA driver (NVML) what GPUs the machine has. Never throws and never hangs: no driver, no GPU, a driver
/// error or a driver that does not answer within the time limit all give a result with <see cref="GpuProbeResult.Reason"/>.
/// </summary>
public static class GpuProbe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static readonly object Gate = new();

    public static GpuProbeResult Probe(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        // A wedged driver can block nvmlInit indefinitely; the call runs on a pool thread that is abandoned on timeout.
        var task = Task.Run(ProbeNow);
        try
        {
            if (task.Wait(limit)) return task.Result;
        }
        catch (AggregateException ex)
        {
            return GpuProbeResult.None($"NVML failed: {ex.InnerException?.Message ?? ex.Message}");
        }
        return GpuProbeResult.None($"NVML did not answer within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (driver hung?)");
    }

    private static GpuProbeResult ProbeNow()
    {
        lock (Gate)
        {
            try
            {
                var nvml = NvmlLibrary.TryLoad(out var reason);
                if (nvml is null) return GpuProbeResult.None(reason!);
                var init = nvml.Init();
                if (init != NvmlLibrary.Success) return GpuProbeResult.None($"the NVIDIA driver is present but NVML did not start: {nvml.Describe(init)}");
                try { return Read(nvml); }
                finally { nvml.Shutdown(); }
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or System.Runtime.InteropServices.MarshalDirectiveException)
            {
                return GpuProbeResult.None($"NVML could not be called: {ex.Message}");
            }
        }
    }

    private static GpuProbeResult Read(NvmlLibrary nvml)
    {
        var buffer = new byte[96];
        string? driver = nvml.DriverVersion is { } dv && dv(buffer, (uint)buffer.Length) == NvmlLibrary.Success ? NvmlLibrary.Text(buffer) : null;
        string? version = nvml.NvmlVersion is { } nv && nv(buffer, (uint)buffer.Length) == NvmlLibrary.Success ? NvmlLibrary.Text(buffer) : null;
        string? cuda = nvml.CudaDriverVersion is { } cv && cv(out var c) == NvmlLibrary.Success ? $"{c / 1000}.{c % 1000 / 10}" : null;

        var status = nvml.DeviceCount(out var count);
        if (status != NvmlLibrary.Success)
            return new GpuProbeResult { DriverVersion = driver, CudaDriverVersion = cuda, NvmlVersion = version, Reason = $"cannot count GPUs: {nvml.Describe(status)}" };
        var result = new GpuProbeResult { DriverVersion = driver, CudaDriverVersion = cuda, NvmlVersion = version, Reason = count == 0 ? "the NVIDIA driver reports no GPU" : null };
        for (uint i = 0; i < count; i++)
        {
            if (nvml.DeviceHandle(i, out var device) != NvmlLibrary.Success) continue;
            string name = nvml.DeviceName is { } dn && dn(device, buffer, (uint)buffer.Length) == NvmlLibrary.Success ? NvmlLibrary.Text(buffer) : "unknown NVIDIA GPU";
            string? uuid = nvml.DeviceUuid is { } du && du(device, buffer, (uint)buffer.Length) == NvmlLibrary.Success ? NvmlLibrary.Text(buffer) : null;
            var memory = new NvmlLibrary.Memory();
            var hasMemory = nvml.DeviceMemory is { } dm && dm(device, out memory) == NvmlLibrary.Success;
            string? capability = nvml.ComputeCapability is { } cc && cc(device, out var major, out var minor) == NvmlLibrary.Success ? $"{major}.{minor}" : null;
            result.Gpus.Add(new GpuInfo
            {
                Index = (int)i,
                Name = name,
                Uuid = uuid,
                MemoryTotalBytes = hasMemory ? memory.Total : 0,
                MemoryFreeBytes = hasMemory ? memory.Free : 0,
                MemoryUsedBytes = hasMemory ? memory.Used : 0,
                ComputeCapability = capability,
            });
        }
        return result;
    }
}
