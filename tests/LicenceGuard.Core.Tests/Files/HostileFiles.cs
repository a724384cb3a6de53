using System.Diagnostics;

namespace LicenceGuard.Core.Tests.Files;

/// <summary>Makes the special files a hostile or careless checkout can hold, with the system's own tools.</summary>
internal static class HostileFiles
{
    public static string Fifo(string path)
    {
        Run("mkfifo", path);
        return path;
    }

    public static void Symlink(string link, string target) => File.CreateSymbolicLink(link, target);

    public static string Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {p.StandardError.ReadToEnd()}");
        return output;
    }

    /// <summary>Runs <paramref name="action"/> and fails the test, instead of hanging it, when it does not return in time.</summary>
    public static T WithinSeconds<T>(int seconds, Func<T> action)
    {
        var task = Task.Run(action);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"did not return within {seconds} s (a FIFO or a loop was followed)");
        return task.Result;
    }
}
