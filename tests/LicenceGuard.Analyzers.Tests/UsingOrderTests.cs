using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>
/// The usings of every C# file in src/, tests/ and bench/ are in the order the repository's .editorconfig asks for.
/// The check runs Roslyn's own Organize Imports (what the editor and <c>dotnet format style</c> run) in memory, so it
/// needs no project load or restore and takes about a second; the CI runs it with the other tests.
/// </summary>
public class UsingOrderTests
{
    /// <summary>What fixes the files: the solution, then the bench projects that are not in it.</summary>
    private const string FixCommand =
        "dotnet format style LicenceGuard.sln && for p in bench/*/*.csproj; do dotnet format style \"$p\"; done";

    private static readonly string[] CheckedFolders = { "src", "tests", "bench" };

    [Fact]
    public async Task EveryFile_HasItsUsingsInEditorConfigOrder()
    {
        var root = TestReferences.RepoRoot;
        var files = CheckedFolders.SelectMany(folder => SourceFiles(Path.Combine(root, folder))).ToList();
        Assert.True(files.Count > 100, $"only {files.Count} C# files found under {root}");

        var disordered = await DisorderedFilesAsync(root, files.Select(f => (f, File.ReadAllText(f))));

        Assert.True(disordered.Count == 0,
            $"{disordered.Count} file(s) have usings out of the .editorconfig order (System first, then alphabetical):\n  "
            + string.Join("\n  ", disordered.Select(f => Path.GetRelativePath(root, f)))
            + $"\nRun from the repository root:\n  {FixCommand}");
    }

    /// <summary>The check is not vacuous: a file with System after another namespace is reported, a sorted one is not.</summary>
    [Fact]
    public async Task Check_ReportsSystemAfterAnotherNamespace()
    {
        var root = TestReferences.RepoRoot;
        var unsorted = Path.Combine(root, "src", "Unsorted.cs");
        var sorted = Path.Combine(root, "src", "Sorted.cs");

        var disordered = await DisorderedFilesAsync(root, new[]
        {
            (unsorted, "using Microsoft.CodeAnalysis;\nusing System.IO;\nusing System;\n\nclass A { }\n"),
            (sorted, "using System;\nusing System.IO;\nusing Microsoft.CodeAnalysis;\n\nclass B { }\n"),
        });

        Assert.Equal(new[] { unsorted }, disordered);
    }

    /// <summary>Files whose text Organize Imports would change, read with the repository's .editorconfig.</summary>
    private static async Task<List<string>> DisorderedFilesAsync(string root, IEnumerable<(string Path, string Text)> files)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "UsingOrder", "UsingOrder", LanguageNames.CSharp,
                filePath: Path.Combine(root, "UsingOrder.csproj")));
        var editorConfig = Path.Combine(root, ".editorconfig");
        solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig",
            SourceText.From(File.ReadAllText(editorConfig)), filePath: editorConfig);

        var documents = new List<DocumentId>();
        foreach (var (path, text) in files)
        {
            var id = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(id, Path.GetFileName(path), SourceText.From(text), filePath: path);
            documents.Add(id);
        }

        var disordered = new List<string>();
        foreach (var id in documents)
        {
            var document = solution.GetDocument(id)!;
            var organized = await Formatter.OrganizeImportsAsync(document);
            var before = await document.GetTextAsync();
            var after = await organized.GetTextAsync();
            if (!before.ContentEquals(after)) disordered.Add(document.FilePath!);
        }
        return disordered;
    }

    /// <summary>The C# files a checkout has, without build output.</summary>
    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(f => f, StringComparer.Ordinal);
}
