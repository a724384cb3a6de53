using System.Collections.Generic;

namespace LicenceGuard.Analyzers.Detection.Flow;

/// <summary>The steps a value took to reach the model parameter, newest first: told to people as "via local 'model', …".</summary>
internal sealed class Way
{
    public static readonly Way Start = new(null, string.Empty);

    private readonly Way? _previous;
    private readonly string _step;

    private Way(Way? previous, string step)
    {
        _previous = previous;
        _step = step;
    }

    public Way Then(string step) => new(this, step);

    /// <summary>"via local 'model', parameter 'model' of Chat(string)", from the parameter back to the value; empty when direct.</summary>
    public string Describe()
    {
        var steps = new List<string>();
        for (var way = this; way._previous != null; way = way._previous) steps.Add(way._step);
        steps.Reverse();
        return steps.Count == 0 ? string.Empty : "via " + string.Join(", ", steps);
    }
}
