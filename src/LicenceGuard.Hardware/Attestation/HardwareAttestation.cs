using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LicenceGuard.Core.Output;
using LicenceGuard.Hardware.Cuda;
using LicenceGuard.Hardware.Onnx;
using LicenceGuard.Hardware.Verb;

namespace LicenceGuard.Hardware.Attestation;

/// <summary>
/// The hardware attestation: which weights (by SHA-256) were loaded on which GPU and driver, whether the GPU's checksum
/// of them agreed with the host's, the KV cache allocated for the target, how fast the upload went, and the level
/// reached (fits, weights-resident, inference-ran). The build embeds it in the compliance manifest
/// (<c>hardwareAttestation</c> of the model). Both <c>licenceguard verify-hardware</c> and <c>licenceguard-hw</c> write
/// it with this class, so the two give the same shape; only <c>tool.name</c> differs.
/// </summary>
public static class HardwareAttestation
{
    public const string Schema = "licenceguard-hardware-attestation/2";

    public static string ToJson(ModelCheck check, DateTime createdUtc)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var gpu = check.Gpu;
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("model", check.ModelId);
            w.WriteString("createdAt", createdUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteString("result", check.Passed ? "passed" : "failed");
            w.WriteString("level", LevelName(check.Level));
            w.WriteString("diagnostic", check.DiagnosticId);
            w.WriteString("error", check.Error);

            w.WriteStartObject("tool");
            w.WriteString("name", check.Tool);
            w.WriteString("version", typeof(HardwareAttestation).Assembly.GetName().Version?.ToString(3));
            w.WriteEndObject();

            WriteWeights(w, check);

            w.WriteStartObject("gpu");
            w.WriteBoolean("available", gpu?.DeviceName != null);
            w.WriteString("reason", gpu is { DiagnosticId: "LG2007" } ? gpu.Error : null);
            Number(w, "index", gpu?.DeviceName is null ? null : (long)gpu.DeviceIndex);
            w.WriteString("name", gpu?.DeviceName);
            w.WriteString("computeCapability", gpu?.ComputeCapability);
            Number(w, "memoryTotalBytes", gpu?.MemoryTotalBytes);
            w.WriteString("cudaDriverVersion", gpu?.CudaDriverVersion);
            w.WriteString("driverVersion", check.Nvml?.DriverVersion);
            w.WriteString("driverLibrary", gpu?.Library);
            w.WriteEndObject();

            w.WriteStartObject("deviceMemory");
            Number(w, "freeBytesBefore", gpu?.FreeBytesBefore);
            Number(w, "freeBytesWithModel", gpu?.FreeBytesWithModel);
            w.WriteEndObject();

            w.WriteStartObject("kvCache");
            Number(w, "bytes", gpu?.KvCacheBytes);
            w.WriteString("formula", gpu?.KvCacheFormula);
            w.WriteBoolean("allocated", gpu is { KvCacheBytes: > 0, Level: >= LoadLevel.Fits });
            w.WriteEndObject();

            w.WriteStartObject("upload");
            Number(w, "bytes", gpu?.UploadSeconds is null ? null : gpu.UploadedBytes);
            Number(w, "seconds", gpu?.UploadSeconds);
            Number(w, "gigabytesPerSecond", gpu?.UploadGigabytesPerSecond);
            Number(w, "pinnedCopyGigabytesPerSecond", gpu?.PinnedCopyGigabytesPerSecond);
            Number(w, "checksumSeconds", gpu?.ChecksumSeconds);
            w.WriteEndObject();

            WriteRuntime(w, check.Inference);
            w.WriteStartArray("notes");
            foreach (var n in check.Notes) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Each declared file with its SHA-256, and what the upload found: bytes and the host's and GPU's checksums.</summary>
    private static void WriteWeights(Utf8JsonWriter w, ModelCheck check)
    {
        UploadedFile? Uploaded(int i) => check.Gpu is { } g && i < g.Files.Count ? g.Files[i] : null;
        string? Sha(int i) => Uploaded(i)?.Sha256 ?? check.Files[i].ExpectedSha256;
        w.WriteStartObject("weights");
        w.WriteString("path", check.Files.Count > 0 ? check.Files[0].DisplayPath.Replace('\\', '/') : null);
        w.WriteString("sha256", check.Files.Count > 0 ? Sha(0) : null);
        w.WriteStartArray("files");
        for (var i = 0; i < check.Files.Count; i++)
        {
            var up = Uploaded(i);
            w.WriteStartObject();
            w.WriteString("path", check.Files[i].DisplayPath.Replace('\\', '/'));
            Number(w, "bytes", up?.Bytes);
            w.WriteString("sha256", Sha(i));
            w.WriteString("hostChecksum", up?.HostChecksum?.ToString("x16", CultureInfo.InvariantCulture));
            w.WriteString("gpuChecksum", up?.GpuChecksum?.ToString("x16", CultureInfo.InvariantCulture));
            if (up?.ChecksumsAgree is bool agree) w.WriteBoolean("checksumsAgree", agree);
            else w.WriteNull("checksumsAgree");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes the attestation atomically (a reader never sees half of it).</summary>
    public static void Write(string path, string json) => AtomicFile.WriteIfChanged(path, json);

    public static string LevelName(LoadLevel level) => level switch
    {
        LoadLevel.Fits => "fits",
        LoadLevel.WeightsResident => "weights-resident",
        LoadLevel.InferenceRan => "inference-ran",
        _ => "none",
    };

    /// <summary>The inference runtime; its name is null when no inference ran, so no evaluation drift is derived from it.</summary>
    private static void WriteRuntime(Utf8JsonWriter w, LoadCheckResult? inference)
    {
        var ran = inference?.Provider != null;
        w.WriteStartObject("runtime");
        w.WriteString("name", ran ? "onnxruntime" : null);
        w.WriteString("version", inference?.OnnxRuntimeVersion);
        w.WriteString("provider", inference?.Provider);
        w.WriteStartArray("availableProviders");
        foreach (var p in inference?.AvailableProviders ?? new()) w.WriteStringValue(p);
        w.WriteEndArray();
        w.WriteString("dotnet", RuntimeInformation.FrameworkDescription);
        w.WriteString("os", RuntimeInformation.OSDescription);
        w.WriteString("architecture", RuntimeInformation.ProcessArchitecture.ToString());
        w.WriteEndObject();

        w.WriteStartObject("timings");
        Number(w, "loadMs", inference?.LoadMilliseconds);
        Number(w, "firstInferenceMs", inference?.FirstInferenceMilliseconds);
        w.WriteEndObject();
        WriteTensors(w, "inputs", inference?.Inputs);
        WriteTensors(w, "outputs", inference?.Outputs);
    }

    private static void WriteTensors(Utf8JsonWriter w, string name, System.Collections.Generic.List<TensorDescription>? tensors)
    {
        w.WriteStartArray(name);
        foreach (var t in tensors ?? new())
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

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is long v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
