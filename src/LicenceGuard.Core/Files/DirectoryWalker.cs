using System;
using System.Collections.Generic;
using System.IO;

namespace LicenceGuard.Core.Files;

/// <summary>
/// Lists the files under a folder without following symbolic links to folders (a link to the folder itself,
/// or two links to each other, would otherwise make the walk endless) and without reading more than a bounded number
/// of folders and files. Folders that cannot be read are passed over; what was cut short is said in <see cref="Truncated"/>.
/// </summary>
public sealed class DirectoryWalker
{
    public const int DefaultMaxDirectories = 20_000;
    public const int DefaultMaxFiles = 50_000;

    private readonly Func<string, bool> _skipFolder;

    public DirectoryWalker(Func<string, bool>? skipFolder = null) => _skipFolder = skipFolder ?? (_ => false);

    public int MaxDirectories { get; set; } = DefaultMaxDirectories;
    public int MaxFiles { get; set; } = DefaultMaxFiles;
    /// <summary>Set by <see cref="Files"/> when a limit stopped the walk.</summary>
    public bool Truncated { get; private set; }

    /// <summary>
    /// Files under <paramref name="root"/> whose name passes <paramref name="include"/>, sorted ordinally. A FIFO or
    /// device with such a name is listed too, so that the reader (through <see cref="SafeFile"/>) reports it.
    /// </summary>
    public List<string> Files(string root, Func<string, bool> include)
    {
        Truncated = false;
        var result = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        var directories = 0;
        while (pending.Count > 0)
        {
            if (++directories > MaxDirectories || result.Count >= MaxFiles)
            {
                Truncated = true;
                break;
            }
            var dir = pending.Pop();
            try
            {
                foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
                {
                    var link = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
                    if ((entry.Attributes & FileAttributes.Directory) != 0)
                    {
                        if (!link && !_skipFolder(entry.Name)) pending.Push(entry.FullName);
                    }
                    else if (include(entry.Name))
                    {
                        result.Add(entry.FullName);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                // A folder we may not read holds nothing we can report on.
            }
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
