using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Cli.Commands;

/// <summary><c>licenceguard catalogue list|match|explain|hash</c>: what the catalogue says, for people and for scripts.</summary>
public static class CatalogueCommand
{
    public static Command Create()
    {
        var extra = new Option<string[]>("--catalogue") { Description = "extra catalogue files or folders (organisation overrides)", AllowMultipleArgumentsPerToken = true, Recursive = true };
        var command = new Command("catalogue", "Query the licence catalogue") { extra };
        command.Subcommands.Add(List(extra));
        command.Subcommands.Add(Match(extra));
        command.Subcommands.Add(Explain(extra));
        command.Subcommands.Add(Hash());
        return command;
    }

    private static Option<string> FormatOption() => new("--format", "-f") { Description = "text or json", DefaultValueFactory = _ => "text" };

    private static Command List(Option<string[]> extra)
    {
        var format = FormatOption();
        var command = new Command("list", "Every licence in the catalogue") { format };
        command.SetAction(parse =>
        {
            var catalogue = Load(parse.GetValue(extra));
            if (catalogue is null) return ExitCodes.BadInput;
            if (IsJson(parse.GetValue(format)))
            {
                WriteJson(w =>
                {
                    w.WriteStartArray();
                    foreach (var l in catalogue.Licences.Values) WriteTerms(w, l);
                    w.WriteEndArray();
                });
                return ExitCodes.Clean;
            }
            foreach (var l in catalogue.Licences.Values)
                Console.WriteLine($"{l.Id,-45} {l.Openness,-25} {l.CommercialUse?.Value ?? "-",-10} {l.Name}");
            Console.WriteLine($"{catalogue.Licences.Count} licences, {catalogue.Families.Count} model families, catalogue dated {Dates.Day(catalogue.Date)}");
            return ExitCodes.Clean;
        });
        return command;
    }

    private static Command Match(Option<string[]> extra)
    {
        var ids = new Argument<string[]>("MODEL_ID") { Description = "model IDs: Hugging Face ids, API names, Ollama tags, model file paths", Arity = ArgumentArity.OneOrMore };
        var format = FormatOption();
        var command = new Command("match", "The licence (effective terms) of each model ID") { ids, format };
        command.SetAction(parse =>
        {
            var catalogue = Load(parse.GetValue(extra));
            if (catalogue is null) return ExitCodes.BadInput;
            var models = parse.GetValue(ids) ?? Array.Empty<string>();
            if (IsJson(parse.GetValue(format)))
            {
                WriteJson(w =>
                {
                    w.WriteStartArray();
                    foreach (var id in models)
                    {
                        w.WriteStartObject();
                        w.WriteString("model", id);
                        var terms = Terms(catalogue, id, out var match);
                        if (match != null)
                        {
                            w.WriteString("family", match.Family.Id);
                            w.WriteString("maker", match.Family.Maker);
                            w.WriteString("kind", match.Family.Kind);
                            w.WriteString("matchedBy", match.MatchedBy);
                        }
                        w.WritePropertyName("licence");
                        if (terms is null) w.WriteNullValue();
                        else WriteTerms(w, terms);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                });
                return ExitCodes.Clean;
            }
            foreach (var id in models)
            {
                var terms = Terms(catalogue, id, out var match);
                Console.WriteLine(match is null ? $"{id}: not in the catalogue" : $"{id}: {terms?.Id ?? "licence not verified"} (family {match.Family.Id}, matched by '{match.MatchedBy}')");
                // The model's own edition: its text's name, revision and hash, and the territories it excludes.
                if (terms != null)
                    Console.WriteLine($"  {terms.Name}; revision {Dates.Day(terms.Revision)}; text SHA-256 {terms.TextSha256?.Value ?? "not pinned"}; excludes {(terms.TerritoryExclusions.Count == 0 ? "no territory" : string.Join(", ", terms.TerritoryExclusions.Select(t => t.Value.Code).Distinct()))}");
            }
            return ExitCodes.Clean;
        });
        return command;
    }

    private static Command Explain(Option<string[]> extra)
    {
        var id = new Argument<string>("MODEL_ID") { Description = "a model ID or a licence id" };
        var command = new Command("explain", "A readable summary of the terms for a model") { id };
        command.SetAction(parse =>
        {
            var catalogue = Load(parse.GetValue(extra));
            if (catalogue is null) return ExitCodes.BadInput;
            var value = parse.GetValue(id)!;
            var terms = Terms(catalogue, value, out var match) ?? catalogue.FindLicence(value);
            if (terms is null)
            {
                Console.Error.WriteLine(match is null ? $"licenceguard: '{value}' is neither a known model ID nor a licence" : $"licenceguard: the catalogue knows '{value}' (family {match.Family.Id}) but its licence is not verified");
                return ExitCodes.BadInput;
            }
            Console.Write(LicenceExplainer.Explain(terms, match));
            return ExitCodes.Clean;
        });
        return command;
    }

    private static Command Hash()
    {
        var file = new Argument<string>("FILE") { Description = "a licence text file" };
        var command = new Command("hash", "SHA-256 of a licence text in LicenceGuard's canonical form (for review.textSha256)") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var bytes = SafeFile.ReadAllBytes(path, Core.Yaml.YamlLimits.Default.MaxBytes, out var refusal);
            if (bytes is null)
            {
                Console.Error.WriteLine($"{path}: error: {refusal}");
                return ExitCodes.BadInput;
            }
            Console.WriteLine(LicenceText.CanonicalSha256(bytes));
            return ExitCodes.Clean;
        });
        return command;
    }

    private static Licence? Terms(LicenceCatalogue catalogue, string id, out ModelMatch? match)
    {
        match = catalogue.Match(id) ?? catalogue.MatchDerivative(id);
        if (match is null || catalogue.FindLicence(match.LicenceId) is not { } licence) return null;
        return catalogue.EffectiveTerms(licence, new[] { id, match.Model?.Id ?? id });
    }

    private static LicenceCatalogue? Load(string[]? extra)
    {
        var catalogue = CatalogueLoader.Load(extra ?? Array.Empty<string>());
        foreach (var f in catalogue.Findings) Console.Error.WriteLine(f.ToMsBuildString());
        return catalogue.Findings.Any(f => f.Severity == Core.Severity.Error) ? null : catalogue;
    }

    private static void WriteTerms(Utf8JsonWriter w, Licence licence) => ComplianceJson.Write(w, LicenceTermsBuilder.Build(licence));

    private static bool IsJson(string? format) => string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);

    private static void WriteJson(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        Console.Out.Write(Encoding.UTF8.GetString(stream.ToArray()));
        Console.Out.WriteLine();
    }
}
