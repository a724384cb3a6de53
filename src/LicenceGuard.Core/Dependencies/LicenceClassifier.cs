using System;
using System.Collections.Generic;

namespace LicenceGuard.Core.Dependencies;

/// <summary>
/// Classifies SPDX licence ids (as NuGet's SPDX parser hands them over: <c>GPL-3.0-or-later</c>, deprecated
/// <c>GPL-2.0</c>, <c>LGPL-2.1+</c>). Only licences met in .NET packages are listed; anything else is
/// <see cref="LicenceClass.Unknown"/>, so a policy decides about it instead of LicenceGuard guessing.
/// </summary>
public static class LicenceClassifier
{
    private static readonly Dictionary<string, LicenceClass> Exact = new(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] PermissiveIds =
    {
        "MIT", "MIT-0", "X11", "Apache-1.1", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear", "0BSD",
        "ISC", "Zlib", "BSL-1.0", "PostgreSQL", "NCSA", "Python-2.0", "PSF-2.0", "Unicode-DFS-2016", "Unicode-3.0",
        "Unlicense", "CC0-1.0", "WTFPL", "CC-BY-3.0", "CC-BY-4.0", "OpenSSL", "curl", "Libpng", "libpng-2.0", "BlueOak-1.0.0",
        "UPL-1.0", "MulanPSL-2.0", "AFL-3.0",
    };

    private static readonly string[] WeakCopyleftIds =
    {
        "LGPL-2.0", "LGPL-2.1", "LGPL-3.0", "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception", "EPL-1.0", "EPL-2.0",
        "CDDL-1.0", "CDDL-1.1", "MS-PL", "MS-RL", "CPL-1.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0",
    };

    private static readonly string[] StrongCopyleftIds =
    {
        "GPL-1.0", "GPL-2.0", "GPL-3.0", "AGPL-1.0", "AGPL-3.0", "EUPL-1.1", "EUPL-1.2", "OSL-3.0", "SSPL-1.0", "RPL-1.5",
    };

    private static readonly string[] ProprietaryIds =
    {
        "BUSL-1.1", "Elastic-2.0", "CC-BY-NC-3.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-3.0", "CC-BY-NC-SA-4.0", "CC-BY-NC-ND-3.0",
        "CC-BY-NC-ND-4.0", "CC-BY-ND-3.0", "CC-BY-ND-4.0", "UNLICENSED", "PolyForm-Noncommercial-1.0.0",
        "PolyForm-Strict-1.0.0", "LicenseRef-Microsoft-.NET-Library",
    };

    static LicenceClassifier()
    {
        Add(PermissiveIds, LicenceClass.Permissive);
        Add(WeakCopyleftIds, LicenceClass.WeakCopyleft);
        Add(StrongCopyleftIds, LicenceClass.StrongCopyleft);
        Add(ProprietaryIds, LicenceClass.Proprietary);
    }

    public static LicenceClass Classify(string spdxId)
    {
        var id = spdxId.Trim();
        if (Exact.TryGetValue(id, out var c)) return c;
        // GPL-3.0-only, GPL-3.0-or-later and GPL-3.0+ are the same family for what they ask of a product.
        foreach (var suffix in new[] { "-only", "-or-later", "+" })
        {
            if (id.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && Exact.TryGetValue(id.Substring(0, id.Length - suffix.Length), out c))
                return c;
        }
        return LicenceClass.Unknown;
    }

    /// <summary>
    /// A licence exception that lets a product link against the licensed library without taking on its copyleft
    /// (GPL WITH Classpath-exception-2.0) lowers strong copyleft to weak; any other exception keeps the class.
    /// </summary>
    public static LicenceClass Classify(string spdxId, string? exceptionId)
    {
        var c = Classify(spdxId);
        if (c == LicenceClass.StrongCopyleft && exceptionId != null && LinkingExceptions.Contains(exceptionId.Trim()))
            return LicenceClass.WeakCopyleft;
        return c;
    }

    private static readonly HashSet<string> LinkingExceptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "Classpath-exception-2.0", "GCC-exception-3.1", "GCC-exception-2.0", "LLVM-exception", "Linking-exception",
        "Universal-FOSS-exception-1.0", "Autoconf-exception-3.0", "Bison-exception-2.2",
    };

    private static void Add(IEnumerable<string> ids, LicenceClass c)
    {
        foreach (var id in ids) Exact[id] = c;
    }
}
