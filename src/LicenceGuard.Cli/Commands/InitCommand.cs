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
/// <c>licenceguard init PATH [--force]</c>: a draft models.yaml from a scan of PATH. Each model found is classified by
/// the catalogue (kind, maker, licence); the organisation's figures and every review are left for a person. An
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
            .Append("organisation:\n")
            .Append("  name: null  # the company's name\n")
            .Append("  commercial: true  # is the product sold or used in a business?\n")
            .Append("models: []\n")
            .ToString();
        foreach (var group in Distinct(hits))
        {
            var first = group.First();
            var match = catalogue.Match(first.Literal);
            var draft = new ModelDraft(first.Literal, match?.Family.Kind, match?.Family.Maker, match?.LicenceId, match?.Family.Name, first.Kind);
            yaml = ManifestEditor.AddModel(yaml, draft);
        }
        return yaml;
    }

    private static int CountModels(IReadOnlyList<ScanHit> hits) => Distinct(hits).Count();

    private static IEnumerable<IGrouping<string, ScanHit>> Distinct(IReadOnlyList<ScanHit> hits) =>
        hits.GroupBy(h => h.Literal.Trim(), StringComparer.OrdinalIgnoreCase);
}
