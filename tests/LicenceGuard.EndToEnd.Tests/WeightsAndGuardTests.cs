using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace LicenceGuard.EndToEnd.Tests;

/// <summary>Weights integrity through a real build, and the compliance manifest embedded for the runtime guard.</summary>
[Collection(PackageCollection.Name)]
public class WeightsAndGuardTests
{
    private readonly PackageFixture _fixture;

    public WeightsAndGuardTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>A valid safetensors file: an 8-byte little-endian header length, a JSON header, then the tensor bytes.</summary>
    private static byte[] Safetensors(float value)
    {
        var header = Encoding.UTF8.GetBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}");
        var data = BitConverter.GetBytes(value).Concat(BitConverter.GetBytes(value)).ToArray();
        return BitConverter.GetBytes((ulong)header.Length).Concat(header).Concat(data).ToArray();
    }

    private string Manifest(string sha) => $$"""
        organisation: { name: Example Ltd, commercial: true, monthlyActiveUsers: 1000, domicile: GB, territories: [GB] }
        models:
          - id: Qwen/Qwen3-8B
            licence: Apache-2.0
            review: { by: a.sharma, on: 2026-11-02, textSha256: "{{CatalogueHashes.Of(_fixture, "Apache-2.0")}}" }
            hosting: { mode: self-hosted }
            attribution: { notice: NOTICE }
            weights:
              - { path: weights/model.safetensors, sha256: "{{sha}}", format: safetensors }
        """;

    [Fact]
    public void ChangedWeightsFile_Triggers_NextBuildFails_AtTheHash()
    {
        var consumer = _fixture.CreateConsumer("weights-changed");
        var weights = Safetensors(1f);
        Directory.CreateDirectory(Path.Combine(consumer.Directory, "weights"));
        File.WriteAllBytes(Path.Combine(consumer.Directory, "weights", "model.safetensors"), weights);
        consumer.WriteFile("models.yaml", Manifest(Convert.ToHexStringLower(SHA256.HashData(weights))));
        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        Assert.Contains("\"parameterCount\": 2", File.ReadAllText(consumer.ObjFile("licenceguard/compliance-manifest.json")));

        File.WriteAllBytes(Path.Combine(consumer.Directory, "weights", "model.safetensors"), Safetensors(2f));
        var (exit2, output2) = consumer.Build();
        Assert.NotEqual(0, exit2);
        Assert.Contains("models.yaml(9,", output2);
        Assert.Contains("error LG2001", output2);
    }

    [Fact]
    public void PickleRenamedSafetensors_Triggers_Refused()
    {
        var consumer = _fixture.CreateConsumer("weights-pickle");
        // Pickle protocol 4: PROTO 4, then a GLOBAL opcode naming os.system — what a malicious checkpoint carries.
        var pickle = new byte[] { 0x80, 0x04 }.Concat(Encoding.ASCII.GetBytes("cos\nsystem\n(S'echo owned'\ntR.")).ToArray();
        Directory.CreateDirectory(Path.Combine(consumer.Directory, "weights"));
        File.WriteAllBytes(Path.Combine(consumer.Directory, "weights", "model.safetensors"), pickle);
        consumer.WriteFile("models.yaml", Manifest(Convert.ToHexStringLower(SHA256.HashData(pickle))));
        var (exit, output) = consumer.Build();
        Assert.NotEqual(0, exit);
        Assert.Contains("error LG2003", output);
    }

    [Fact]
    public void EmbedManifest_PutsComplianceManifestIntoTheAssembly()
    {
        var consumer = _fixture.CreateConsumer("embed");
        consumer.WriteProject(string.Empty, "<LicenceGuardEmbedManifest>true</LicenceGuardEmbedManifest>");
        consumer.WriteFile("models.yaml", "organisation: { commercial: true }\nmodels: []\n");
        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        using var pe = new PEReader(File.OpenRead(Path.Combine(consumer.Directory, "bin", "Debug", "net10.0", "Consumer.dll")));
        var reader = pe.GetMetadataReader();
        Assert.Contains("LicenceGuard.compliance.json", reader.ManifestResources.Select(h => reader.GetString(reader.GetManifestResource(h).Name)));
    }
}
