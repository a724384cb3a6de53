using System;
using System.Collections.Generic;
using System.Linq;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Manifest;

namespace LicenceGuard.Core.Policy;

/// <summary>
/// Compares the licence's use restrictions (the licence's own clauses and its acceptable-use policy, recorded as
/// fields of use and activities) with <c>organisation.fieldsOfUse</c>, and checks the duty to pass them on.
/// </summary>
internal static class UseRestrictionChecker
{
    public static void Check(ModelEntry m, Organisation org, Licence terms, Action<string, string, SourceLocation, (string, string)[]> add)
    {
        foreach (var field in org.FieldsOfUse)
        {
            var name = FieldsOfUse.Normalise(field.Value);
            foreach (var restriction in terms.UseRestrictions.Where(r => r.Value.Fields.Contains(name)))
            {
                var clause = Clause(restriction);
                if (restriction.Value.WholeField)
                    add(DiagnosticIds.FieldOfUseForbidden,
                        $"{terms.Name} forbids use in the field '{name}', which the organisation declares under fieldsOfUse{clause}",
                        m.Licence!.Location, Facts(name, restriction));
                else
                    add(DiagnosticIds.RestrictedActivityInField,
                        $"{terms.Name} forbids {restriction.Value.Activity} in the field '{name}', which the organisation declares: confirm model '{m.Id.Value}' is not used for it{clause}",
                        m.Licence!.Location, Facts(name, restriction));
            }
        }

        if (terms.UseRestrictionsPassThrough is { Value: true } passOn && string.IsNullOrWhiteSpace(m.Attribution?.UseRestrictions?.Value))
        {
            add(DiagnosticIds.UseRestrictionsNotPassedOn,
                $"{terms.Name} requires its use restrictions as an enforceable provision of the terms under which the product offers model '{m.Id.Value}' or its derivatives{Clause(passOn)}; record where under attribution.useRestrictions",
                m.Attribution?.Location ?? m.Id.Location, new[] { ("source", passOn.SourceUrl ?? string.Empty), ("section", passOn.Section ?? string.Empty) });
        }
    }

    /// <summary>One finding for the organisation: its fields of use that no licence can be compared with.</summary>
    public static Finding? UnknownFields(Organisation org)
    {
        var unknown = org.FieldsOfUse.Where(f => !FieldsOfUse.IsKnown(f.Value)).ToList();
        if (unknown.Count == 0) return null;
        var names = string.Join(", ", unknown.Select(f => $"'{f.Value}'"));
        return Finding.Create(DiagnosticIds.FieldOfUseUnknown,
            $"fieldsOfUse {names} {(unknown.Count == 1 ? "is" : "are")} not in LicenceGuard's vocabulary ({string.Join(", ", FieldsOfUse.Known)}): no licence's use restrictions can be compared with {(unknown.Count == 1 ? "it" : "them")}",
            unknown[0].Location, null, new[] { new KeyValuePair<string, string>("unknownFieldsOfUse", string.Join(",", unknown.Select(f => f.Value))) });
    }

    private static (string, string)[] Facts(string field, Fact<UseRestriction> r) => new[]
    {
        ("fieldOfUse", field), ("activity", r.Value.Activity ?? "any"), ("section", r.Section ?? string.Empty),
        ("quote", r.Quote ?? string.Empty), ("source", r.SourceUrl ?? string.Empty),
    };

    private static string Clause<T>(Fact<T> f)
    {
        var section = f.Section is null ? string.Empty : " " + f.Section;
        var quote = f.Quote is null ? string.Empty : $": \"{f.Quote}\"";
        var source = f.SourceUrl is null ? string.Empty : $" ({f.SourceUrl})";
        return $" (clause{section}{quote}{source})";
    }
}
