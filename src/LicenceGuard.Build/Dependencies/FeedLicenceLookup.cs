using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LicenceGuard.Core.Dependencies;
using NuGet.Configuration;
using NuGet.Packaging.Core;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace LicenceGuard.Build.Dependencies;

/// <summary>
/// Asks the project's package sources (the nuget.config chain NuGet itself uses) for a package's licence when its
/// nuspec has none. Off by default (LicenceGuardDependencyFeedLookup): the audit is offline unless asked.
/// </summary>
internal sealed class FeedLicenceLookup : IDisposable
{
    private readonly List<SourceRepository> _repositories;
    private readonly SourceCacheContext _cache = new();
    private readonly TimeSpan _timeout;

    public FeedLicenceLookup(IEnumerable<PackageSource> sources, TimeSpan timeout)
    {
        _repositories = sources.Where(s => s.IsEnabled).Select(s => Repository.Factory.GetCoreV3(s)).ToList();
        _timeout = timeout;
    }

    /// <summary>The enabled sources of the nuget.config chain that applies to <paramref name="settingsRoot"/>.</summary>
    public static FeedLicenceLookup FromSettings(string settingsRoot, TimeSpan timeout) =>
        new(new PackageSourceProvider(Settings.LoadDefaultSettings(settingsRoot)).LoadPackageSources(), timeout);

    /// <summary>The first source's licence data for the package; null when no source has any.</summary>
    public PackageLicence? Find(string id, string version, Action<string> note)
    {
        var identity = new PackageIdentity(id, NuGetVersion.Parse(version));
        foreach (var repository in _repositories)
        {
            try
            {
                using var cts = new CancellationTokenSource(_timeout);
                var resource = repository.GetResourceAsync<PackageMetadataResource>(cts.Token).GetAwaiter().GetResult();
                var metadata = resource?.GetMetadataAsync(identity, _cache, NuGet.Common.NullLogger.Instance, cts.Token).GetAwaiter().GetResult();
                if (metadata is null) continue;
                var licence = FromMetadata(metadata);
                if (licence.Source == LicenceSource.None) continue;
                licence.FromFeed = true;
                return licence;
            }
            catch (Exception ex) when (ex is OperationCanceledException or FatalProtocolException or System.Net.Http.HttpRequestException or System.IO.IOException)
            {
                note($"{repository.PackageSource.Name}: {ex.Message}");
            }
        }
        return null;
    }

    internal static PackageLicence FromMetadata(IPackageSearchMetadata metadata)
    {
        var expression = metadata.LicenseMetadata;
        if (expression != null && expression.Type == NuGet.Packaging.LicenseType.Expression)
        {
            var licence = new PackageLicence { Source = LicenceSource.Expression, Expression = expression.License };
            licence.Term = expression.LicenseExpression != null
                ? LicenceExpressionConverter.Convert(expression.LicenseExpression)
                : LicenceExpressionConverter.TryParse(expression.License, out _);
            return licence;
        }
        if (expression != null && expression.Type == NuGet.Packaging.LicenseType.File)
            return new PackageLicence { Source = LicenceSource.File, File = expression.License };
        var url = metadata.LicenseUrl?.OriginalString;
        return string.IsNullOrWhiteSpace(url) ? new PackageLicence() : PackageInspector.FromUrl(url!);
    }

    public void Dispose() => _cache.Dispose();
}
