using System.Text.Json;
using LicenceGuard.Build.Dependencies;

namespace LicenceGuard.Build.Tests;

public sealed class AuditDependenciesTaskTests : IDisposable
{
    private const string Org = "organisation:\n  name: Example Ltd\n  commercial: true\n  domicile: GB\nmodels: []\n";
    private static readonly byte[] Pickle = { 0x80, 0x02, 0x7d, 0x71, 0x00, 0x2e };

    private readonly FakeRestore _restore = new();
    private readonly FakeBuildEngine _engine = new();

    public void Dispose() => _restore.Dispose();

    private (bool Ok, JsonDocument Report) Run(bool withManifest = true)
    {
        var task = new LicenceGuardAuditDependencies
        {
            BuildEngine = _engine,
            AssetsFile = _restore.AssetsFile,
            ManifestPath = withManifest ? _restore.ManifestPath : null,
            ReportPath = _restore.ReportPath,
            StampPath = _restore.StampPath,
            Today = "2026-11-29",
        };
        var ok = task.Execute();
        return (ok, JsonDocument.Parse(File.ReadAllText(_restore.ReportPath)));
    }

    private static JsonElement PackageIn(JsonDocument report, string id) =>
        report.RootElement.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);

    [Fact]
    public void ExpressionLicence_DoesNotTrigger_ReportCarriesItAndTheStampIsWritten()
    {
        _restore.Manifest(Org).Package("Acme.Lib", "<license type=\"expression\">MIT OR Apache-2.0</license>", direct: true).WriteAssets();
        var (ok, report) = Run();
        Assert.True(ok, _engine.All);
        Assert.Empty(_engine.Warnings);
        var licence = PackageIn(report, "Acme.Lib").GetProperty("licence");
        Assert.Equal("expression", licence.GetProperty("source").GetString());
        Assert.Equal("(MIT OR Apache-2.0)", licence.GetProperty("expression").GetString());
        Assert.True(File.Exists(_restore.StampPath));
    }

    [Fact]
    public void LegacyLicenceUrl_KnownPage_DoesNotTrigger_UnknownPage_TriggersLG1102()
    {
        _restore.Manifest(Org)
            .Package("Old.Apache", "<licenseUrl>http://www.apache.org/licenses/LICENSE-2.0</licenseUrl>", direct: true)
            .Package("Old.Repo", "<licenseUrl>https://github.com/acme/old/blob/master/LICENSE</licenseUrl>", direct: true)
            .WriteAssets();
        var (ok, report) = Run();
        Assert.True(ok, _engine.All);
        var apache = PackageIn(report, "Old.Apache").GetProperty("licence");
        Assert.Equal("url", apache.GetProperty("source").GetString());
        Assert.Equal("Apache-2.0", apache.GetProperty("expression").GetString());
        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal("LG1102", warning.Code);
        Assert.Contains("Old.Repo 1.0.0 (only the licence URL https://github.com/acme/old/blob/master/LICENSE)", warning.Message);
        Assert.False(File.Exists(_restore.StampPath), "no stamp while a warning stands");
    }

    [Fact]
    public void LicenceFile_Triggers_LG1102_UntilAnExceptionCoversIt()
    {
        _restore.Manifest(Org).Package("Vendor.Sdk", "<license type=\"file\">LICENSE.txt</license>", direct: true,
            files: new() { ["LICENSE.txt"] = "All rights reserved."u8.ToArray() }).WriteAssets();
        Run();
        Assert.Equal("LG1102", Assert.Single(_engine.Warnings).Code);

        _engine.Warnings.Clear();
        _restore.Manifest(Org + "dependencies:\n  exceptions:\n    - { package: Vendor.Sdk, versions: \"[1.0.0, 2.0.0)\", reason: \"EULA signed 2026-10-01\" }\n");
        var (ok, report) = Run();
        Assert.True(ok, _engine.All);
        Assert.Empty(_engine.Warnings);
        Assert.Equal("excepted", PackageIn(report, "Vendor.Sdk").GetProperty("verdict").GetString());
        Assert.Equal("LICENSE.txt", PackageIn(report, "Vendor.Sdk").GetProperty("licence").GetProperty("file").GetString());
    }

    [Fact]
    public void StandardLicenceFile_IsRecognisedByItsText_AndSaysSo()
    {
        var mit = "MIT License\n\nCopyright (c) 2023 Andreas W\u00e4scher\n\n" +
            "Permission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the \"Software\"), to deal\n" +
            "in the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\n" +
            "copies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\n" +
            "The above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n\n" +
            "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\n" +
            "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\n" +
            "LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.\n";
        _restore.Manifest(Org)
            .Package("OllamaSharp", "<license type=\"file\">LICENSE</license>", direct: true, files: new() { ["LICENSE"] = System.Text.Encoding.UTF8.GetBytes(mit) })
            .Package("Vendor.Sdk", "<license type=\"file\">LICENSE</license>", direct: true,
                files: new() { ["LICENSE"] = System.Text.Encoding.UTF8.GetBytes(mit.Replace("Andreas W\u00e4scher", "Vendor. Not for commercial use.")) })
            .Package("Old.Corefx", "<licenseUrl>https://github.com/dotnet/corefx/blob/master/LICENSE.TXT</licenseUrl>", direct: true)
            .WriteAssets();
        var (_, report) = Run();
        var ollama = PackageIn(report, "OllamaSharp");
        Assert.Equal("allowed", ollama.GetProperty("verdict").GetString());
        Assert.Equal("MIT", ollama.GetProperty("licence").GetProperty("expression").GetString());
        Assert.True(ollama.GetProperty("licence").GetProperty("identifiedByText").GetBoolean());
        Assert.Equal("allowed", PackageIn(report, "Old.Corefx").GetProperty("verdict").GetString());
        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal("LG1102", warning.Code);
        Assert.Contains("Vendor.Sdk 1.0.0 (the licence file 'LICENSE', not a standard licence text)", warning.Message);
    }

    [Fact]
    public void DeniedLicence_Transitive_Triggers_LG1101_WithThePathAndTheManifestLine()
    {
        _restore.Manifest(Org + "dependencies:\n  deny:\n    licences: [GPL-3.0]\n")
            .Package("Acme.App", "<license type=\"expression\">MIT</license>", new[] { "Acme.Middle" }, direct: true)
            .Package("Acme.Middle", "<license type=\"expression\">MIT</license>", new[] { "Acme.Gpl" })
            .Package("Acme.Gpl", "<license type=\"expression\">GPL-3.0-or-later</license>")
            .WriteAssets();
        var (ok, report) = Run();
        Assert.False(ok);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("LG1101", error.Code);
        Assert.Equal(8, error.LineNumber);
        Assert.EndsWith("models.yaml", error.File);
        Assert.Contains("Acme.App 1.0.0 → Acme.Middle 1.0.0 → Acme.Gpl 1.0.0", error.Message);
        Assert.Equal(new[] { "Acme.App 1.0.0", "Acme.Middle 1.0.0", "Acme.Gpl 1.0.0" },
            PackageIn(report, "Acme.Gpl").GetProperty("path").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void RuntimeSpecificPackage_Denied_Triggers_WithThePathThroughItsParent()
    {
        _restore.Manifest(Org + "dependencies:\n  deny: { classes: [proprietary] }\n")
            .Package("Acme.App", "<license type=\"expression\">MIT</license>", new[] { "runtime.linux-x64.Acme.Native" }, direct: true)
            .Package("runtime.linux-x64.Acme.Native", "<license type=\"expression\">CC-BY-NC-4.0</license>", runtimeOnly: true)
            .WriteAssets();
        var (ok, _) = Run();
        Assert.False(ok);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("LG1101", error.Code);
        Assert.Contains("it comes in through Acme.App 1.0.0 → runtime.linux-x64.Acme.Native 1.0.0", error.Message);
    }

    [Fact]
    public void ModelFilesInsidePackage_Triggers_LG1103_ForWeightsOnly()
    {
        _restore.Manifest(Org).Package("Acme.Models", "<license type=\"expression\">MIT</license>", direct: true, files: new()
        {
            ["content/models/tiny.onnx"] = new byte[] { 8, 7 },
            ["content/models/tokenizer.onnx"] = new byte[] { 8, 7 },
            ["content/models/pytorch_model.bin"] = Pickle,
            ["runtimes/linux-x64/native/kernels.bin"] = new byte[] { 0x7f, 0x45, 0x4c, 0x46 },
            ["content/models/small.gguf"] = "GGUF"u8.ToArray(),
            ["content/tokenizer.json"] = "{}"u8.ToArray(),
        }).WriteAssets();
        var (ok, report) = Run();
        Assert.False(ok);
        var flagged = _engine.Errors.Where(e => e.Code == "LG1103").Select(e => e.Message ?? string.Empty).ToList();
        Assert.Equal(3, flagged.Count);
        Assert.Contains(flagged, m => m.Contains("'content/models/tiny.onnx' (onnx"));
        Assert.Contains(flagged, m => m.Contains("'content/models/pytorch_model.bin' (pickle"));
        Assert.Contains(flagged, m => m.Contains("'content/models/small.gguf' (gguf"));
        Assert.Equal(3, report.RootElement.GetProperty("summary").GetProperty("undeclaredModelFiles").GetInt32());
    }

    [Fact]
    public void ModelFileInsidePackage_DeclaredByWeightsPath_DoesNotTrigger()
    {
        _restore.Manifest("organisation:\n  name: Example Ltd\n  commercial: true\n  domicile: GB\nmodels:\n  - id: acme/tiny\n    licence: MIT\n    weights:\n      - path: models/tiny.onnx\n")
            .Package("Acme.Models", "<license type=\"expression\">MIT</license>", direct: true, files: new() { ["content/models/tiny.onnx"] = new byte[] { 8, 7 } })
            .WriteAssets();
        var (ok, report) = Run();
        Assert.True(ok, _engine.All);
        var file = PackageIn(report, "Acme.Models").GetProperty("modelFiles").EnumerateArray().Single();
        Assert.Equal("acme/tiny", file.GetProperty("declaredBy").GetString());
    }

    [Fact]
    public void MissingAssetsFile_Triggers_LG1104Warning_AndTheBuildGoesOn()
    {
        _restore.Manifest(Org);
        var (ok, report) = Run();
        Assert.True(ok);
        Assert.Equal("LG1104", Assert.Single(_engine.Warnings).Code);
        Assert.Contains("restore the project first", _engine.Warnings[0].Message);
        Assert.Equal(0, report.RootElement.GetProperty("summary").GetProperty("packages").GetInt32());
    }

    [Fact]
    public void CorruptAssetsFile_Triggers_LG1104_NeverAnException()
    {
        _restore.Manifest(Org);
        Directory.CreateDirectory(Path.GetDirectoryName(_restore.AssetsFile)!);
        File.WriteAllText(_restore.AssetsFile, "{ \"version\": 3, \"targets\": [ ");
        var (ok, _) = Run();
        Assert.True(ok, _engine.All);
        Assert.Equal("LG1104", Assert.Single(_engine.Warnings).Code);
    }

    [Fact]
    public void PackageMissingFromPackagesFolder_Triggers_LG1104()
    {
        _restore.Manifest(Org).Package("Acme.Lib", "<license type=\"expression\">MIT</license>", direct: true).WriteAssets();
        Directory.Delete(Path.Combine(_restore.PackagesFolder, "acme.lib"), recursive: true);
        var (ok, _) = Run();
        Assert.True(ok);
        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal("LG1104", warning.Code);
        Assert.Contains("Acme.Lib 1.0.0 could not be audited", warning.Message);
    }

    [Fact]
    public void InvalidPolicy_Triggers_LG1002AtTheLine()
    {
        _restore.Manifest(Org + "dependencies:\n  exceptions:\n    - { package: Acme.Lib, versions: \"[1.0\", reason: r }\n")
            .Package("Acme.Lib", "<license type=\"expression\">MIT</license>", direct: true).WriteAssets();
        var (ok, _) = Run();
        Assert.False(ok);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("LG1002", error.Code);
        Assert.Equal(8, error.LineNumber);
        Assert.False(File.Exists(_restore.StampPath), "an invalid policy must be reported again next build");
    }

    [Fact]
    public void PackageWaiver_DoesNotTrigger_FindingBecomesAMessage()
    {
        _restore.Manifest(Org + "waivers:\n  - { rule: LG1102, package: \"Vendor.*\", reason: licence under review, approver: legal, expires: 2027-01-31 }\n")
            .Package("Vendor.Sdk", "<license type=\"file\">LICENSE.txt</license>", direct: true).WriteAssets();
        var (ok, report) = Run();
        Assert.True(ok, _engine.All);
        Assert.Empty(_engine.Warnings);
        Assert.Contains(_engine.Messages, m => m.Code == "LG1102" && m.Message!.Contains("waived until 2027-01-31 by legal"));
        Assert.Equal(1, report.RootElement.GetProperty("waivers")[0].GetProperty("covers").GetInt32());
    }

    [Fact]
    public void SameGraph_DoesNotTrigger_ReportBytesStayTheSame()
    {
        _restore.Manifest(Org).Package("Acme.Lib", "<license type=\"expression\">MIT</license>", direct: true).WriteAssets();
        Run();
        var first = File.ReadAllBytes(_restore.ReportPath);
        var writtenAt = File.GetLastWriteTimeUtc(_restore.ReportPath);
        Run();
        Assert.Equal(first, File.ReadAllBytes(_restore.ReportPath));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(_restore.ReportPath));
        Assert.DoesNotContain(_restore.Root, File.ReadAllText(_restore.ReportPath));
    }

    [Fact]
    public void NoManifest_DoesNotTrigger_DefaultPolicyApplies()
    {
        _restore.Package("Acme.Lib", "<license type=\"expression\">MIT</license>", direct: true).WriteAssets();
        var (ok, report) = Run(withManifest: false);
        Assert.True(ok, _engine.All);
        Assert.Equal("default", report.RootElement.GetProperty("policy").GetProperty("source").GetString());
    }
}
