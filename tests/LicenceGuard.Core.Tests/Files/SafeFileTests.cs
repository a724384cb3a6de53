using System.Globalization;
using LicenceGuard.Core.Catalogue;
using LicenceGuard.Core.Diagnostics;
using LicenceGuard.Core.Files;
using LicenceGuard.Core.Manifest;
using LicenceGuard.Core.Output;
using LicenceGuard.Core.Policy;

namespace LicenceGuard.Core.Tests.Files;

/// <summary>Every file LicenceGuard reads is opened only when it is a regular file; folders are walked without following links.</summary>
public sealed class SafeFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lg-safefile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void FifoAsModelsYaml_Triggers_LocatedError_WithoutBlocking()
    {
        var fifo = HostileFiles.Fifo(PathOf("models.yaml"));
        var read = HostileFiles.WithinSeconds(10, () => ManifestReader.ReadFile(fifo));
        var f = Assert.Single(read.Findings);
        Assert.Equal(DiagnosticIds.ManifestUnreadable, f.Id);
        Assert.Equal(fifo, f.Location.File);
        Assert.Contains("FIFO, socket or device, not a regular file", f.Message);
    }

    [Fact]
    public void DirectoryAsManifest_SaysItIsADirectory()
    {
        Directory.CreateDirectory(PathOf("models.yaml"));
        var f = Assert.Single(ManifestReader.ReadFile(PathOf("models.yaml")).Findings);
        Assert.Contains("the path is a directory, not a file", f.Message);
    }

    [Fact]
    public void DevZeroAsOrganisationCatalogue_Triggers_LocatedError()
    {
        File.WriteAllText(PathOf("models.yaml"), "organisation: { commercial: false }\nmodels: []\nsettings:\n  catalogue: [/dev/zero]\n");
        var result = HostileFiles.WithinSeconds(10, () => ComplianceCheck.RunFile(PathOf("models.yaml")));
        var f = Assert.Single(result.Findings, f => f.Id == DiagnosticIds.CatalogueFileInvalid);
        Assert.Equal("/dev/zero", f.Location.File);
        Assert.Contains("not a regular file", f.Message);
    }

    [Fact]
    public void CatalogueFolder_WithSymlinksToItselfAndItsParent_LoadsEachFileOnce()
    {
        var folder = Directory.CreateDirectory(PathOf("legal")).FullName;
        File.WriteAllText(Path.Combine(folder, "acme.yaml"), "id: LicenseRef-Acme\nname: Acme\nopenness: proprietary-service\n");
        HostileFiles.Symlink(Path.Combine(folder, "self"), folder);
        HostileFiles.Symlink(Path.Combine(folder, "up"), _dir);
        HostileFiles.Fifo(Path.Combine(folder, "pipe.yaml"));

        var catalogue = HostileFiles.WithinSeconds(10, () => CatalogueLoader.Load(new[] { folder }));
        Assert.NotNull(catalogue.FindLicence("LicenseRef-Acme"));
        Assert.Equal(new[] { Path.Combine(folder, "acme.yaml"), Path.Combine(folder, "pipe.yaml") }, catalogue.OrganisationFiles);
        var pipe = Assert.Single(catalogue.Findings);
        Assert.Contains("FIFO", pipe.Message);
    }

    [Fact]
    public void TwoDirectorySymlinksBesideModelsYaml_SourceWalkEnds()
    {
        File.WriteAllText(PathOf("Program.cs"), "class P { }");
        HostileFiles.Symlink(PathOf("a"), _dir);
        HostileFiles.Symlink(PathOf("b"), _dir);
        var files = HostileFiles.WithinSeconds(10, () => new DirectoryWalker().Files(_dir, name => name.EndsWith(".cs", StringComparison.Ordinal)));
        Assert.Equal(new[] { PathOf("Program.cs") }, files);
    }

    [Fact]
    public void RegularFile_OverTheLimit_IsRefusedBeforeReading()
    {
        File.WriteAllBytes(PathOf("big.yaml"), new byte[10_000]);
        Assert.Null(SafeFile.ReadAllBytes(PathOf("big.yaml"), 1000, out var error));
        Assert.Equal("the file is 10000 bytes, over the limit of 1000", error);
        Assert.Equal(10_000, SafeFile.ReadAllBytes(PathOf("big.yaml"), 10_000, out _)!.Length);
    }

    [Fact]
    public void ProcFile_ThatReportsSizeZero_IsReadUpToTheLimit()
    {
        // /proc files say they are empty and then hold text: the limit holds on what is read, not on what stat says.
        Assert.NotEmpty(SafeFile.ReadAllBytes("/proc/self/status", 1_000_000, out _)!);
        Assert.Null(SafeFile.ReadAllBytes("/proc/self/status", 10, out var error));
        Assert.Contains("more than 10 bytes", error);
    }

    [Fact]
    public void FileStatus_GivesTheInodeAndChangeTime_ThatStatReports()
    {
        File.WriteAllText(PathOf("w.bin"), "x");
        var parts = HostileFiles.Run("stat", "-c", "%i %Z %s", PathOf("w.bin")).Trim().Split(' ');
        var status = FileStatus.Of(PathOf("w.bin"));
        Assert.True(status.HasChangeIdentity);
        Assert.Equal(FileKind.Regular, status.Kind);
        Assert.Equal(long.Parse(parts[0], CultureInfo.InvariantCulture), status.Inode);
        Assert.Equal(long.Parse(parts[1], CultureInfo.InvariantCulture), status.ChangedNs / 1_000_000_000);
        Assert.Equal(1, status.Size);
        Assert.Equal(FileKind.Special, FileStatus.Of("/dev/zero").Kind);
        Assert.Equal(FileKind.Missing, FileStatus.Of(PathOf("none")).Kind);
    }
}
