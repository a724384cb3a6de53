using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Weights;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// <c>licenceguard inspect FILE [--format json]</c>: what a weights file is (decided by its content), its exact
/// parameter count, tensor bytes, data types and SHA-256, and whether loading it would run code. Exit code 1 for an
/// unsafe file or a corrupt header, 2 when the file cannot be read.
/// </summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "weights file: .safetensors, .gguf, .onnx, .bin, .pt…" };
        var format = new Option<string>("--format") { Description = "text (default) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var noHash = new Option<bool>("--no-hash") { Description = "skip the SHA-256 (reads only the header)" };
        var command = new Command("inspect", "Read a weights file's header without loading it: format, parameters, bytes, data types, SHA-256, safety")
        {
            file, format, noHash,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(format) == "json", parse.GetValue(noHash)));
        return command;
    }

    private static int Run(string path, bool json, bool noHash)
    {
        // A FIFO or /dev/zero would block or never end: only a regular file is inspected.
        if (SafeFile.Refusal(path) is { } refusal)
        {
            Console.Error.WriteLine($"{path}: error {DiagnosticIds.WeightsFileMissing}: {refusal}");
            return ExitCodes.BadInput;
        }
        var inspection = WeightsInspector.Inspect(path);
        if (!noHash)
        {
            try { inspection.Sha256 = FileHasher.Sha256(path); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{path}: error {DiagnosticIds.WeightsFileMissing}: cannot read the file: {ex.Message}");
                return ExitCodes.BadInput;
            }
        }

        if (json) Console.Out.WriteLine(WeightsJsonWriter.Inspection(inspection, path));
        else WriteText(inspection, path);

        if (inspection.Error != null) Console.Error.WriteLine($"{path}: error {DiagnosticIds.WeightsHeaderInvalid}: {inspection.Error}");
        if (inspection.Unsafe) Console.Error.WriteLine($"{path}: error {DiagnosticIds.UnsafeWeightsFormat}: the file is {inspection.UnsafeReason}");
        return inspection.Error != null || inspection.Unsafe ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static void WriteText(WeightsInspection i, string path)
    {
        var o = Console.Out;
        o.WriteLine($"file:           {path}");
        o.WriteLine($"format:         {i.Format.ToName()}");
        o.WriteLine($"unsafe:         {(i.Unsafe ? "true" : "false")}");
        o.WriteLine($"parameterCount: {i.ParameterCount.ToString(CultureInfo.InvariantCulture)}");
        o.WriteLine($"bytes:          {i.TensorBytes.ToString(CultureInfo.InvariantCulture)} ({MemoryFit.GiB(i.TensorBytes)})");
        o.WriteLine($"dtypes:         {string.Join(", ", i.ParametersByDtype.Select(d => $"{d.Key} {d.Value.ToString(CultureInfo.InvariantCulture)}"))}");
        o.WriteLine($"tensors:        {i.Tensors.Count.ToString(CultureInfo.InvariantCulture)}");
        o.WriteLine($"sha256:         {i.Sha256 ?? "(not computed)"}");
        if (i.Shape.CanSizeKvCache)
            o.WriteLine($"architecture:   {i.Shape.Architecture ?? "?"}: {i.Shape.Layers} layers, {i.Shape.EffectiveKeyValueHeads} KV heads × {i.Shape.EffectiveHeadDim} head dim (from {i.Shape.Source})");
        foreach (var d in i.Details) o.WriteLine($"{d.Key + ":",-15} {d.Value}");
        foreach (var ext in i.ExternalDataFiles) o.WriteLine($"externalData:   {ext}");
    }
}
