using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LicenceGuard.Core.Dependencies;
using NuGet.Packaging;
using NuGet.Packaging.Licenses;

namespace LicenceGuard.Build.Dependencies;

/// <summary>
/// Reads one package from the packages folders with NuGet's own readers: its licence metadata from the nuspec
/// (PackageFolderReader + NuspecReader: expression, file or legacy URL) and its model-weight files.
/// </summary>
internal static class PackageInspector
{
    public static AuditedPackage Inspect(GraphPackage package, IReadOnlyList<string> packageFolders)
    {
        var audited = new AuditedPackage(package.Id, package.Version, package.Path);
        var folder = FindFolder(package, packageFolders);
        if (folder is null)
        {
            audited.Problem = packageFolders.Count == 0
                ? "the assets file names no packages folder"
                : $"it is not in the packages folder(s) {string.Join(", ", packageFolders)}; restore again";
            return audited;
        }
        try
        {
            using var reader = new PackageFolderReader(folder);
            audited.Licence = ReadLicence(reader.NuspecReader);
            if (audited.Licence.Source == LicenceSource.File) IdentifyLicenceFile(audited.Licence, folder);
            var files = package.Files.Count > 0 ? package.Files : reader.GetFiles().ToList();
            foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
            {
                var full = Path.Combine(folder, file.Replace('/', Path.DirectorySeparatorChar));
                var format = ModelFileSniffer.Sniff(file, full);
                if (format is null) continue;
                var size = File.Exists(full) ? new FileInfo(full).Length : 0;
                audited.ModelFiles.Add(new PackageModelFile(file.Replace('\\', '/'), format, size));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NuGet.Packaging.Core.PackagingException or System.Xml.XmlException or InvalidDataException)
        {
            audited.Problem = $"its nuspec in {folder} could not be read ({ex.Message})";
        }
        return audited;
    }

    public static PackageLicence ReadLicence(NuspecReader nuspec)
    {
        var url = nuspec.GetLicenseUrl();
        var metadata = nuspec.GetLicenseMetadata();
        if (metadata != null && metadata.Type == LicenseType.Expression)
        {
            var licence = new PackageLicence { Source = LicenceSource.Expression, Expression = metadata.License, Url = NullIfEmpty(url) };
            if (metadata.LicenseExpression != null) licence.Term = LicenceExpressionConverter.Convert(metadata.LicenseExpression);
            else
            {
                // NuGet leaves the parsed tree out when the expression has problems; its reasons are kept.
                licence.Term = LicenceExpressionConverter.TryParse(metadata.License, out var problem);
                licence.Problem = metadata.WarningsAndErrors is { Count: > 0 } w ? string.Join("; ", w) : problem;
            }
            return licence;
        }
        if (metadata != null && metadata.Type == LicenseType.File)
            return new PackageLicence { Source = LicenceSource.File, File = metadata.License, Url = NullIfEmpty(url) };
        if (!string.IsNullOrWhiteSpace(url)) return FromUrl(url!);
        return new PackageLicence { Source = LicenceSource.None };
    }

    /// <summary>
    /// A licence file shipped in the package is recognised when its text is a standard licence's (SPDX matching
    /// guidelines); anything else stays unclassified for a person to decide.
    /// </summary>
    public static void IdentifyLicenceFile(PackageLicence licence, string packageFolder)
    {
        var path = Path.GetFullPath(Path.Combine(packageFolder, licence.File!.Replace('\\', '/').TrimStart('/')));
        var root = Path.GetFullPath(packageFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            licence.Problem = $"the licence file '{licence.File}' points outside the package";
            return;
        }
        // Through the safe opener: a package's licence "file" could be anything, and one that is not a regular file or
        // is longer than any standard text stays unclassified.
        if (LicenceGuard.Core.Files.SafeFile.ReadAllText(path, StandardLicenceTexts.MaxTextLength, out _) is not { } text)
        {
            if (!File.Exists(path)) licence.Problem = $"the licence file '{licence.File}' is not in the package";
            return;
        }
        var id = StandardLicenceTexts.Identify(text);
        if (id is null) return;
        licence.Expression = id;
        licence.Term = LicenceExpressionConverter.TryParse(id, out _);
        licence.IdentifiedByText = true;
    }

    /// <summary>A legacy licenseUrl; a URL with a fixed meaning becomes an expression (parsed by NuGet).</summary>
    public static PackageLicence FromUrl(string url)
    {
        var licence = new PackageLicence { Source = LicenceSource.Url, Url = url.Trim() };
        var expression = LicenceExpressionConverter.ExpressionForUrl(url);
        if (expression is null) return licence;
        licence.Expression = expression;
        // LicenseRef- ids are not allowed in NuGet expressions; the one the URL table knows is a single licence.
        licence.Term = expression.StartsWith("LicenseRef-", StringComparison.Ordinal)
            ? new LicenceLeaf(expression, isStandard: false)
            : LicenceExpressionConverter.TryParse(expression, out _);
        if (licence.Term is null) licence.Problem = $"the URL's expression could not be parsed";
        return licence;
    }

    private static string? FindFolder(GraphPackage package, IReadOnlyList<string> packageFolders)
    {
        foreach (var root in packageFolders)
        {
            var relative = package.FolderRelativePath
                ?? new VersionFolderPathResolver(root).GetPackageDirectory(package.Id, NuGet.Versioning.NuGetVersion.Parse(package.Version));
            var folder = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            if (Directory.Exists(folder)) return folder;
        }
        return null;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s!.Trim();
}
