#!/usr/bin/env python3
"""Generates the analyzer benchmark project: FILES C# files of ordinary code (string handling, LINQ, collections,
method calls with string arguments, object initialisers), a few of which use the OpenAI SDK with a declared model.

usage: generate.py OUT_DIR FILES ANALYZER_DIR
"""
import os
import sys

out, files, analyzer_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(os.path.join(out, "src"), exist_ok=True)

with open(os.path.join(out, "Bench.csproj"), "w") as f:
    f.write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NuGetAudit>false</NuGetAudit>
    <!-- The generated code is ordinary and compliant: neither analyzer has anything to report. -->
    <NoWarn>$(NoWarn);CS8321;CS0219</NoWarn>
    <UseLicenceGuard Condition="'$(UseLicenceGuard)' == ''">true</UseLicenceGuard>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="OpenAI" Version="2.15.0" />
    <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" Version="5.6.0" PrivateAssets="all" />
    <AdditionalFiles Include="BannedSymbols.txt" />
    <AdditionalFiles Include="models.yaml" />
  </ItemGroup>
  <ItemGroup Condition="'$(UseLicenceGuard)' == 'true'">
    <Analyzer Include="{analyzer_dir}/LicenceGuard.Analyzers.dll" />
    <Analyzer Include="{analyzer_dir}/LicenceGuard.Core.dll" />
    <!-- What the LicenceGuard package's build gate passes to the compiler (run.sh writes it with `licenceguard check`). -->
    <AdditionalFiles Include="analyzer-snapshot.tsv" Condition="Exists('analyzer-snapshot.tsv')" />
  </ItemGroup>
</Project>
""")

with open(os.path.join(out, "BannedSymbols.txt"), "w") as f:
    f.write("T:System.Net.WebClient;Use HttpClient\n"
            "M:System.Threading.Thread.Sleep(System.Int32);Use Task.Delay\n"
            "P:System.DateTime.Now;Use TimeProvider\n"
            "M:System.GC.Collect;Do not force collections\n")

with open(os.path.join(out, "models.yaml"), "w") as f:
    # A compliant manifest, as a team's is on an ordinary day: the model is declared and its licence text reviewed
    # (the hash is that of rules/texts' OpenAI Services Agreement), so the build gate passes and the analyzer only
    # confirms. A manifest with findings adds one relayed LG0002 per call site, and the compiler's generated-code
    # check for each file with a diagnostic is charged to the analyzer that reports it.
    f.write("organisation:\n  name: Bench\n  commercial: true\nmodels:\n"
            "  - id: gpt-4o\n    kind: api\n    provider: openai\n    licence: LicenseRef-OpenAI-Services\n"
            "    review: { by: bench, on: 2026-11-01, textSha256: \"45a087d23cd235751331f679fd0ea6572eec9f4557cf4d0dbae154365d47b3c6\" }\n"
            "    hosting: { mode: api, region: us }\n")

template = '''using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Bench.Area{area};

public sealed class Record{i}
{{
    public string Name {{ get; set; }} = "record-{i}";
    public string Category {{ get; init; }} = "category/{cat}";
    public int Count {{ get; set; }}
    public List<string> Tags {{ get; }} = new() {{ "alpha", "beta-{i}", "gamma" }};
}}

public static class Service{i}
{{
    private const string Prefix = "svc-{i}";
    private static readonly Dictionary<string, int> Limits = new() {{ ["small"] = {i}, ["large"] = {i} * 10 }};

    public static string Describe(Record{i} record)
    {{
        var sb = new StringBuilder();
        sb.Append(Prefix).Append(':').Append(record.Name);
        foreach (var tag in record.Tags.Where(t => t.StartsWith("b", StringComparison.Ordinal)).OrderBy(t => t))
            sb.Append(", ").Append(tag.ToUpperInvariant());
        return string.Format("{{0}} ({{1}})", sb, record.Count);
    }}

    public static IEnumerable<Record{i}> Make(int n) =>
        Enumerable.Range(0, n).Select(k => new Record{i} {{ Name = $"item-{{k}}", Count = k * 2, Category = "images/icon-{i}.png" }});

    public static int Score(string text, string mode = "default")
    {{
        if (string.Equals(mode, "strict", StringComparison.OrdinalIgnoreCase)) return text.Length;
        var parts = text.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return parts.Sum(p => p.Length) + (Limits.TryGetValue("small", out var v) ? v : 0);
    }}

    public static string Route(int code) => code switch
    {{
        200 => "https://example.com/ok/{i}",
        404 => "not-found",
        _ => Describe(new Record{i} {{ Name = "fallback", Count = code }}),
    }};
{extra}}}
'''

sdk_call = '''
    public static OpenAI.Chat.ChatClient Chat(string key) => new OpenAI.Chat.ChatClient("gpt-4o", key);
'''

for i in range(files):
    extra = sdk_call if i % 25 == 0 else ""
    with open(os.path.join(out, "src", f"File{i:04d}.cs"), "w") as f:
        f.write(template.format(i=i, area=i % 40, cat=i % 7, extra=extra))
