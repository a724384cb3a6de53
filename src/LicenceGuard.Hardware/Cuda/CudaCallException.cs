using System;

namespace LicenceGuard.Hardware.Cuda;

/// <summary>A CUDA driver call that answered an error: which call, its code and the driver's name for it.</summary>
internal sealed class CudaCallException : Exception
{
    public CudaCallException(string call, int code, string description)
        : base($"{call} failed: {description}")
    {
        Call = call;
        Code = code;
    }

    public string Call { get; }
    public int Code { get; }
}
