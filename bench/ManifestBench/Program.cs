using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using LicenceGuard.Core;
using LicenceGuard.Core.Policy;
using YamlDotNet.RepresentationModel;

// Usage: dotnet run -c Release --project bench/ManifestBench -- [models=50000] [rounds=3]
// Prints the time of LicenceGuard's whole check (parse, locate, evaluate against the catalogue) and of a plain
// YamlDotNet YamlStream.Load of the same text, and their ratio. Both are measured in this run, on this machine.
var count = args.Length > 0 ? int.Parse(args[0]) : 50_000;
var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
var ids = new[] { "meta-llama/Llama-3.1-8B-Instruct", "moonshotai/Kimi-K2-Instruct", "Qwen/Qwen3-8B", "gpt-4o-mini", "claude-sonnet-4-5", "acme/unknown-model" };
var licences = new[] { "LicenseRef-Llama-3.1-Community", "LicenseRef-Kimi-K2-Modified-MIT", "Apache-2.0", "LicenseRef-OpenAI-Services", "LicenseRef-Anthropic-Commercial-Terms", "MIT" };
var sb = new StringBuilder("organisation:\n  name: Bench Ltd\n  commercial: true\n  annualRevenue: { amount: 25000000, currency: USD }\n  monthlyActiveUsers: 3500000\n  domicile: GB\n  territories: [GB, IN]\n  perimeter: { mustStayInside: [health], inside: [self-hosted] }\nmodels:\n");
for (var i = 0; i < count; i++)
{
    var k = i % ids.Length;
    sb.Append($"  - id: {ids[k]}-{i}\n    licence: {licences[k]}\n    review: {{ by: bench, on: 2026-11-01, textSha256: \"{new string('a', 64)}\" }}\n    hosting: {{ mode: self-hosted, region: eu-{i % 7} }}\n    receives: [public]\n    attribution: {{ shown: About, notice: NOTICE }}\n");
}
var text = sb.ToString();
var path = Path.Combine(Path.GetTempPath(), "licenceguard-bench-models.yaml");
File.WriteAllText(path, text);
Console.WriteLine($"manifest: {count} models, {text.Length / 1024.0 / 1024.0:0.0} MiB");

double Measure(Action action)
{
    action(); // warm-up
    var best = double.MaxValue;
    for (var r = 0; r < rounds; r++)
    {
        var sw = Stopwatch.StartNew();
        action();
        best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
    }
    return best;
}

var findings = 0;
var baseline = Measure(() => new YamlStream().Load(new StringReader(text)));
var check = Measure(() => findings = ComplianceCheck.RunText(text, path, new PolicyOptions { Today = new DateTime(2026, 11, 29) }).Findings.Count);
Console.WriteLine($"YamlDotNet YamlStream.Load (baseline): {baseline,8:0} ms");
Console.WriteLine($"LicenceGuard check (parse + evaluate):  {check,8:0} ms  ({findings} findings, {count / (check / 1000):0} models/s)");
Console.WriteLine($"ratio check/baseline: {check / baseline:0.00}");
File.Delete(path);
