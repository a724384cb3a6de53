using LicenceGuard.Core.Approval;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Document;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Tests.Approval;

public class EvaluationDriftTests
{
    private static ModelEntry Model(string revision, string precision, params string[] evaluations)
    {
        var yaml = $$"""
            organisation: { name: X, commercial: true }
            models:
              - id: test/Model-8B
                revision: {{revision}}
                target: { gpu: H200, precision: {{precision}} }
                evaluations:
            {{string.Join("\n", evaluations.Select(e => "      - " + e))}}
            """;
        var read = ManifestReader.ReadText(yaml, "models.yaml");
        Assert.Empty(read.Findings);
        return read.Manifest!.Models.Single();
    }

    [Fact]
    public void RevisionAndPrecisionAsEvaluated_DoesNotTrigger()
    {
        Assert.Null(EvaluationDriftCheck.Check(Model("v2", "fp8", "{ on: 2026-10-01, dataset: MedQA, score: '0.7', revision: v2, quantisation: fp8 }")));
    }

    [Fact]
    public void RevisionChangedWithoutNewEvaluation_Triggers_AtTheLastEvaluation()
    {
        var f = EvaluationDriftCheck.Check(Model("v3", "fp8",
            "{ on: 2026-09-01, dataset: MedQA, score: '0.6', revision: v1, quantisation: fp8 }",
            "{ on: 2026-10-01, dataset: MedQA, score: '0.7', revision: v2, quantisation: fp8 }"));
        Assert.NotNull(f);
        Assert.Equal(DiagnosticIds.EvaluationDrift, f!.Id);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal(8, f.Location.Line); // the newer record, second of the two
        Assert.Contains("revision is v3, evaluated on v2", f.Message);
        Assert.DoesNotContain("quantisation", f.Message);
    }

    [Fact]
    public void NewerEvaluationRecord_ClearsIt_DoesNotTrigger()
    {
        Assert.Null(EvaluationDriftCheck.Check(Model("v3", "int8",
            "{ on: 2026-10-01, dataset: MedQA, score: '0.7', revision: v2, quantisation: fp8 }",
            "{ on: 2026-11-20, dataset: MedQA, score: '0.69', revision: v3, quantisation: int8 }")));
    }

    [Fact]
    public void RuntimeVersionChanged_Triggers_OtherRuntime_DoesNotTrigger()
    {
        var model = Model("v2", "fp8", "{ on: 2026-10-01, revision: v2, quantisation: fp8, runtime: onnxruntime 1.20.0 }");
        Assert.Contains("runtime is onnxruntime 1.31.1", EvaluationDriftCheck.Check(model, "onnxruntime 1.31.1")!.Message);
        Assert.Null(EvaluationDriftCheck.Check(model, "onnxruntime 1.20.0"));
        Assert.Null(EvaluationDriftCheck.Check(model, "vllm 0.6.0"));
    }

    [Fact]
    public void Waiver_CoversEvaluationDrift_NotReportedAsUnused()
    {
        var yaml = Eval.Manifest(Eval.Org, Eval.ReviewedModel + "\n    revision: v3\n    evaluations: [{ on: 2026-10-01, dataset: MedQA, score: '0.7', revision: v2 }]")
            + "waivers:\n  - { rule: LG1202, model: test/Model-8B, reason: re-evaluation booked, approver: c.officer, expires: 2026-12-31 }\n";
        var result = Eval.Evaluate(yaml);
        EvaluationDriftCheck.AddTo(result);
        WaiverPass.Apply(result);
        var f = Assert.Single(result.Findings, f => f.Id == DiagnosticIds.EvaluationDrift);
        Assert.True(f.IsWaived);
        Assert.DoesNotContain(result.Findings, x => x.Id == DiagnosticIds.WaiverUnused);
        Assert.Equal(Verdict.Pass, result.Models.Single().Verdict);
    }
}
