using System.Collections.Generic;
using System.Linq;
using static LicenceGuard.Core.Diagnostics.DiagnosticIds;

namespace LicenceGuard.Core.Diagnostics;

/// <summary>Title, default severity and category of every diagnostic; help pages live in rules/diagnostics.</summary>
public static class DiagnosticCatalogue
{
    private const string Code = "LicenceGuard.Code";
    private const string Manifest = "LicenceGuard.Manifest";
    private const string Dependencies = "LicenceGuard.Dependencies";
    private const string Approval = "LicenceGuard.Approval";
    private const string Hardware = "LicenceGuard.Hardware";

    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        D(UndeclaredModel, "Model is not declared in models.yaml", Severity.Error, Code),
        D(DeclaredModelHasFindings, "Declared model has licence findings", Severity.Warning, Code),
        D(DataPerimeterAtCallSite, "Data that must stay inside reaches a model hosted outside the perimeter", Severity.Error, Code),
        D(UnsafeModelFile, "Model file format can execute code when loaded", Severity.Warning, Code),
        D(PossibleModelReference, "String looks like a model ID that is not declared", Severity.Info, Code),
        D(UndeclaredModelInConfiguration, "Model in configuration is not declared in models.yaml", Severity.Warning, Code),
        D(ModelKnownOnlyAtRuntime, "Model is chosen at run time and not checked by the runtime guard", Severity.Warning, Code),
        D(NoModelDeclared, "Project uses an AI SDK but models.yaml declares no model", Severity.Warning, Code),
        D(StaleVerdicts, "Licence verdicts are from the last build", Severity.Info, Code),
        D(ManifestNotReadInEditor, "models.yaml could not be read in the editor", Severity.Warning, Code),
        D(ModelReferenceFound, "Model reference", Severity.Info, Code),
        D(AnalyzerInternalFailure, "LicenceGuard analyzer could not run", Severity.Warning, Code),

        D(ManifestUnreadable, "models.yaml cannot be read or parsed", Severity.Error, Manifest),
        D(ManifestInvalid, "models.yaml has an invalid entry", Severity.Error, Manifest),
        D(ModelWithoutLicence, "Model has no licence", Severity.Error, Manifest),
        D(UnknownLicence, "Licence is not in the catalogue", Severity.Error, Manifest),
        D(LicenceNotReviewed, "Licence has not been reviewed", Severity.Error, Manifest),
        D(LicenceTextChanged, "Licence text changed since the review", Severity.Error, Manifest),
        D(NonCommercialLicence, "Non-commercial or research-only licence in a commercial product", Severity.Error, Manifest),
        D(ThresholdExceeded, "Licence threshold exceeded", Severity.Error, Manifest),
        D(ThresholdNear, "Licence threshold within the margin", Severity.Warning, Manifest),
        D(TerritoryExcluded, "Licence excludes a territory of the organisation", Severity.Error, Manifest),
        D(DomicileExcluded, "Licence excludes licensees domiciled where the organisation is", Severity.Error, Manifest),
        D(AttributionNotMet, "Attribution duty not met", Severity.Error, Manifest),
        D(DataPerimeterViolation, "Data that must stay inside is sent outside the perimeter", Severity.Error, Manifest),
        D(WaiverExpired, "Waiver has expired", Severity.Error, Manifest),
        D(WaiverUnused, "Waiver matches no finding", Severity.Warning, Manifest),
        D(CatalogueStale, "Licence catalogue is older than the allowed age", Severity.Warning, Manifest),
        D(ReviewOlderThanLicence, "Licence review predates the catalogue's revision of the licence", Severity.Warning, Manifest),
        D(CatalogueFileInvalid, "Catalogue file is invalid", Severity.Error, Manifest),
        D(DuplicateModel, "Model ID or alias declared twice", Severity.Error, Manifest),
        D(LicenceDiffersFromCatalogue, "Declared licence differs from the catalogue's licence for this model", Severity.Warning, Manifest),
        D(NoticeNotMet, "Notice duty not met", Severity.Warning, Manifest),
        D(CurrencyMismatch, "Revenue cannot be compared with the threshold's currency", Severity.Warning, Manifest),
        D(UnknownModelId, "Model ID is not known to the catalogue", Severity.Info, Manifest),
        D(FieldOfUseForbidden, "Licence forbids the organisation's field of use", Severity.Error, Manifest),
        D(RestrictedActivityInField, "Licence restricts an activity in the organisation's field of use", Severity.Warning, Manifest),
        D(FieldOfUseUnknown, "Field of use is not in LicenceGuard's vocabulary", Severity.Info, Manifest),
        D(LicenceTextNotPinned, "Licence text is not pinned in the catalogue", Severity.Info, Manifest),
        D(DerivativeNamingNotMet, "Derivative model's name does not meet the licence's naming duty", Severity.Error, Manifest),
        D(UseRestrictionsNotPassedOn, "Licence's use restrictions are not passed on to the product's users", Severity.Warning, Manifest),
        D(CatalogueLicenceUnverified, "Catalogue's licence for the model is not verified from the maker's text", Severity.Warning, Manifest),
        D(CatalogueOverride, "Organisation catalogue overrides a fact of the embedded catalogue", Severity.Info, Manifest),
        D(CatalogueOverrideNotApproved, "Organisation catalogue relaxes a restriction without an approver", Severity.Error, Manifest),
        D(InputOverLimit, "Input is over a processing limit", Severity.Error, Manifest),

        D(DependencyLicenceDenied, "Dependency licence is denied by policy", Severity.Error, Dependencies),
        D(DependencyLicenceUnknown, "Dependency licence is unknown or not allowed", Severity.Warning, Dependencies),
        D(ModelFileInPackage, "Package ships a model file that is not declared", Severity.Error, Dependencies),
        D(DependencyAuditFailed, "Dependency audit could not read the restore graph", Severity.Warning, Dependencies),

        D(DriftFromApproved, "Compliance manifest drifted from the approved lock", Severity.Warning, Approval),
        D(EvaluationDrift, "Model changed since its last evaluation", Severity.Warning, Approval),
        D(LockUnreadable, "models.lock.json cannot be read", Severity.Error, Approval),

        D(WeightsHashMismatch, "Weights file does not match its pinned SHA-256", Severity.Error, Hardware),
        D(WeightsFileMissing, "Weights file is missing", Severity.Error, Hardware),
        D(UnsafeWeightsFormat, "Weights file is in a format that executes code when loaded", Severity.Error, Hardware),
        D(DoesNotFitGpu, "Model does not fit the target GPU memory", Severity.Error, Hardware),
        D(UnknownGpu, "Target GPU is not in the catalogue", Severity.Warning, Hardware),
        D(WeightsHeaderInvalid, "Weights file header is truncated or corrupt", Severity.Error, Hardware),
        D(NoGpu, "No GPU found for the hardware check", Severity.Error, Hardware),
        D(LoadCheckFailed, "Model failed to load or run on the target hardware", Severity.Error, Hardware),
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    public static bool TryGet(string id, out DiagnosticDescriptor descriptor) => ById.TryGetValue(id, out descriptor!);

    private static DiagnosticDescriptor D(string id, string title, Severity severity, string category) => new(id, title, severity, category);
}
