using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LicenceGuard.Analyzers.Detection.Flow;

/// <summary>
/// The string values of the project's appsettings*.json AdditionalFiles by configuration key (AI:OpenAI:ChatModel,
/// case-insensitive as IConfiguration is), with where each is written. Read on first need.
/// </summary>
internal sealed class AppSettings
{
    private readonly Lazy<Dictionary<string, List<(ConfigValue Value, Location Location)>>> _values;

    public AppSettings(ImmutableArray<AdditionalText> files, CancellationToken cancellation) =>
        _values = new Lazy<Dictionary<string, List<(ConfigValue, Location)>>>(() => Read(files, cancellation), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every value written under <paramref name="key"/>, in every appsettings file.</summary>
    public IReadOnlyList<(ConfigValue Value, Location Location)> ValuesOf(string key) =>
        _values.Value.TryGetValue(key, out var found) ? found : (IReadOnlyList<(ConfigValue, Location)>)Array.Empty<(ConfigValue, Location)>();

    private static Dictionary<string, List<(ConfigValue, Location)>> Read(ImmutableArray<AdditionalText> files, CancellationToken cancellation)
    {
        var values = new Dictionary<string, List<(ConfigValue, Location)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            if (!ConfigFileScanner.IsConfigFile(file.Path) || file.GetText(cancellation) is not { } text) continue;
            foreach (var value in ConfigFileScanner.ScanAll(text.ToString()))
            {
                var span = new TextSpan(value.Start, value.Length);
                var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                if (!values.TryGetValue(value.Path, out var list)) values[value.Path] = list = new List<(ConfigValue, Location)>();
                list.Add((value, location));
            }
        }
        return values;
    }
}
