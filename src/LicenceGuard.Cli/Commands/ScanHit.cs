namespace LicenceGuard.Cli.Commands;

/// <summary>One model reference as `licenceguard scan` reports it: an LG0022 record of the analyzer.</summary>
public sealed class ScanHit
{
    public ScanHit(string file, int line, int column, string literal, string kind, string? api, string? declaredModel)
    {
        File = file;
        Line = line;
        Column = column;
        Literal = literal;
        Kind = kind;
        Api = api;
        DeclaredModel = declaredModel;
    }

    /// <summary>Relative to the scanned folder (the .sln's or .csproj's folder), with '/'.</summary>
    public string File { get; }
    /// <summary>1-based line where the literal (or constant) starts.</summary>
    public int Line { get; }
    /// <summary>1-based column.</summary>
    public int Column { get; }
    public string Literal { get; }
    public string Kind { get; }
    public string? Api { get; }
    /// <summary>The ID of the models.yaml entry it names; null when undeclared (or no models.yaml).</summary>
    public string? DeclaredModel { get; }
}
