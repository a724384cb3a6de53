using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LicenceGuard.Core.Weights;

/// <summary>Deterministic JSON for inspections and memory fits (no timestamps), shared by the build and the CLI.</summary>
public static class WeightsJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Inspection(WeightsInspection i, string displayPath, string? pinnedSha256 = null) =>
        Write(w => WriteInspection(w, i, displayPath, pinnedSha256));

    public static void WriteInspection(Utf8JsonWriter w, WeightsInspection i, string displayPath, string? pinnedSha256)
    {
        w.WriteStartObject();
        w.WriteString("path", displayPath.Replace('\\', '/'));
        w.WriteString("format", i.Format.ToName());
        w.WriteBoolean("unsafe", i.Unsafe);
        w.WriteString("unsafeReason", i.UnsafeReason);
        w.WriteString("error", i.Error);
        w.WriteNumber("fileBytes", i.FileBytes);
        w.WriteNumber("tensorCount", i.Tensors.Count);
        w.WriteNumber("parameterCount", i.ParameterCount);
        w.WriteNumber("bytes", i.TensorBytes);
        w.WriteStartObject("dtypes");
        foreach (var d in i.ParametersByDtype) w.WriteNumber(d.Key, d.Value);
        w.WriteEndObject();
        w.WriteString("sha256", i.Sha256);
        if (pinnedSha256 != null)
        {
            w.WriteString("sha256Pinned", pinnedSha256.ToLowerInvariant());
            if (i.Sha256 != null) w.WriteBoolean("sha256Matches", string.Equals(i.Sha256, pinnedSha256, System.StringComparison.OrdinalIgnoreCase));
        }
        WriteShape(w, i.Shape);
        w.WriteStartObject("details");
        foreach (var d in i.Details) w.WriteString(d.Key, d.Value);
        w.WriteEndObject();
        w.WriteStartArray("externalData");
        foreach (var f in i.ExternalDataFiles) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteShape(Utf8JsonWriter w, ModelShape s)
    {
        if (s.Source is null && s.Layers is null) { w.WriteNull("architecture"); return; }
        w.WriteStartObject("architecture");
        w.WriteString("name", s.Architecture);
        w.WriteString("source", s.Source);
        Num(w, "layers", s.Layers);
        Num(w, "attentionHeads", s.AttentionHeads);
        Num(w, "keyValueHeads", s.EffectiveKeyValueHeads);
        Num(w, "headDim", s.EffectiveHeadDim);
        Num(w, "hiddenSize", s.HiddenSize);
        Num(w, "contextLength", s.ContextLength);
        w.WriteEndObject();
    }

    public static string MemoryFits(IEnumerable<MemoryFit> fits) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var f in fits)
        {
            w.WriteStartObject(f.ModelId);
            w.WriteString("gpu", f.GpuId);
            w.WriteNumber("gpuCount", f.GpuCount);
            w.WriteNumber("availableBytes", f.AvailableBytes);
            w.WriteNumber("parameterCount", f.ParameterCount);
            w.WriteNumber("weightsBytes", f.WeightsBytes);
            w.WriteString("weightsBasis", f.WeightsBasis);
            Num(w, "kvCacheBytes", f.KvCacheBytes);
            w.WriteString("kvCacheFormula", f.KvCacheFormula);
            w.WriteNumber("overheadBytes", f.OverheadBytes);
            w.WriteNumber("requiredBytes", f.RequiredBytes);
            w.WriteBoolean("fits", f.Fits);
            w.WriteStartArray("notes");
            foreach (var n in f.Notes) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });

    private static void Num(Utf8JsonWriter w, string name, long? value)
    {
        if (value is long v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static string Write(System.Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options)) body(w);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
