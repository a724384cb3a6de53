using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LicenceGuard.Core.Output;
using LicenceGuard.Runtime.Hardware;

namespace LicenceGuard.Runtime.LoadCheck;

/// <summary>
/// The hardware attestation: which weights (by SHA-256) were loaded on which GPU, driver and runtime, how long it
/// took and whether it worked. The build embeds it in the compliance manifest (<c>hardwareAttestation</c> of the model).
/// </summary>
public static class HardwareAttestation
{
    public const string Schema = "licenceguard-hardware-attestation/1";

    public static string ToJson(string modelId, string? weightsPath, string? weightsSha256, LoadCheckResult check, DateTime createdUtc)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("model", modelId);
            w.WriteString("createdAt", createdUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteString("result", check.Passed ? "passed" : "failed");
            w.WriteString("diagnostic", check.DiagnosticId);
            w.WriteString("error", check.Error);

            w.WriteStartObject("weights");
            w.WriteString("path", weightsPath?.Replace('\\', '/'));
            w.WriteString("sha256", weightsSha256);
            w.WriteEndObject();

            WriteGpu(w, check.Gpu);

            w.WriteStartObject("runtime");
            w.WriteString("name", "onnxruntime");
            w.WriteString("version", check.OnnxRuntimeVersion);
            w.WriteString("provider", check.Provider);
            w.WriteStartArray("availableProviders");
            foreach (var p in check.AvailableProviders) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteString("dotnet", RuntimeInformation.FrameworkDescription);
            w.WriteString("os", RuntimeInformation.OSDescription);
            w.WriteString("architecture", RuntimeInformation.ProcessArchitecture.ToString());
            w.WriteEndObject();

            w.WriteStartObject("timings");
            Number(w, "loadMs", check.LoadMilliseconds);
            Number(w, "firstInferenceMs", check.FirstInferenceMilliseconds);
            w.WriteEndObject();

            w.WriteStartObject("deviceMemory");
            Number(w, "freeBytesBefore", check.DeviceFreeBytesBefore);
            Number(w, "freeBytesAfter", check.DeviceFreeBytesAfter);
            Number(w, "usedBytes", check.DeviceMemoryUsedBytes);
            w.WriteEndObject();

            WriteTensors(w, "inputs", check.Inputs);
            WriteTensors(w, "outputs", check.Outputs);
            w.WriteStartArray("notes");
            foreach (var n in check.Notes) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the attestation atomically (a reader never sees half of it).</summary>
    public static void Write(string path, string json) => AtomicFile.WriteIfChanged(path, json);

    private static void WriteGpu(Utf8JsonWriter w, GpuProbeResult? probe)
    {
        w.WriteStartObject("gpu");
        w.WriteBoolean("available", probe?.Available ?? false);
        w.WriteString("reason", probe?.Reason);
        w.WriteString("driverVersion", probe?.DriverVersion);
        w.WriteString("cudaDriverVersion", probe?.CudaDriverVersion);
        w.WriteString("nvmlVersion", probe?.NvmlVersion);
        w.WriteStartArray("devices");
        if (probe != null)
        {
            foreach (var g in probe.Gpus)
            {
                w.WriteStartObject();
                w.WriteNumber("index", g.Index);
                w.WriteString("name", g.Name);
                w.WriteString("uuid", g.Uuid);
                w.WriteNumber("memoryTotalBytes", g.MemoryTotalBytes);
                w.WriteNumber("memoryFreeBytes", g.MemoryFreeBytes);
                w.WriteString("computeCapability", g.ComputeCapability);
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTensors(Utf8JsonWriter w, string name, System.Collections.Generic.List<TensorDescription> tensors)
    {
        w.WriteStartArray(name);
        foreach (var t in tensors)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            w.WriteString("elementType", t.ElementType);
            w.WriteStartArray("shape");
            foreach (var d in t.Shape) w.WriteNumberValue(d);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double v) w.WriteNumber(name, Math.Round(v, 3));
        else w.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter w, string name, ulong? value)
    {
        if (value is ulong v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is long v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
