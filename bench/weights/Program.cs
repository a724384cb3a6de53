using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using LicenceGuard.Core.Weights;

// Usage: WeightsBench FILE CACHE
//   hash   → prints "hash <seconds> <sha256>" : one full streaming SHA-256 (FileHasher, as the build uses it)
//   cached → prints "cached <cold ms> <warm ms> <sha256>" : HashCache.Load + GetSha256 on an unchanged file, as a rebuild does
if (args.Length != 3) { Console.Error.WriteLine("usage: WeightsBench hash|cached FILE CACHE"); return 2; }
var (mode, file, cachePath) = (args[0], args[1], args[2]);
var clock = Stopwatch.StartNew();
if (mode == "hash")
{
    var sha = FileHasher.Sha256(file);
    var seconds = clock.Elapsed.TotalSeconds;
    // Prime the cache for the "cached" measurement.
    var cache = HashCache.Load(cachePath);
    cache.GetSha256(file);
    cache.Save();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hash {seconds:0.000} {sha}"));
    return 0;
}
if (mode == "cached")
{
    // Cold: the first call in a fresh process (JIT included), as in a build's first use of an MSBuild node.
    var cache = HashCache.Load(cachePath);
    var sha = cache.GetSha256(file);
    var cold = clock.Elapsed.TotalMilliseconds;
    if (cache.Computed != 0) { Console.Error.WriteLine("the cache was not used"); return 1; }
    // Warm: later builds in the same node (load the cache file, stat the weights, compare); best of 5.
    var warm = double.MaxValue;
    for (var i = 0; i < 5; i++)
    {
        clock.Restart();
        var again = HashCache.Load(cachePath);
        again.GetSha256(file);
        warm = Math.Min(warm, clock.Elapsed.TotalMilliseconds);
        if (again.Computed != 0) { Console.Error.WriteLine("the cache was not used"); return 1; }
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cached {cold:0.000} {warm:0.000} {sha}"));
    return 0;
}
Console.Error.WriteLine($"unknown mode '{mode}'");
return 2;
