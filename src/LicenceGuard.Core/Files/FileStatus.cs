using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace LicenceGuard.Core.Files;

/// <summary>What kind of thing a path names, after following symbolic links.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    /// <summary>A FIFO, socket or device: reading one can block forever (a FIFO) or never end (/dev/zero).</summary>
    Special,
}

/// <summary>
/// stat(2) of a path: its kind, and on Unix the change time, device and inode that <c>touch</c> cannot set. Read
/// through the .NET runtime's own System.Native shim (whose FileStatus layout is fixed across platforms), because
/// netstandard2.0 has no managed way to tell a FIFO or a device from a regular file. Where that shim is absent
/// (.NET Framework, Windows) the kind comes from the file attributes and <see cref="HasChangeIdentity"/> is false.
/// </summary>
public sealed class FileStatus
{
    // PAL_S_IFMT and the kinds it selects (pal_io.h; "fixed and correct for managed callers to use forever").
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;

    private static bool _nativeMissing;

    private FileStatus(FileKind kind, long size) { Kind = kind; Size = size; }

    public FileKind Kind { get; }
    public long Size { get; }
    /// <summary>Last write time in nanoseconds since the Unix epoch (ticks × 100 where only managed data is available).</summary>
    public long ModifiedNs { get; private set; }
    /// <summary>Inode change time in nanoseconds since the Unix epoch: set by the kernel on every write, rename or touch.</summary>
    public long ChangedNs { get; private set; }
    public long Device { get; private set; }
    public long Inode { get; private set; }
    /// <summary>True when change time, device and inode were read (Unix); false where only size and mtime are known.</summary>
    public bool HasChangeIdentity { get; private set; }

    public static FileStatus Of(string path)
    {
        var full = Path.GetFullPath(path);
        if (!_nativeMissing)
        {
            try { return Native(full); }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException || ex is BadImageFormatException)
            {
                _nativeMissing = true;
            }
        }
        return Managed(full);
    }

    private static FileStatus Native(string full)
    {
        var bytes = Encoding.UTF8.GetBytes(full + "\0");
        if (SystemNativeStat(bytes, out var s) != 0) return new FileStatus(FileKind.Missing, 0);
        var kind = (s.Mode & TypeMask) switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            _ => FileKind.Special,
        };
        return new FileStatus(kind, s.Size)
        {
            ModifiedNs = s.MTime * 1_000_000_000 + s.MTimeNsec,
            ChangedNs = s.CTime * 1_000_000_000 + s.CTimeNsec,
            Device = s.Dev,
            Inode = s.Ino,
            HasChangeIdentity = true,
        };
    }

    private static FileStatus Managed(string full)
    {
        if (Directory.Exists(full)) return new FileStatus(FileKind.Directory, 0);
        var info = new FileInfo(full);
        if (!info.Exists) return new FileStatus(FileKind.Missing, 0);
        return new FileStatus(FileKind.Regular, info.Length) { ModifiedNs = (info.LastWriteTimeUtc.Ticks - UnixEpochTicks) * 100 };
    }

    private const long UnixEpochTicks = 621355968000000000L;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int SystemNativeStat(byte[] path, out NativeStatus output);

    /// <summary>System.Native's FileStatus (pal_io.h, .NET 8 and later), with room to spare should it grow.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct NativeStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime;
        public long ATimeNsec;
        public long MTime;
        public long MTimeNsec;
        public long CTime;
        public long CTimeNsec;
        public long BirthTime;
        public long BirthTimeNsec;
        public long Dev;
        public long RDev;
        public long Ino;
        public uint UserFlags;
        public long Spare1;
        public long Spare2;
        public long Spare3;
        public long Spare4;
    }
}
