using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using LicenceGuard.Analyzers.Manifest;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Output;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// <c>licenceguard init PATH [--force]</c>: a draft models.yaml from a scan of PATH (the analyzers' own references, so
/// every model the build will check). Each model found is classified by the catalogue (kind, maker, licence), with its
/// provider and hosting where the code shows them and a comment naming where it is used. The organisation's figures
/// are placeholders that fail the check until a person fills them in, and every review is left for a person. An
/// existing models.yaml is never overwritten without --force; the file is written atomically.
/// </summary>
public static class InitCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "a .sln, .csproj or folder; models.yaml is written beside it (in it for a folder)" };
        var force = new Option<bool>("--force") { Description = "overwrite an existing models.yaml" };
        var command = new Command("init", "Write a draft models.yaml from the model references in the code") { path, force };
        command.SetAction(parse => Run(parse.GetValue(path)!, parse.GetValue(force)));
        return command;
    }

    private static int Run(string path, bool force)
    {
        if (!ScanCommand.TryScan(path, out var hits, out var error))
        {
            Console.Error.WriteLine("licenceguard: " + error);
            return ExitCodes.BadInput;
        }
        var full = Path.GetFullPath(path);
        var dir = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        var target = Path.Combine(dir, "models.yaml");
        if (File.Exists(target) && !force)
        {
            Console.Error.WriteLine($"licenceguard: {target} exists; pass --force to replace it (its reviews would be lost)");
            return ExitCodes.BadInput;
        }
        var text = Draft(hits, CatalogueLoader.LoadEmbedded());
        AtomicFile.WriteIfChanged(target, text);
        Console.Out.WriteLine($"{target}: {CountModels(hits)} model(s) drafted; fill in 'organisation' and each model's review");
        return ExitCodes.Clean;
    }

    /// <summary>The draft text: one entry per distinct model (case-insensitive), in order of first appearance.</summary>
    public static string Draft(IReadOnlyList<ScanHit> hits, LicenceCatalogue catalogue)
    {
        var yaml = new StringBuilder()
            .Append("# Draft written by `licenceguard init` from the model references in the code.\n")
            .Append("# A person must fill in the organisation's real figures and, after reading each licence, its review.\n")
            .Append("# Every REQUIRED fails the check until it holds the real figure.\n")
            .Append("organisation:\n")
            .Append("  name: null  # the company's name\n")
            .Append("  commercial: REQUIRED  # true when the product is sold or used in a business\n")
            .Append("  annualRevenue: { amount: REQUIRED, currency: USD }  # the last financial year's revenue\n")
            .Append("  monthlyActiveUsers: REQUIRED  # of the product, as the licences count them\n")
            .Append("  domicile: REQUIRED  # ISO 3166-1 alpha-2 code of the principal place of business (EU for the Union)\n")
            .Append("  territories: [REQUIRED]  # where the product serves users and runs models\n")
            .Append("models: []\n")
            .ToString();
        foreach (var group in Distinct(hits))
        {
            var first = group.First();
            var match = catalogue.Match(first.Literal);
            var places = group.Take(5).Select(h => $"{h.File}:{h.Line}" + (h.Api is null ? string.Empty : $" ({h.Api})")).ToList();
            if (group.Count() > 5) places.Add($"and {group.Count() - 5} more place(s)");
            var draft = new ModelDraft(first.Literal, match?.Family.Kind, match?.Family.Maker, match?.LicenceId, match?.Family.Name, first.Kind,
                ProviderOf(group), HostingOf(group, match?.Family.Kind), places);
            yaml = ManifestEditor.AddModel(yaml, draft);
        }
        return yaml;
    }

    /// <summary>Azure OpenAI serves OpenAI's models under Microsoft's terms: a call through its client says so.</summary>
    private static string? ProviderOf(IEnumerable<ScanHit> hits) =>
        hits.Any(h => h.Kind == "deployment-name" || (h.Api?.IndexOf("AzureOpenAI", StringComparison.Ordinal) ?? -1) >= 0) ? "azure" : null;

    /// <summary>Where the model runs, when the code shows it: a weights file or a local runtime is self-hosted, a
    /// service's model is an API; anything else is left for a person.</summary>
    private static string? HostingOf(IEnumerable<ScanHit> hits, string? catalogueKind)
    {
        var list = hits.ToList();
        if (list.Any(h => h.Kind == "local-model-path" || LocalRuntimes.Any(r => (h.Api?.IndexOf(r, StringComparison.Ordinal) ?? -1) >= 0))) return "self-hosted";
        return catalogueKind == "api" || ProviderOf(list) != null ? "api" : null;
    }

    private static readonly string[] LocalRuntimes = { "Ollama", "InferenceSession", "OnnxRuntimeGenAI", "LLama", "Model(" };

    private static int CountModels(IReadOnlyList<ScanHit> hits) => Distinct(hits).Count();

    private static IEnumerable<IGrouping<string, ScanHit>> Distinct(IReadOnlyList<ScanHit> hits) =>
        hits.GroupBy(h => h.Literal.Trim(), StringComparer.OrdinalIgnoreCase);
}
