using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenceGuard.Analyzers.Manifest;
using LicenceGuard.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace LicenceGuard.Analyzers.CodeFixes;

/// <summary>
/// "Add '…' to models.yaml": edits the project's models.yaml additional document, pre-filled with the catalogue's
/// classification (kind, maker, licence) and an empty review for a person to fill.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddToManifestCodeFixProvider)), Shared]
public sealed class AddToManifestCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.UndeclaredModel, DiagnosticIds.PossibleModelReference, DiagnosticIds.UndeclaredModelInConfiguration);

    /// <summary>Each fix edits the same file; fixing all at once would need a merge, so one at a time.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var manifest = context.Document.Project.AdditionalDocuments.FirstOrDefault(d => ModelReferenceAnalyzer.IsManifest(d.FilePath ?? d.Name));
        if (manifest is null) return Task.CompletedTask;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ModelId, out var id) || string.IsNullOrEmpty(id)) continue;
            var draft = new ModelDraft(id!, Get(diagnostic, DiagnosticProperties.ModelKind), Get(diagnostic, DiagnosticProperties.Maker),
                Get(diagnostic, DiagnosticProperties.Licence), Get(diagnostic, DiagnosticProperties.Family), Get(diagnostic, DiagnosticProperties.ReferenceKind));
            context.RegisterCodeFix(
                CodeAction.Create($"Add '{id}' to models.yaml", c => AddAsync(context.Document.Project.Solution, manifest.Id, draft, c), nameof(AddToManifestCodeFixProvider) + ":" + id),
                diagnostic);
        }
        return Task.CompletedTask;
    }

    private static string? Get(Diagnostic d, string key) => d.Properties.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v) ? v : null;

    private static async Task<Solution> AddAsync(Solution solution, DocumentId manifestId, ModelDraft draft, CancellationToken cancellation)
    {
        var document = solution.GetAdditionalDocument(manifestId);
        if (document is null) return solution;
        var text = await document.GetTextAsync(cancellation).ConfigureAwait(false);
        var edited = ManifestEditor.AddModel(text.ToString(), draft);
        // Replace keeps the file's encoding (and its byte order mark) as it was.
        return solution.WithAdditionalDocumentText(manifestId, text.Replace(new TextSpan(0, text.Length), edited));
    }
}
