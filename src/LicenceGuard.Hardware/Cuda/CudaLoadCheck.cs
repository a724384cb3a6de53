using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using LicenceGuard.Core.Diagnostics;

namespace LicenceGuard.Hardware.Cuda;

/// <summary>
/// Proves through the CUDA driver API alone that a model's declared weights fit the GPU and land on it intact:
/// probe the device, allocate the weights and the KV cache, upload the real files through pinned buffers, checksum
/// them on the GPU with a JIT-compiled PTX kernel and compare with the host's checksum. Never throws and never hangs:
/// no driver, no GPU, a driver error, too little memory or a timeout each give a failed result naming LG2007 or LG2008
/// and the step that failed.
/// </summary>
public static class CudaLoadCheck
{
    public static CudaCheckResult Run(CudaCheckOptions options)
    {
        var result = new CudaCheckResult { DeviceIndex = options.Device };
        var progress = new Progress();
        Exception? failure = null;
        // A dedicated background thread: a driver call that never returns is abandoned, and cannot keep the process alive.
        var worker = new Thread(() =>
        {
            try { Check(options, result, progress); }
            catch (Exception ex) { failure = ex; }
        }) { IsBackground = true, Name = "licenceguard-cuda-check" };
        worker.Start();
        if (!worker.Join(options.Timeout))
            return Fail(result, DiagnosticIds.LoadCheckFailed,
                $"the GPU check did not finish within {options.Timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s; it was {progress.Step} (driver or GPU hung?)");
        return failure switch
        {
            null => result,
            NoGpuException e => Fail(result, DiagnosticIds.NoGpu, e.Message),
            CheckFailedException e => Fail(result, DiagnosticIds.LoadCheckFailed, e.Message),
            CudaCallException e => Fail(result, DiagnosticIds.LoadCheckFailed, $"{e.Message}, while {progress.Step}"),
            System.IO.IOException or UnauthorizedAccessException => Fail(result, DiagnosticIds.LoadCheckFailed, $"reading the weights failed while {progress.Step}: {failure.Message}"),
            _ => Fail(result, DiagnosticIds.LoadCheckFailed, $"{failure.GetType().Name} while {progress.Step}: {failure.Message}"),
        };
    }

    private static void Check(CudaCheckOptions options, CudaCheckResult result, Progress progress)
    {
        progress.Step = "loading the CUDA driver";
        var driver = CudaDriver.TryLoad(options.DriverLibrary, out var reason) ?? throw new NoGpuException(reason!);
        result.Library = driver.LibraryName;
        using var session = new CudaSession(driver, progress);
        session.OpenDevice(options.Device, result);
        session.AllocateModel(options, result);
        session.Upload(options, result);
        session.CompareChecksums(result);
        result.Level = LoadLevel.WeightsResident;
        result.Passed = true;
    }

    private static CudaCheckResult Fail(CudaCheckResult result, string id, string error)
    {
        result.Passed = false;
        result.DiagnosticId = id;
        result.Error = error;
        return result;
    }

    /// <summary>What the check was doing, for the message of a timeout or a failed call.</summary>
    internal sealed class Progress
    {
        private volatile string _step = "starting";

        public string Step
        {
            get => _step;
            set => _step = value;
        }
    }
}

/// <summary>No driver, no device, or not the device asked for: LG2007.</summary>
internal sealed class NoGpuException : Exception
{
    public NoGpuException(string message) : base(message) { }
}

/// <summary>The GPU answered, but the model does not fit or did not land intact: LG2008.</summary>
internal sealed class CheckFailedException : Exception
{
    public CheckFailedException(string message) : base(message) { }
}

/// <summary>Stopwatch seconds, for the attestation's timings.</summary>
internal static class Seconds
{
    public static double Since(long timestamp) => Stopwatch.GetElapsedTime(timestamp).TotalSeconds;
}
