using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Weights;

namespace LicenceGuard.Core.Output;

/// <summary>
/// Completes an evaluation for the compliance manifest, the same way in the build and the CLI: where code references
/// each model, the hardware attestations, and the evaluation drift that attested runtimes reveal (LG1202, added to
/// the result's findings, so call this before reporting them).
/// </summary>
public static class ComplianceFacts
{
    public static ComplianceExtras Collect(EvaluationResult result, IEnumerable<string> sourceFiles, IEnumerable<string> attestationFiles)
    {
        var extras = new ComplianceExtras();
        if (result.Manifest is null) return extras;
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(result.Manifest.Path)) ?? ".";
        new CodeReferenceScanner(result.Manifest.Models).Scan(sourceFiles, baseDir, extras.CodeLocations);

        var files = attestationFiles.Concat(AttestationFiles.InFolder(AttestationStore.FolderFor(baseDir)));
        foreach (var pair in AttestationFiles.Read(files, result.Manifest.Models.Select(m => m.Id.Value)))
            extras.AttestationJson[pair.Key] = pair.Value;
        EvaluationDriftCheck.AddTo(result, AttestationFiles.Runtimes(extras.AttestationJson));
        result.Weights?.AddTo(extras);
        return extras;
    }

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".vs", "node_modules", "artifacts", "TestResults" };

    /// <summary>C# files and appsettings*.json under a folder (bin/, obj/, .git/ skipped, links to folders not followed): what the CLI scans without a project.</summary>
    public static List<string> SourceFilesUnder(string root) =>
        new DirectoryWalker(SkippedFolders.Contains).Files(root, name =>
            name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ||
            (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)));
}
