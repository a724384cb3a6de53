using System.Collections.Generic;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Manifest;

internal static class WaiverReader
{
    public static Waiver? Read(YMapping map, NodeReader r, Located<string>? model)
    {
        const string what = "a waiver";
        r.CheckKeys(map, what, model is null ? new[] { "rule", "model", "package", "reason", "approver", "expires" } : new[] { "rule", "reason", "approver", "expires" });
        var rule = r.String(map, "rule", what, required: true);
        var reason = r.String(map, "reason", what, required: true);
        var approver = r.String(map, "approver", what, required: true);
        var expires = r.Date(map, "expires", what);
        if (!map.TryGet("expires", out _)) r.Error(map.Location, "a waiver needs 'expires' (YYYY-MM-DD): no waiver lasts for ever");
        if (rule is null || reason is null || approver is null || expires is null) return null;
        if (!System.Text.RegularExpressions.Regex.IsMatch(rule.Value, "^LG[0-9]{4}$"))
        {
            r.Error(rule.Location, $"'rule' must be a LicenceGuard diagnostic ID such as LG1008, not '{rule.Value}'");
            return null;
        }
        return new Waiver
        {
            Location = map.Location,
            Rule = new Located<string>(rule.Value.ToUpperInvariant(), rule.Location),
            Model = model ?? r.String(map, "model", what),
            Package = model is null ? r.String(map, "package", what) : null,
            Reason = reason.Value,
            Approver = approver.Value,
            Expires = expires.Value,
            ExpiresLocation = expires.Location,
        };
    }
}
