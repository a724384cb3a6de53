using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenceGuard.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LicenceGuard.Analyzers.CodeFixes;

/// <summary>
/// "Suppress LGxxxx with a justification": a [SuppressMessage] on the enclosing member whose Justification a person
/// must replace with the reason, so the exception is written down beside the code and visible in review.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SuppressWithJustificationCodeFixProvider)), Shared]
public sealed class SuppressWithJustificationCodeFixProvider : CodeFixProvider
{
    public const string JustificationPlaceholder = "Replace with why this model reference is acceptable and who decided it";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.UndeclaredModel, DiagnosticIds.DeclaredModelHasFindings, DiagnosticIds.DataPerimeterAtCallSite,
        DiagnosticIds.UnsafeModelFile, DiagnosticIds.PossibleModelReference);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var member = node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>()
                .FirstOrDefault(m => !(m is NamespaceDeclarationSyntax) && !(m is FileScopedNamespaceDeclarationSyntax));
            if (member is null) continue;
            var id = diagnostic.Id;
            context.RegisterCodeFix(
                CodeAction.Create($"Suppress {id} with a justification", c => SuppressAsync(context.Document, member, diagnostic.Descriptor.Category, id, c), nameof(SuppressWithJustificationCodeFixProvider) + ":" + id),
                diagnostic);
        }
    }

    private static async Task<Document> SuppressAsync(Document document, MemberDeclarationSyntax member, string category, string id, CancellationToken cancellation)
    {
        var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
        if (root is null) return document;
        var text = await document.GetTextAsync(cancellation).ConfigureAwait(false);
        var newline = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
        var attributeText = $"[System.Diagnostics.CodeAnalysis.SuppressMessage(\"{category}\", \"{id}\", Justification = \"{JustificationPlaceholder}\")]";
        var parsed = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(attributeText + " void M() { }")!;
        var leading = member.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(leading[leading.Count - 1]) : SyntaxFactory.TriviaList();
        var attribute = parsed.AttributeLists[0].WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.EndOfLine(newline));
        var stripped = member.WithLeadingTrivia(indentation);
        var updated = stripped.WithAttributeLists(stripped.AttributeLists.Insert(0, attribute));
        return document.WithSyntaxRoot(root.ReplaceNode(member, updated));
    }
}
