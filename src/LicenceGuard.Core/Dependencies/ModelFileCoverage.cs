using System;
using System.Linq;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Dependencies;

/// <summary>
/// Which models.yaml entry declares a model file found inside a package. A model covers the file when one of its
/// names is <c>nuget:Package.Id</c> (every model file of the package) or <c>nuget:Package.Id/path/in/package</c>, or
/// when one of its weights paths and the file's path inside the package end alike, segment by segment (so
/// <c>models/tiny.onnx</c>, the copy in the output folder, covers <c>contentFiles/any/any/models/tiny.onnx</c>).
/// </summary>
public static class ModelFileCoverage
{
    public const string Scheme = "nuget:";

    public static string Identity(string packageId, string pathInPackage) => Scheme + packageId + "/" + pathInPackage;

    public static string? DeclaredBy(ModelsManifest? manifest, string packageId, string pathInPackage)
    {
        if (manifest is null) return null;
        var whole = Scheme + packageId;
        var one = Identity(packageId, pathInPackage);
        foreach (var model in manifest.Models)
        {
            if (model.AllNames().Any(n => Eq(n, whole) || Eq(n, one))) return model.Id.Value;
            if (model.Weights.Any(w => SameTail(w.Path.Value, pathInPackage))) return model.Id.Value;
        }
        return null;
    }

    internal static bool SameTail(string a, string b)
    {
        var x = Segments(a);
        var y = Segments(b);
        if (x.Length == 0 || y.Length == 0) return false;
        var n = Math.Min(x.Length, y.Length);
        for (var i = 1; i <= n; i++)
            if (!Eq(x[x.Length - i], y[y.Length - i])) return false;
        return true;
    }

    private static string[] Segments(string path) =>
        path.Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
