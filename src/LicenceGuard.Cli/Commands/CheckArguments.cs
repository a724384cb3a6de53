using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using LicenceGuard.Core;
using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// <c>check</c>'s inputs as given on the command line, mapped onto the run the build gate makes: each value is read and
/// checked as the task reads its MSBuild property, and a bad one is one clear line, never a stack trace.
/// </summary>
internal sealed class CheckArguments
{
    private readonly string? _manifest;
    private readonly IReadOnlyList<string> _catalogue;
    private readonly string? _margin;
    private readonly string? _maxAgeDays;
    private readonly string? _today;
    private readonly string? _lock;
    private readonly string? _drift;
    private readonly string? _dependencies;
    private readonly IReadOnlyList<string> _attestations;
    private readonly string? _project;

    public CheckArguments(string? manifest, IReadOnlyList<string> catalogue, string? margin, string? maxAgeDays, string? today, string? lockFile, string? drift,
        string? dependencies, IReadOnlyList<string> attestations, string? project)
    {
        _manifest = manifest;
        _catalogue = catalogue;
        _margin = margin;
        _maxAgeDays = maxAgeDays;
        _today = today;
        _lock = lockFile;
        _drift = drift;
        _dependencies = dependencies;
        _attestations = attestations;
        _project = project;
    }

    public bool TryInput(out ComplianceRunInput? input, out string error)
    {
        input = null;
        var options = new PolicyOptions();
        if (!DriftSeverity.TryParse(_drift, out var driftSeverity)) return Bad($"licenceguard: --drift-severity must be warning, error or none, not '{_drift}'", out error);
        if (_margin != null)
        {
            if (!PolicyOptionText.TryMargin(_margin, out var margin)) return Bad($"licenceguard: --margin must be {PolicyOptionText.MarginExpected}, not '{_margin}'", out error);
            options.ThresholdMargin = margin;
        }
        if (_maxAgeDays != null)
        {
            if (!PolicyOptionText.TryMaxAgeDays(_maxAgeDays, out var days)) return Bad($"licenceguard: --catalogue-max-age-days must be {PolicyOptionText.MaxAgeExpected}, not '{_maxAgeDays}'", out error);
            options.CatalogueMaxAgeDays = days;
        }
        if (_today != null)
        {
            if (!Core.Yaml.NodeReader.TryDate(_today, out var day)) return Bad($"licenceguard: --today must be YYYY-MM-DD, not '{_today}'", out error);
            options.Today = day;
        }
        var path = _manifest ?? ManifestLocator.Find(Directory.GetCurrentDirectory());
        if (path is null) return Bad("licenceguard: no models.yaml here or in a parent folder; pass --manifest FILE or run `licenceguard init`", out error);
        if (SafeFile.Refusal(path) is { } refusal) return Bad($"{path}: error {DiagnosticIds.ManifestUnreadable}: {refusal}", out error);
        foreach (var attestation in _attestations)
            if (SafeFile.Refusal(attestation) is { } unreadable) return Bad($"licenceguard: --attestation {attestation}: {unreadable}", out error);
        if (_project != null && !File.Exists(_project) && !Directory.Exists(_project))
            return Bad($"licenceguard: --project {_project}: no such file or folder (expected a .csproj, a .sln or a folder)", out error);
        string? dependencies = null;
        if (_dependencies != null && !TryDependencies(_dependencies, out dependencies, out error)) return false;

        // The build's run, with the code locations the analyzers find in the project (as the build records its own
        // project's), or by default in all the code under models.yaml's folder.
        var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        // The full path, as MSBuild gives the task: the findings name the same file in the build's log and here.
        input = new ComplianceRunInput(Path.GetFullPath(path))
        {
            Options = options,
            ExtraCatalogue = _catalogue,
            AttestationFiles = _attestations,
            DependenciesJson = dependencies,
            CodeLocations = ScanCommand.CodeLocations(_project ?? dir, dir),
            LockPath = _lock ?? Path.Combine(dir, ApprovalLock.FileName),
            DriftSeverity = driftSeverity,
        };
        error = string.Empty;
        return true;
    }

    /// <summary>The dependency audit's report, read as the task reads it, and checked to be JSON before it is embedded.</summary>
    private static bool TryDependencies(string path, out string? json, out string error)
    {
        json = SafeFile.ReadAllText(path, Core.Yaml.YamlLimits.Default.MaxBytes, out var unreadable);
        if (json is null) return Bad($"licenceguard: --dependencies {path}: {unreadable}", out error);
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return Bad($"licenceguard: --dependencies {path}: not a JSON document: {ex.Message}", out error);
        }
        error = string.Empty;
        return true;
    }

    private static bool Bad(string message, out string error)
    {
        error = message;
        return false;
    }
}
