using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using LicenceGuard.Cli.ManifestText;
using LicenceGuard.Core;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;
using LicenceGuard.Core.Reports;
using LicenceGuard.Core.Text;

namespace LicenceGuard.Cli.Commands;

/// <summary>
/// <c>licenceguard review MODEL [--by NAME --text FILE] [--date YYYY-MM-DD] [--print-text] [--manifest FILE]</c>: the
/// act LicenceGuard exists to record. Without <c>--text</c> it says which licence governs the model and where its text
/// is; with it, it hashes the file the person read (canonical form), says whether that is the text the catalogue's
/// facts come from, and writes <c>review:</c> into models.yaml. A different text is not recorded: the build's facts
/// would then rest on a text nobody read. Exit 0 recorded (or shown), 1 the text is not the catalogue's, 2 bad input.
/// </summary>
public static class ReviewCommand
{
    /// <summary>Licence texts are a few pages; anything larger is not the file the person meant.</summary>
    private const long MaxTextBytes = 4 * 1024 * 1024;

    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "the model's id or alias in models.yaml" };
        var manifest = new Option<string?>("--manifest", "-m") { Description = "models.yaml (default: the nearest one)" };
        var by = new Option<string?>("--by") { Description = "who read the licence text (name or e-mail)" };
        var text = new Option<string?>("--text") { Description = "the licence text file the person read" };
        var date = new Option<string?>("--date") { Description = "when it was read, YYYY-MM-DD (default: today, UTC)" };
        var source = new Option<string?>("--source") { Description = "where the text came from (default: the catalogue's source for its own text, else the file)" };
        var print = new Option<bool>("--print-text") { Description = "print the catalogue's copy of the licence text and stop" };
        var command = new Command("review", "Record that a person read a model's licence text: hash it and write review: into models.yaml")
        {
            model, manifest, by, text, date, source, print,
        };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(manifest), parse.GetValue(by), parse.GetValue(text),
            parse.GetValue(date), parse.GetValue(source), parse.GetValue(print)));
        return command;
    }

    private static int Run(string modelId, string? manifestPath, string? by, string? textPath, string? dateText, string? source, bool print)
    {
        manifestPath ??= ManifestLocator.Find(Directory.GetCurrentDirectory());
        if (manifestPath is null || !File.Exists(manifestPath))
        {
            Console.Error.WriteLine(manifestPath is null
                ? "licenceguard: no models.yaml here or in a parent folder; pass --manifest FILE"
                : $"{manifestPath}: error {DiagnosticIds.ManifestUnreadable}: the file does not exist");
            return ExitCodes.BadInput;
        }
        var result = ComplianceCheck.RunFile(manifestPath);
        if (result.Manifest is null)
        {
            foreach (var f in result.Findings.Where(f => f.EffectiveSeverity == Severity.Error)) Console.Error.WriteLine(f.ToMsBuildString());
            return ExitCodes.BadInput;
        }
        var evaluation = result.Models.FirstOrDefault(m => m.Entry.AllNames().Contains(modelId, StringComparer.OrdinalIgnoreCase));
        if (evaluation is null)
        {
            Console.Error.WriteLine($"{manifestPath}: no model '{modelId}' (by id or alias); declare it first (licenceguard init drafts entries)");
            return ExitCodes.BadInput;
        }
        var terms = evaluation.Terms;
        if (terms is null)
        {
            Console.Error.WriteLine($"{manifestPath}({evaluation.Entry.Id.Location.Line},{evaluation.Entry.Id.Location.Column}): model '{evaluation.Entry.Id.Value}' has no licence the catalogue knows; " +
                "set 'licence:' to a catalogue id (licenceguard catalogue match MODEL) or add the licence to an organisation catalogue");
            return ExitCodes.BadInput;
        }

        var catalogueCopy = LicenceTexts.FindEdition(terms.Id, terms.TextSha256?.Value);
        if (print)
        {
            if (catalogueCopy is null)
            {
                Console.Error.WriteLine($"licenceguard: the catalogue holds no copy of the {terms.Name} text; read it at {SourceOf(terms) ?? "its maker's site"}");
                return ExitCodes.BadInput;
            }
            Console.Out.Write(catalogueCopy);
            return ExitCodes.Clean;
        }

        var pinned = terms.TextSha256?.Value;
        Console.Out.WriteLine($"{evaluation.Entry.Id.Value}: {terms.Name} ({terms.Id}{(terms.Revision is { } r ? ", revision " + Dates.Day(r) : string.Empty)})");
        Console.Out.WriteLine($"  the text: {SourceOf(terms) ?? "no source recorded"}");
        Console.Out.WriteLine(catalogueCopy != null
            ? $"  the catalogue's copy: licenceguard review {modelId} --print-text > {FileNameFor(terms)}"
            : "  the catalogue holds no copy of this text");
        Console.Out.WriteLine(pinned != null ? $"  the catalogue's facts rest on the text with SHA-256 {pinned}" : "  the catalogue pins no text for these terms (they are a web page that can change)");

        if (textPath is null)
        {
            Console.Error.WriteLine($"licenceguard: read the text, then record who read which file: licenceguard review {modelId} --by NAME --text FILE");
            return ExitCodes.BadInput;
        }
        if (string.IsNullOrWhiteSpace(by))
        {
            Console.Error.WriteLine("licenceguard: --by must name the person who read the text");
            return ExitCodes.BadInput;
        }
        var date = DateTime.UtcNow.Date;
        if (dateText != null && !Core.Yaml.NodeReader.TryDate(dateText, out date))
        {
            Console.Error.WriteLine($"licenceguard: --date must be YYYY-MM-DD, not '{dateText}'");
            return ExitCodes.BadInput;
        }
        if (!TryReadText(textPath, out var read, out var problem))
        {
            Console.Error.WriteLine($"{textPath}: error: {problem}");
            return ExitCodes.BadInput;
        }
        var hash = LicenceText.CanonicalSha256(read);
        if (pinned != null && !string.Equals(hash, pinned, StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"{textPath}: not recorded: this text (SHA-256 {hash}) is not the one the catalogue's facts for {terms.Name} come from (SHA-256 {pinned})" +
                (catalogueCopy is null ? "." : $"; {Difference(catalogueCopy, read)}."));
            Console.Error.WriteLine("  It may be another copy (the model repository's LICENSE at another commit, reformatted) or another edition with other terms. " +
                $"Read the catalogue's copy (licenceguard review {modelId} --print-text) and record that file; if the text you read is the one that governs your use, " +
                "pin it and its facts in an organisation catalogue (settings.catalogue) first.");
            return ExitCodes.Findings;
        }

        var record = new ReviewRecord(by!.Trim(), date, hash, source ?? (pinned != null ? SourceOf(terms) : null) ?? textPath);
        var original = File.ReadAllText(manifestPath);
        var edited = ReviewEditor.SetReview(original, manifestPath, modelId, record, out var editProblem);
        if (edited is null)
        {
            Console.Error.WriteLine(editProblem);
            return ExitCodes.BadInput;
        }
        AtomicFile.WriteIfChanged(manifestPath, edited);
        Console.Out.WriteLine(pinned != null
            ? $"{manifestPath}: review of {terms.Name} for '{evaluation.Entry.Id.Value}' by {record.By} on {Dates.Day(date)} recorded (the catalogue's text)"
            : $"{manifestPath}: review of {terms.Name} for '{evaluation.Entry.Id.Value}' by {record.By} on {Dates.Day(date)} recorded (SHA-256 of the file read; the catalogue pins none)");
        return ExitCodes.Clean;
    }

    private static string? SourceOf(Licence terms) =>
        terms.TextSha256?.SourceUrl ?? terms.Sources.Values.FirstOrDefault();

    private static string FileNameFor(Licence terms) => "LICENSE-" + terms.Id + ".txt";

    /// <summary>The text a person read: a regular file within the size limit (never a FIFO or device), UTF-8.</summary>
    private static bool TryReadText(string path, out string text, out string problem)
    {
        text = string.Empty;
        var bytes = Core.Files.SafeFile.ReadAllBytes(path, MaxTextBytes, out var error);
        if (bytes is null)
        {
            problem = error ?? "the file cannot be read";
            return false;
        }
        try
        {
            text = new System.Text.UTF8Encoding(false, true).GetString(bytes);
            problem = string.Empty;
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            problem = "not UTF-8 text";
            return false;
        }
    }

    /// <summary>How far the text read is from the catalogue's copy, by canonical lines: enough to tell a reformatted copy
    /// from another edition at a glance.</summary>
    private static string Difference(string catalogue, string read)
    {
        var theirs = LicenceText.Canonicalise(catalogue).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var mine = LicenceText.Canonicalise(read).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var common = theirs.Intersect(mine, StringComparer.Ordinal).Count();
        return $"{theirs.Count - common} of the catalogue copy's {theirs.Count} non-blank lines are not in the file you read, and {mine.Count - common} of its {mine.Count} are not in the catalogue's";
    }
}
