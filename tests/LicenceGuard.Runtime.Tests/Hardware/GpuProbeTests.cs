using System;
using System.Runtime.InteropServices;
using LicenceGuard.Hardware.Nvml;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Hardware;

public sealed class GpuProbeTests
{
    private static bool NvmlPresent()
    {
        foreach (var name in new[] { "libnvidia-ml.so.1", "nvml.dll" })
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                NativeLibrary.Free(handle);
                return true;
            }
        }
        return false;
    }

    [Fact]
    public void Probe_ReturnsCleanResult_WithReasonWhenNoGpu()
    {
        var result = GpuProbe.Probe(TimeSpan.FromSeconds(30));

        if (!NvmlPresent())
        {
            // This is the CPU-only path: no driver library at all.
            Assert.False(result.Available);
            Assert.Empty(result.Gpus);
            Assert.Contains("NVML library not found", result.Reason);
        }
        else
        {
            Assert.True(result.Available || !string.IsNullOrEmpty(result.Reason));
            foreach (var gpu in result.Gpus) Assert.False(string.IsNullOrEmpty(gpu.Name));
        }
    }
}
