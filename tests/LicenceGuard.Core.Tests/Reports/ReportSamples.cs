using LicenceGuard.Core.Document;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Tests.Reports;

/// <summary>
/// A compliance manifest with every section filled: a passing self-hosted model with weights, evaluations, code
/// references and an attestation; an API model outside the perimeter with health data; a waiver; a dependency section.
/// </summary>
internal static class ReportSamples
{
    public const string WeightsSha = "3f1c2b6a9d8e7f60514233241506978a8b9c0d1e2f3a4b5c6d7e8f9011223344";

    public static readonly string Yaml = Eval.Manifest(Eval.Org.Replace("monthlyActiveUsers: 3500000", "monthlyActiveUsers: 640000000"),
        """
          - id: test/Model-8B
            aliases: ["testmodel:8b"]
            revision: v2
            licence: LicenseRef-Test-Community
            review: { by: a.sharma, on: 2026-11-02, textSha256: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }
            hosting: { mode: self-hosted, region: in-south }
            receives: [health, personal]
            attribution: { shown: "About page", notice: "MODEL-NOTICES.txt" }
            target: { gpu: H200, precision: fp8 }
            weights:
              - { path: models/model-8b.onnx, sha256: "3f1c2b6a9d8e7f60514233241506978a8b9c0d1e2f3a4b5c6d7e8f9011223344", format: onnx }
            evaluations:
              - { on: 2026-10-01, dataset: MedQA, score: "0.71", revision: v1, quantisation: bf16, runtime: "onnxruntime 1.20.0" }
        """,
        """
          - id: test/K2-Instruct
            kind: api
            licence: LicenseRef-Test-Modified-MIT
            review: { by: j.doe, on: 2026-11-10, textSha256: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" }
            hosting: { mode: api, region: us-east }
            receives: [health]
        waivers:
          - { rule: LG1013, model: test/K2-Instruct, reason: "de-identified before sending; DPA signed", approver: c.officer, expires: 2027-03-31 }
        """);

    public const string Attestation = """
        { "schema": "licenceguard-hardware-attestation/1", "model": "test/Model-8B", "result": "passed",
          "gpu": { "available": true, "name": "NVIDIA H200" }, "runtime": { "name": "onnxruntime", "version": "1.31.1" } }
        """;

    public const string Dependencies = """
        { "packages": [ { "id": "Newtonsoft.Json", "version": "13.0.3", "licence": "MIT" }, { "id": "Some.Thing", "version": "1.0.0" } ] }
        """;

    /// <summary>Where the analyzer found each model (its LG0022 records), as the build and the CLI pass them.</summary>
    public static SortedDictionary<string, List<CodeLocation>> Code() => new(StringComparer.Ordinal)
    {
        ["test/Model-8B"] = new() { new CodeLocation("Chat.cs", 1, 53, "local-model-path"), new CodeLocation("Chat.cs", 1, 25, "literal") },
        ["test/K2-Instruct"] = new() { new CodeLocation("appsettings.json", 2, 20, "config-value", "Ai:Model") },
    };

    /// <summary>The evaluation and the compliance manifest's JSON as the build writes it, with code references scanned from a temporary project folder.</summary>
    /// <param name="withCode">false: as the build's gate writes it, before the compiler ran.</param>
    public static (EvaluationResult Result, string Json) Build(bool withDependencies = true, bool withCode = true)
    {
        var dir = Path.Combine(Path.GetTempPath(), "lg-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var manifestPath = Path.Combine(dir, "models.yaml");
            File.WriteAllText(manifestPath, Yaml);
            File.WriteAllText(Path.Combine(dir, "Chat.cs"), "class Chat { string M = \"test/Model-8B\"; string P = @\"models/model-8b.onnx\"; }\n");
            File.WriteAllText(Path.Combine(dir, "appsettings.json"), "{\n  \"Ai\": { \"Model\": \"test/K2-Instruct\" }\n}\n");
            var attestation = Path.Combine(dir, "att.json");
            File.WriteAllText(attestation, Attestation);

            var read = Manifest.ManifestReader.ReadText(Yaml, manifestPath);
            var result = PolicyEvaluator.Evaluate(read.Manifest!, TestCatalogue.Create(), new PolicyOptions { Today = Eval.Today });
            result.Findings.AddRange(read.Findings);
            result.Findings.Sort(FindingOrder.Instance);
            var extras = ComplianceFacts.Collect(result, withCode ? Code() : null, new[] { attestation });
            WaiverPass.Apply(result);
            if (withDependencies) extras.Dependencies = JsonFragment.Parse(Dependencies);
            return (result, ComplianceJson.ToJson(DocumentBuilder.Build(result, extras)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The compliance manifest as the reports get it: read back from the JSON the build wrote.</summary>
    public static ComplianceDocument Document(bool withDependencies = true) => ComplianceJson.Parse(Build(withDependencies).Json);
}
