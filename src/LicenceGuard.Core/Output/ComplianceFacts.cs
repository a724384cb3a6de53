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
/// each model (found by the analyzer, see <see cref="CodeReferences"/>), the hardware attestations, and the evaluation drift that attested runtimes reveal (LG1202, added to
/// the result's findings, so call this before reporting them).
/// </summary>
public static class ComplianceFacts
{
    /// <param name="codeLocations">Where code references each declared model, from the analyzer (the CLI's run of it);
    /// none in the build, whose gate runs before the compiler: the references join the manifest after CoreCompile.</param>
    public static ComplianceExtras Collect(EvaluationResult result, SortedDictionary<string, List<CodeLocation>>? codeLocations, IEnumerable<string> attestationFiles)
    {
        var extras = new ComplianceExtras();
        if (result.Manifest is null) return extras;
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(result.Manifest.Path)) ?? ".";
        extras.CodeLocationsRecorded = codeLocations != null;
        foreach (var pair in codeLocations ?? new SortedDictionary<string, List<CodeLocation>>())
            foreach (var location in pair.Value) CodeReferences.Add(extras.CodeLocations, pair.Key, location);

        var files = attestationFiles.Concat(AttestationFiles.InFolder(AttestationStore.FolderFor(baseDir)));
        foreach (var pair in AttestationFiles.Read(files, result.Manifest.Models.Select(m => m.Id.Value)))
            extras.Attestations[pair.Key] = pair.Value;
        EvaluationDriftCheck.AddTo(result, AttestationFiles.Runtimes(extras.Attestations));
        result.Weights?.AddTo(extras);
        return extras;
    }

}
