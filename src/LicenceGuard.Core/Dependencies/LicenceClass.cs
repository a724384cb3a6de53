using System;
using System.Collections.Generic;

namespace LicenceGuard.Core.Dependencies;

/// <summary>
/// What a dependency's licence asks of the product that ships it. The classes are deliberately coarse: a policy allows
/// or denies a whole class and names single SPDX ids where it needs to be finer.
/// </summary>
public enum LicenceClass
{
    /// <summary>No class known: a licence file or URL nobody has classified, a non-standard id, or no licence data.</summary>
    Unknown = 0,

    /// <summary>Use, change and ship with a notice (MIT, Apache-2.0, BSD, ISC, Zlib, public-domain dedications).</summary>
    Permissive,

    /// <summary>Changes to the licensed files themselves must be shared; the product around them need not (LGPL, MPL, EPL, MS-PL).</summary>
    WeakCopyleft,

    /// <summary>A product that ships it must be offered under the same licence (GPL, AGPL, EUPL, OSL, SSPL).</summary>
    StrongCopyleft,

    /// <summary>Not an open-source licence: the licensor restricts use (EULAs, source-available, non-commercial terms, UNLICENSED).</summary>
    Proprietary,
}

public static class LicenceClassNames
{
    private static readonly Dictionary<string, LicenceClass> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["unknown"] = LicenceClass.Unknown,
        ["permissive"] = LicenceClass.Permissive,
        ["weak-copyleft"] = LicenceClass.WeakCopyleft,
        ["strong-copyleft"] = LicenceClass.StrongCopyleft,
        ["proprietary"] = LicenceClass.Proprietary,
    };

    public static IEnumerable<string> All => ByName.Keys;

    public static string ToName(this LicenceClass c) => c switch
    {
        LicenceClass.Permissive => "permissive",
        LicenceClass.WeakCopyleft => "weak-copyleft",
        LicenceClass.StrongCopyleft => "strong-copyleft",
        LicenceClass.Proprietary => "proprietary",
        _ => "unknown",
    };

    public static bool TryParse(string name, out LicenceClass c) => ByName.TryGetValue(name.Trim(), out c);
}
