using System.Collections.Generic;

namespace LicenceGuard.Core.AnalyzerInput;

/// <summary>
/// What the code rules need to know of one model of models.yaml: the names code may use for it, the build's verdict
/// (its unwaived warnings and errors, joined, relayed as LG0002) and whether its hosting is inside the data perimeter.
/// </summary>
public sealed class DeclaredModel
{
    public DeclaredModel(string id, IReadOnlyList<string> names, IReadOnlyList<string> fileNames, string? findings, bool insidePerimeter, string where)
    {
        Id = id;
        Names = names;
        FileNames = fileNames;
        Findings = findings;
        InsidePerimeter = insidePerimeter;
        Where = where;
    }

    public string Id { get; }

    /// <summary>The ID and aliases, as declared.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>File names that stand for the model: of names that are paths, and of its weights files.</summary>
    public IReadOnlyList<string> FileNames { get; }

    /// <summary>Unwaived warnings and errors, "LG1005 …; LG1010 …"; null when the model is clean.</summary>
    public string? Findings { get; }

    /// <summary>True when the organisation has no perimeter or the model's hosting matches one of its entries.</summary>
    public bool InsidePerimeter { get; }

    /// <summary>Where the model runs, in words ("api:us"), for the LG0003 message.</summary>
    public string Where { get; }
}
