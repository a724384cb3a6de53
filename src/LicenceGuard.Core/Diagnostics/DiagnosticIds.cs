namespace LicenceGuard.Core.Diagnostics;

/// <summary>
/// Every LicenceGuard diagnostic ID, in one place. LG0xxx: code rules (analyzers). LG1xxx: manifest and catalogue
/// rules (build). LG2xxx: hardware and runtime. An ID is never reused for another meaning.
/// </summary>
public static class DiagnosticIds
{
    // LG0xxx — analyzers
    public const string UndeclaredModel = "LG0001";
    public const string DeclaredModelHasFindings = "LG0002";
    public const string DataPerimeterAtCallSite = "LG0003";
    public const string UnsafeModelFile = "LG0004";
    public const string PossibleModelReference = "LG0005";
    public const string UndeclaredModelInConfiguration = "LG0006";
    public const string ModelKnownOnlyAtRuntime = "LG0007";
    public const string NoModelDeclared = "LG0008";
    public const string StaleVerdicts = "LG0020";
    public const string ManifestNotReadInEditor = "LG0021";
    public const string ModelReferenceFound = "LG0022";
    public const string AnalyzerInternalFailure = "LG0099";

    // LG10xx — manifest and policy
    public const string ManifestUnreadable = "LG1001";
    public const string ManifestInvalid = "LG1002";
    public const string ModelWithoutLicence = "LG1003";
    public const string UnknownLicence = "LG1004";
    public const string LicenceNotReviewed = "LG1005";
    public const string LicenceTextChanged = "LG1006";
    public const string NonCommercialLicence = "LG1007";
    public const string ThresholdExceeded = "LG1008";
    public const string ThresholdNear = "LG1009";
    public const string TerritoryExcluded = "LG1010";
    public const string DomicileExcluded = "LG1011";
    public const string AttributionNotMet = "LG1012";
    public const string DataPerimeterViolation = "LG1013";
    public const string WaiverExpired = "LG1014";
    public const string WaiverUnused = "LG1015";
    public const string CatalogueStale = "LG1016";
    public const string ReviewOlderThanLicence = "LG1017";
    public const string CatalogueFileInvalid = "LG1018";
    public const string DuplicateModel = "LG1019";
    public const string LicenceDiffersFromCatalogue = "LG1020";
    public const string NoticeNotMet = "LG1021";
    public const string CurrencyMismatch = "LG1022";
    public const string UnknownModelId = "LG1023";
    public const string FieldOfUseForbidden = "LG1024";
    public const string RestrictedActivityInField = "LG1025";
    public const string FieldOfUseUnknown = "LG1026";
    public const string LicenceTextNotPinned = "LG1027";
    public const string DerivativeNamingNotMet = "LG1028";
    public const string UseRestrictionsNotPassedOn = "LG1029";
    public const string CatalogueLicenceUnverified = "LG1030";

    // LG105x — organisation catalogue governance and processing limits
    public const string CatalogueOverride = "LG1050";
    public const string CatalogueOverrideNotApproved = "LG1051";
    public const string InputOverLimit = "LG1052";

    // LG11xx — dependency audit (NuGet)
    public const string DependencyLicenceDenied = "LG1101";
    public const string DependencyLicenceUnknown = "LG1102";
    public const string ModelFileInPackage = "LG1103";
    public const string DependencyAuditFailed = "LG1104";

    // LG12xx — approval lock and evaluation drift
    public const string DriftFromApproved = "LG1201";
    public const string EvaluationDrift = "LG1202";
    public const string LockUnreadable = "LG1203";

    // LG2xxx — hardware and runtime
    public const string WeightsHashMismatch = "LG2001";
    public const string WeightsFileMissing = "LG2002";
    public const string UnsafeWeightsFormat = "LG2003";
    public const string DoesNotFitGpu = "LG2004";
    public const string UnknownGpu = "LG2005";
    public const string WeightsHeaderInvalid = "LG2006";
    public const string NoGpu = "LG2007";
    public const string LoadCheckFailed = "LG2008";

    /// <summary>Where the help pages are, in the repository and in the LicenceGuard package alike.</summary>
    public const string HelpFolder = "rules/diagnostics/";

    /// <summary>The help page of a diagnostic, relative to the package (or repository) root: <c>rules/diagnostics/LGxxxx.md</c>.</summary>
    public static string HelpPage(string id) => HelpFolder + id + ".md";

    /// <summary>
    /// The help link for tools that open one: the page under <paramref name="helpBase"/> (LicenceGuardHelpBase: an
    /// organisation's documentation site, or by default the folder of pages shipped in the package), null when no base
    /// is known. <c>licenceguard explain LGxxxx</c> prints the page offline in any case.
    /// </summary>
    public static string? HelpUri(string id, string? helpBase)
    {
        if (string.IsNullOrWhiteSpace(helpBase)) return null;
        var trimmed = helpBase!.Trim();
        if (!System.Uri.TryCreate(trimmed, System.UriKind.Absolute, out var uri) || uri.IsFile && !trimmed.StartsWith("file:", System.StringComparison.OrdinalIgnoreCase))
        {
            // A folder path (the package's rules/diagnostics/ by default) becomes a file URI.
            try { uri = new System.Uri(System.IO.Path.GetFullPath(trimmed)); }
            catch (System.Exception ex) when (ex is System.ArgumentException || ex is System.NotSupportedException || ex is System.IO.PathTooLongException || ex is System.UriFormatException) { return null; }
        }
        var text = uri.AbsoluteUri;
        return (text.EndsWith("/", System.StringComparison.Ordinal) ? text : text + "/") + id + ".md";
    }
}
