using System.Collections.Generic;

namespace LicenceGuard.Core.Weights;

/// <summary>One tensor as its header declares it.</summary>
public sealed class TensorInfo
{
    public TensorInfo(string name, string dtype, IReadOnlyList<long> shape, long elements, long? bytes)
    {
        Name = name;
        Dtype = dtype;
        Shape = shape;
        Elements = elements;
        Bytes = bytes;
    }

    public string Name { get; }
    public string Dtype { get; }
    public IReadOnlyList<long> Shape { get; }
    /// <summary>Product of the shape: this tensor's share of the parameter count.</summary>
    public long Elements { get; }
    /// <summary>Bytes of tensor data; null when the data type's size is not known to LicenceGuard.</summary>
    public long? Bytes { get; }
}
