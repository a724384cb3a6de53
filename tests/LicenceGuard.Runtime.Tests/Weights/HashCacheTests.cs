using System;
using System.IO;
using System.Security.Cryptography;
using LicenceGuard.Core.Weights;
using Xunit;

namespace LicenceGuard.Runtime.Tests.Weights;

public sealed class HashCacheTests
{
    [Fact]
    public void StreamingHash_MatchesOneShotHash_AcrossBlockBoundaries()
    {
        using var dir = new TempFolder();
        var content = new byte[FileHasher.BlockBytes * 2 + 12345];
        new Random(1).NextBytes(content);
        var path = dir.Write("w.bin", content);

        Assert.Equal(Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant(), FileHasher.Sha256(path));
    }

    [Fact]
    public void EmptyFile_HasTheEmptyHash()
    {
        using var dir = new TempFolder();
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", FileHasher.Sha256(dir.Write("e", Array.Empty<byte>())));
    }

    [Fact]
    public void UnchangedFile_IsServedFromTheCache()
    {
        using var dir = new TempFolder();
        var path = dir.Write("w.bin", new byte[1000]);
        var cachePath = dir.File("obj/cache.json");

        var first = HashCache.Load(cachePath);
        var hash = first.GetSha256(path);
        Assert.Equal(1, first.Computed);
        Assert.True(first.Save());
        Assert.True(File.Exists(cachePath));

        var second = HashCache.Load(cachePath);
        Assert.Equal(hash, second.GetSha256(path));
        Assert.Equal(0, second.Computed);
        Assert.False(second.Save());   // nothing changed, nothing written
    }

    [Fact]
    public void ChangedFile_IsHashedAgain()
    {
        using var dir = new TempFolder();
        var path = dir.Write("w.bin", new byte[1000]);
        var cachePath = dir.File("cache.json");
        var first = HashCache.Load(cachePath);
        var before = first.GetSha256(path);
        first.Save();

        var changed = new byte[1000];
        changed[0] = 1;
        File.WriteAllBytes(path, changed);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        var second = HashCache.Load(cachePath);
        var after = second.GetSha256(path);
        Assert.NotEqual(before, after);
        Assert.Equal(1, second.Computed);
    }

    [Fact]
    public void CorruptCacheFile_IsIgnored()
    {
        using var dir = new TempFolder();
        var path = dir.Write("w.bin", new byte[10]);
        var cachePath = dir.Write("cache.json", "{ this is not json");

        var cache = HashCache.Load(cachePath);

        Assert.Equal(FileHasher.Sha256(path), cache.GetSha256(path));
        Assert.Equal(1, cache.Computed);
        Assert.True(cache.Save());
    }

    [Fact]
    public void ForgedCacheEntryWithOtherSize_IsNotTrusted()
    {
        using var dir = new TempFolder();
        var path = dir.Write("w.bin", new byte[10]);
        var full = Path.GetFullPath(path).Replace("\\", "\\\\");
        var cachePath = dir.Write("cache.json", $"{{\"version\":1,\"files\":{{\"{full}\":{{\"size\":11,\"mtime\":{File.GetLastWriteTimeUtc(path).Ticks},\"sha256\":\"{new string('0', 64)}\"}}}}}}");

        var cache = HashCache.Load(cachePath);

        Assert.Equal(FileHasher.Sha256(path), cache.GetSha256(path));
    }
}
