using System;
using System.Collections.Generic;
using LicenceGuard.Core.Dependencies;
using NuGet.Packaging.Licenses;

namespace LicenceGuard.Build.Dependencies;

/// <summary>
/// Turns NuGet's parsed SPDX expression into Core's <see cref="LicenceTerm"/>. Expressions are only ever parsed by
/// <see cref="NuGetLicenseExpression.Parse"/>; nothing here reads licence syntax by hand.
/// </summary>
internal static class LicenceExpressionConverter
{
    public static LicenceTerm Convert(NuGetLicenseExpression expression)
    {
        switch (expression)
        {
            case NuGetLicense licence:
                return new LicenceLeaf(licence.Identifier, licence.Plus, null, licence.IsStandardLicense);
            case WithOperator with:
                return new LicenceLeaf(with.License.Identifier, with.License.Plus, with.Exception.Identifier, with.License.IsStandardLicense);
            case LogicalOperator logical:
                return new LicenceOperation(logical.LogicalOperatorType == LogicalOperatorType.And ? LicenceOperator.And : LicenceOperator.Or,
                    Convert(logical.Left), Convert(logical.Right));
            default:
                throw new NotSupportedException($"NuGet licence expression node {expression.GetType().Name}");
        }
    }

    /// <summary>Parses with NuGet's parser; on failure returns null and says why.</summary>
    public static LicenceTerm? TryParse(string expression, out string? problem)
    {
        problem = null;
        try
        {
            return Convert(NuGetLicenseExpression.Parse(expression));
        }
        catch (NuGetLicenseExpressionParsingException ex)
        {
            problem = ex.Message;
            return null;
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
            return null;
        }
    }

    /// <summary>
    /// The SPDX expression a legacy licence URL stands for, when the URL is one whose meaning is fixed: NuGet's own
    /// licence service (its path is the expression), the Apache and Open Source Initiative licence pages, Microsoft's
    /// .NET Library licence, and licence files of archived repositories. Any other URL (a LICENSE file in a live
    /// repository) can change at any time and is not classified.
    /// </summary>
    public static string? ExpressionForUrl(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        var host = uri.Host.ToLowerInvariant();
        var path = Uri.UnescapeDataString(uri.AbsolutePath).Trim('/');
        if (host == "licenses.nuget.org" && path.Length > 0) return path;
        if (host.EndsWith("apache.org", StringComparison.Ordinal) && path.StartsWith("licenses/LICENSE-2.0", StringComparison.OrdinalIgnoreCase)) return "Apache-2.0";
        if (host.EndsWith("opensource.org", StringComparison.Ordinal) && path.StartsWith("licenses/", StringComparison.OrdinalIgnoreCase))
        {
            var name = path.Substring("licenses/".Length);
            var dot = name.LastIndexOf('.');
            if (dot > 0 && (name.EndsWith(".php", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))) name = name.Substring(0, dot);
            return OsiPages.TryGetValue(name, out var id) ? id : null;
        }
        if (MicrosoftDotNetLibraryUrls.Contains(host + "/" + path + uri.Query.ToLowerInvariant())) return MicrosoftDotNetLibrary;
        return ArchivedLicenceFiles.TryGetValue(host + "/" + path, out var archived) ? archived : null;
    }

    public const string MicrosoftDotNetLibrary = "LicenseRef-Microsoft-.NET-Library";

    private static readonly Dictionary<string, string> OsiPages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MIT"] = "MIT", ["mit-license"] = "MIT", ["Apache-2.0"] = "Apache-2.0", ["BSD-3-Clause"] = "BSD-3-Clause",
        ["BSD-2-Clause"] = "BSD-2-Clause", ["bsd-license"] = "BSD-2-Clause", ["MS-PL"] = "MS-PL", ["ms-pl"] = "MS-PL",
        ["MPL-2.0"] = "MPL-2.0", ["LGPL-2.1"] = "LGPL-2.1-only", ["LGPL-3.0"] = "LGPL-3.0-only", ["GPL-2.0"] = "GPL-2.0-only",
        ["GPL-3.0"] = "GPL-3.0-only", ["ISC"] = "ISC", ["Zlib"] = "Zlib", ["EPL-2.0"] = "EPL-2.0",
    };

    /// <summary>
    /// Licence files in archived (read-only) repositories: their content can no longer change. dotnet/corefx was archived
    /// when .NET 5 moved to dotnet/runtime; its LICENSE.TXT (read at commit 0bb44b80be48067e4ca062bff687f418d91d0c4a) is
    /// "The MIT License (MIT)", and older System.* packages point their licenseUrl at it.
    /// </summary>
    private static readonly Dictionary<string, string> ArchivedLicenceFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["github.com/dotnet/corefx/blob/master/LICENSE.TXT"] = "MIT",
    };

    private static readonly HashSet<string> MicrosoftDotNetLibraryUrls = new(StringComparer.OrdinalIgnoreCase)
    {
        "go.microsoft.com/fwlink?linkid=329770",
        "www.microsoft.com/web/webpi/eula/net_library_eula_enu.htm",
        "dotnet.microsoft.com/en/dotnet_library_license.htm",
        "dotnet.microsoft.com/dotnet_library_license.htm",
    };
}
