using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenceGuard.Core;

/// <summary>ISO 3166-1 alpha-2 codes plus <c>EU</c> (the Union) and <c>EEA</c>; knows which countries each group covers.</summary>
public static class Territory
{
    private static readonly HashSet<string> Iso = new(
        ("AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
         "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
         "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
         "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
         "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
         "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
         "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK")
        .Split(' '), StringComparer.Ordinal);

    /// <summary>The 27 member states of the European Union.</summary>
    public static readonly IReadOnlyCollection<string> EuMembers = new HashSet<string>(
        "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".Split(' '), StringComparer.Ordinal);

    private static readonly HashSet<string> Eea = new(EuMembers.Concat(new[] { "IS", "LI", "NO" }), StringComparer.Ordinal);

    public static bool IsKnown(string code) => code == "EU" || code == "EEA" || Iso.Contains(code);

    /// <summary>The countries a code stands for: itself, or the members of a group.</summary>
    public static IReadOnlyCollection<string> Expand(string code) => code.ToUpperInvariant() switch
    {
        "EU" => EuMembers,
        "EEA" => Eea,
        var c => new[] { c },
    };

    /// <summary>True when two codes share a country: FR overlaps EU, EU overlaps EEA, GB does not overlap EU.</summary>
    public static bool Overlaps(string a, string b)
    {
        var x = Expand(a);
        return Expand(b).Any(x.Contains);
    }
}
