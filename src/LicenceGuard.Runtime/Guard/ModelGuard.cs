using System;
using System.Threading;

namespace LicenceGuard.Runtime.Guard;

/// <summary>
/// The runtime guard for model IDs that only exist at run time (configuration, databases): <c>ModelGuard.Require(id)</c>
/// throws <see cref="ModelNotApprovedException"/> unless the build approved the model.
/// </summary>
public static class ModelGuard
{
    private static Lazy<ApprovedModels> _approved = new(ApprovedModels.LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The approved list in use: the build's compliance manifest unless <see cref="Use"/> replaced it.</summary>
    public static ApprovedModels Approved => _approved.Value;

    /// <summary>Replaces the approved list (tests, hosts that keep the manifest elsewhere).</summary>
    public static void Use(ApprovedModels approved) => _approved = new Lazy<ApprovedModels>(() => approved);

    public static bool IsApproved(string? modelId) => Approved.Check(modelId) is null;

    /// <returns>The model ID, so that it can be used inline.</returns>
    public static string Require(string? modelId) => Require(modelId, Approved);

    internal static string Require(string? modelId, ApprovedModels approved)
    {
        var reason = approved.Check(modelId);
        if (reason != null) throw new ModelNotApprovedException(modelId, "LicenceGuard: " + reason);
        return modelId!;
    }
}
