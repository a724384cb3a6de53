using LicenceGuard.Core.Output;

namespace LicenceGuard.Core.Tests.Reports;

public class AttestationFilesTests
{
    [Fact]
    public void Attestations_ByModelMemberOrFileName_FirstWins_BrokenFilesIgnored()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lg-att-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var named = Path.Combine(dir, "z-named.json");
            File.WriteAllText(named, """{ "model": "test/Model-8B", "result": "passed", "runtime": { "name": "onnxruntime", "version": "1.31.1" } }""");
            var byFileName = Path.Combine(dir, "test_K2-Instruct.json");
            File.WriteAllText(byFileName, """{ "result": "failed" }""");
            var later = Path.Combine(dir, "a-later.json");
            File.WriteAllText(later, """{ "model": "test/Model-8B", "result": "failed" }""");
            var broken = Path.Combine(dir, "broken.json");
            File.WriteAllText(broken, "{ \"model\": ");

            var found = AttestationFiles.Read(new[] { named, byFileName, later, broken, Path.Combine(dir, "absent.json") }, new[] { "test/Model-8B", "test/K2-Instruct" });
            Assert.Equal(new[] { "test/K2-Instruct", "test/Model-8B" }, found.Keys);
            Assert.Contains("\"passed\"", found["test/Model-8B"].GetRawText());
            Assert.Equal("onnxruntime 1.31.1", AttestationFiles.Runtimes(found)["test/Model-8B"]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
