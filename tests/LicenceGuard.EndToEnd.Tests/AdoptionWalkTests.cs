using System.Reflection;
using System.Text.RegularExpressions;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>
/// The adopter's whole walk, as the README's "Getting started" tells it, on a fixture app with the packed package:
/// init → the build fails with located errors → review each model → the organisation's figures → a clean build →
/// approve → a model used in new code → the build shows the drift.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdoptionWalkTests
{
    private readonly PackageFixture _fixture;

    public AdoptionWalkTests(PackageFixture fixture) => _fixture = fixture;

    private static readonly string Cli = typeof(AdoptionWalkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Cli").Value!;

    [Fact]
    public void InitBuildReviewFiguresBuildApproveChangeDrift()
    {
        var app = _fixture.CreateConsumer("adoption-walk");
        app.WriteProject("""<PackageReference Include="OpenAI" Version="2.15.0" />""");
        app.WriteFile("Assistant.cs", """
            using OpenAI.Chat;

            public static class Assistant
            {
                public static ChatClient Chat(string key)
                {
                    var model = "gpt-4o-mini";
                    return new ChatClient(model, key);
                }
            }
            """);
        var models = Path.Combine(app.Directory, "models.yaml");

        // 1. init drafts every model the detector finds, with where it is used.
        var init = Run("init", app.ProjectPath);
        Assert.True(init.ExitCode == 0, init.Output);
        Assert.Contains("# used at Assistant.cs:7", File.ReadAllText(models));

        // 2. The build fails, each error at its line: the placeholders and the missing review.
        var first = app.Build();
        Assert.NotEqual(0, first.ExitCode);
        Assert.Matches(@"models\.yaml\(\d+,\d+\): error LG1002", first.Output);
        Assert.Matches(@"models\.yaml\(\d+,\d+\): error LG1005", first.Output);

        // 3. A person reads the licence text and records the review.
        var text = Path.Combine(app.Directory, "openai-terms.txt");
        var print = Run("review", "gpt-4o-mini", "--manifest", models, "--print-text");
        Assert.True(print.ExitCode == 0, print.Output);
        File.WriteAllText(text, print.Output);
        var review = Run("review", "gpt-4o-mini", "--manifest", models, "--by", "a.sharma", "--text", text, "--date", "2026-11-20");
        Assert.True(review.ExitCode == 0, review.Output);

        // 4. The organisation's real figures replace the placeholders.
        var yaml = File.ReadAllText(models)
            .Replace("commercial: REQUIRED", "commercial: true")
            .Replace("annualRevenue: { amount: REQUIRED, currency: USD }", "annualRevenue: { amount: 2000000, currency: USD }")
            .Replace("monthlyActiveUsers: REQUIRED", "monthlyActiveUsers: 12000")
            .Replace("domicile: REQUIRED", "domicile: GB")
            .Replace("territories: [REQUIRED]", "territories: [GB]");
        Assert.DoesNotMatch(@":\s*(\[)?REQUIRED", yaml);
        File.WriteAllText(models, yaml);

        // 5. A clean build.
        var clean = app.Build();
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.DoesNotMatch(new Regex(@"(error|warning) LG\d{4}"), clean.Output);

        // 6. The compliance officer approves.
        var approve = Run("approve", "--by", "c.officer", "--manifest", models, "--on", "2026-11-29");
        Assert.True(approve.ExitCode == 0, approve.Output);
        Assert.True(File.Exists(Path.Combine(app.Directory, "models.lock.json")));
        var approved = app.Build();
        Assert.True(approved.ExitCode == 0, approved.Output);
        Assert.DoesNotContain("LG1201", approved.Output);

        // 7. New code uses the model somewhere it was not approved: the build says so, at that code.
        app.WriteFile("Summariser.cs", """
            using OpenAI.Chat;

            public static class Summariser
            {
                public static ChatClient Chat(string key) => new ChatClient("gpt-4o-mini", key);
            }
            """);
        var changed = app.Build();
        Assert.True(changed.ExitCode == 0, changed.Output);
        Assert.Matches(@"Summariser\.cs\(5,\d+\): warning LG1201: model 'gpt-4o-mini' is now used in Summariser\.cs", changed.Output);
        // Until a person approves again, the next build says it again.
        Assert.Contains("warning LG1201", app.Build().Output);
    }

    private static (int ExitCode, string Output) Run(params string[] args) => Dotnet.Run(Path.GetTempPath(), new[] { Cli }.Concat(args).ToArray());
}
