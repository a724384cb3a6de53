namespace LicenceGuard.Analyzers.Detection;

/// <summary>One model reference found by <see cref="CodeScanner"/> or in a configuration file, as `licenceguard scan` reports it.</summary>
public sealed class ScanHit
{
    public ScanHit(string file, int line, int column, string literal, string kind, string? api)
    {
        File = file;
        Line = line;
        Column = column;
        Literal = literal;
        Kind = kind;
        Api = api;
    }

    public string File { get; }
    /// <summary>1-based line where the literal (or constant) starts.</summary>
    public int Line { get; }
    /// <summary>1-based column.</summary>
    public int Column { get; }
    public string Literal { get; }
    public string Kind { get; }
    public string? Api { get; }
}
