using LicenceGuard.Analyzers.CodeFixes;
using LicenceGuard.Analyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LicenceGuard.Analyzers.Tests;

/// <summary>The quick fixes: add the model to models.yaml, or suppress with a justification.</summary>
public class CodeFixTests
{
    private const string Organisation = """
        organisation:
          name: Acme
          commercial: true
        models: []
        """;

    [Fact]
    public async Task UndeclaredModel_AddToManifest_AddsClassifiedEntryWithEmptyReview()
    {
        var test = new CodeFixTest<AddToManifestCodeFixProvider>
        {
            TestCode = """
                using OpenAI.Chat;
                class C { ChatClient M() => new ChatClient({|LG0001:"gpt-4o-mini"|}, "key"); }
                """,
            FixedCode = """
                using OpenAI.Chat;
                class C { ChatClient M() => new ChatClient("gpt-4o-mini", "key"); }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/project/models.yaml", Organisation + "\n"));
        test.TestState.ExpectedDiagnostics.Add(Fixtures.NoModelDeclared);
        test.FixedState.AdditionalFiles.Add(("/project/models.yaml", """
            organisation:
              name: Acme
              commercial: true
            models:
              - id: "gpt-4o-mini"
                kind: api
                maker: "OpenAI"
                licence: LicenseRef-OpenAI-Services  # the catalogue's classification (GPT-4o and GPT-4o mini)
                review: {}  # a person reads the licence, then records it: licenceguard review MODEL --by NAME --text FILE

            """));
        // Declared now; its licence verdict ("not reviewed") comes with the next build, and the editor says so.
        test.DisabledDiagnostics.Remove(Core.Diagnostics.DiagnosticIds.StaleVerdicts);
        test.TestState.ExpectedDiagnostics.Add(NoBuildYet());
        test.FixedState.ExpectedDiagnostics.Add(NoBuildYet());
        await test.RunAsync();
    }

    private static DiagnosticResult NoBuildYet() => new DiagnosticResult("LG0020", DiagnosticSeverity.Info)
        .WithSpan("/project/models.yaml", 1, 1, 1, "organisation:".Length + 1)
        .WithArguments("models.yaml has not been checked by a build yet: the declared names are read from it, the licence verdicts come with the first build");


    [Fact]
    public async Task UndeclaredModel_Suppress_AddsSuppressMessageWithJustification()
    {
        var test = new CodeFixTest<SuppressWithJustificationCodeFixProvider>
        {
            TestCode = """
                using OpenAI.Chat;
                class C
                {
                    ChatClient M() => new ChatClient({|LG0001:"gpt-4o-mini"|}, "key");
                }
                """,
            FixedCode = """
                using OpenAI.Chat;
                class C
                {
                    [System.Diagnostics.CodeAnalysis.SuppressMessage("LicenceGuard.Code", "LG0001", Justification = "Replace with why this model reference is acceptable and who decided it")]
                    ChatClient M() => new ChatClient("gpt-4o-mini", "key");
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/project/models.yaml", Organisation));
        test.TestState.ExpectedDiagnostics.Add(Fixtures.NoModelDeclared);
        test.FixedState.ExpectedDiagnostics.Add(Fixtures.NoModelDeclared);
        test.FixedState.AdditionalFiles.Add(("/project/models.yaml", Organisation));
        await test.RunAsync();
    }

    [Fact]
    public void ManifestEditor_ExistingListFollowedByKey_InsertsAtEndOfList()
    {
        var yaml = "organisation:\n  commercial: true\nmodels:\n    - id: gpt-4o\n      licence: LicenseRef-OpenAI-Services\n\n# waivers below\nwaivers: []\n";
        var edited = ManifestEditor.AddModel(yaml, new ModelDraft("llama3.1:8b", "open-weight", "Meta", "LicenseRef-Llama-3.1-Community", null, "api-model-id"));
        Assert.Equal("organisation:\n  commercial: true\nmodels:\n    - id: gpt-4o\n      licence: LicenseRef-OpenAI-Services\n" +
                     "    - id: \"llama3.1:8b\"\n      kind: open-weight\n      maker: \"Meta\"\n      licence: LicenseRef-Llama-3.1-Community  # the catalogue's classification\n" +
                     "      review: {}  # a person reads the licence, then records it: licenceguard review MODEL --by NAME --text FILE\n\n# waivers below\nwaivers: []\n", edited);
    }

    [Fact]
    public void ManifestEditor_UnknownModelAndCrLf_KeepsLineEndingsAndAsksForLicence()
    {
        var yaml = "organisation:\r\n  commercial: true\r\nmodels: []\r\n";
        var edited = ManifestEditor.AddModel(yaml, new ModelDraft("acme-7b", null, null, null, null, "attributed"));
        Assert.Equal("organisation:\r\n  commercial: true\r\nmodels:\r\n  - id: \"acme-7b\"\r\n" +
                     "    licence: null  # not in the LicenceGuard catalogue: look up the model's licence\r\n" +
                     "    review: {}  # a person reads the licence, then records it: licenceguard review MODEL --by NAME --text FILE\r\n", edited);
    }

    [Fact]
    public void ManifestEditor_NoModelsKey_AppendsList()
    {
        var edited = ManifestEditor.AddModel("organisation:\n  commercial: true", new ModelDraft("gpt-4o", "api", "OpenAI", "LicenseRef-OpenAI-Services", null, null));
        Assert.StartsWith("organisation:\n  commercial: true\nmodels:\n  - id: \"gpt-4o\"\n", edited);
    }

    [Fact]
    public void ManifestEditor_AddedEntry_ReadsBackAsDeclaredButUnreviewed()
    {
        var edited = ManifestEditor.AddModel(Organisation, new ModelDraft("gpt-4o-mini", "api", "OpenAI", "LicenseRef-OpenAI-Services", null, null));
        var read = LicenceGuard.Core.Manifest.ManifestReader.ReadText(edited, "models.yaml");
        Assert.Empty(read.Findings);
        var model = Assert.Single(read.Manifest!.Models);
        Assert.Equal("gpt-4o-mini", model.Id.Value);
        Assert.Null(model.Review?.By);
    }
}
