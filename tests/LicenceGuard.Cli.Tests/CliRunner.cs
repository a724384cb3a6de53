namespace LicenceGuard.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output. Console is process-wide, so CLI tests do not run in parallel.</summary>
internal static class CliRunner
{
    private static readonly object Gate = new();

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        lock (Gate)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var (o, e) = (Console.Out, Console.Error);
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try { return (Program.Main(args), stdout.ToString(), stderr.ToString()); }
            finally
            {
                Console.SetOut(o);
                Console.SetError(e);
            }
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
