using System.Linq;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Dependencies;

/// <summary>Reads the <c>dependencies:</c> node of models.yaml; every problem is reported at its line through the NodeReader (LG1002).</summary>
public static class DependencyPolicyReader
{
    public static DependencyPolicy Read(YMapping? node, NodeReader r, IVersionRanges ranges, string manifestPath)
    {
        if (node is null) return DependencyPolicy.Default(manifestPath);
        const string what = "'dependencies'";
        r.CheckKeys(node, what, "allow", "deny", "exceptions");
        var policy = new DependencyPolicy { Location = node.Location };

        if (node.TryGet("allow", out var allowNode)) ReadList(allowNode, r, "'allow' of 'dependencies'", policy.AllowClasses, policy.AllowLicences);
        else policy.AllowClasses.AddRange(DependencyPolicy.DefaultAllowClasses.Select(c => new Located<LicenceClass>(c, node.Location)));
        if (node.TryGet("deny", out var denyNode)) ReadList(denyNode, r, "'deny' of 'dependencies'", policy.DenyClasses, policy.DenyLicences);

        foreach (var item in r.Sequence(node["exceptions"], "'exceptions' of 'dependencies'"))
        {
            var map = r.Mapping(item, "a package exception");
            if (map is null) continue;
            var exception = ReadException(map, r, ranges);
            if (exception != null) policy.Exceptions.Add(exception);
        }
        return policy;
    }

    private static void ReadList(YNode node, NodeReader r, string what, System.Collections.Generic.List<Located<LicenceClass>> classes,
        System.Collections.Generic.List<Located<string>> licences)
    {
        var map = r.Mapping(node, what);
        if (map is null) return;
        r.CheckKeys(map, what, "classes", "licences");
        foreach (var c in r.StringList(map, "classes", what))
        {
            if (LicenceClassNames.TryParse(c.Value, out var cls)) classes.Add(new Located<LicenceClass>(cls, c.Location));
            else r.Error(c.Location, $"'{c.Value}' is not a licence class; expected one of: {string.Join(", ", LicenceClassNames.All)}");
        }
        foreach (var l in r.StringList(map, "licences", what))
        {
            if (l.Value.Length == 0 || l.Value.IndexOfAny(new[] { ' ', '(', ')' }) >= 0)
                r.Error(l.Location, $"'{l.Value}' is not a single SPDX licence id (such as MIT or GPL-3.0-only); list expressions one id at a time");
            else licences.Add(l);
        }
    }

    private static PackageException? ReadException(YMapping map, NodeReader r, IVersionRanges ranges)
    {
        const string what = "a package exception";
        r.CheckKeys(map, what, "package", "versions", "licence", "reason");
        var package = r.String(map, "package", what, required: true);
        var versions = r.String(map, "versions", what);
        var licence = r.String(map, "licence", what);
        var reason = r.String(map, "reason", what, required: true);
        if (versions != null && !ranges.IsValidRange(versions.Value))
        {
            r.Error(versions.Location, $"'{versions.Value}' is not a NuGet version range (for example \"[1.2.0, 2.0.0)\" or \"1.2.0\" for 1.2.0 and later)");
            return null;
        }
        if (package is null || reason is null) return null;
        return new PackageException { Location = map.Location, Package = package, Versions = versions, Licence = licence, Reason = reason.Value };
    }
}
