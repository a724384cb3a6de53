using static LicenceGuard.Cli.Tests.Scenarios.ScenarioWorkspace;

namespace LicenceGuard.Cli.Tests.Scenarios;

/// <summary>
/// Organisation + model scenarios, each with the verdict a careful reader of the licence texts reaches and the clause
/// that verdict rests on, run end to end through <c>licenceguard check</c>. Where the clause comes from a licence text
/// kept in rules/texts, the test also checks that the text says it, so the expectation rests on the text itself.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class LicenceScenarioTests : IDisposable
{
    private readonly ScenarioWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <param name="Verdict">pass | warn | fail for the model.</param>
    /// <param name="Expect">diagnostics that must be reported; the first one's message must contain <paramref name="MessageHas"/>.</param>
    /// <param name="Absent">diagnostics a careful reader would not raise.</param>
    /// <param name="Clause">the clause the verdict rests on, verbatim.</param>
    /// <param name="TextFile">the rules/texts file that contains <paramref name="Clause"/>, when the text is kept there.</param>
    public sealed record Scenario(string Name, string Organisation, string Model, string Verdict, string[] Expect, string[] Absent,
        string Clause, string Url, string? TextFile = null, string? MessageHas = null);

    private const string Duties = "attribution: { shown: \"About page\", notice: MODEL-NOTICES.txt, useRestrictions: \"Terms of Service section 7\" }";
    private const string SelfHosted = "hosting: { mode: self-hosted }";

    private const string Llama31 = "LicenseRef-Llama-3.1-Community.txt";
    private const string Llama31Url = "https://github.com/meta-llama/llama-models/blob/a9c89c471f793423afd4cc3ca8671d6e56fe64cb/models/llama3_1/LICENSE";
    private const string Llama31Aup = "https://github.com/meta-llama/llama-models/blob/47401a87273be9e4bc7612f4f8c25acaee9a2968/models/llama3_1/USE_POLICY.md";
    private const string Llama31Id = "meta-llama/Llama-3.1-8B-Instruct";
    private const string DeepSeek = "LicenseRef-DeepSeek-Model.txt";
    private const string DeepSeekUrl = "https://github.com/deepseek-ai/DeepSeek-V3/blob/9b4e9788e4a3a731f7567338ed15d3ec549ce03b/LICENSE-MODEL";
    private const string HunyuanLarge = "LicenseRef-Tencent-Hunyuan-Community.hunyuan-large.txt";
    private const string HunyuanLargeUrl = "https://github.com/Tencent/Tencent-Hunyuan-Large/blob/cdc37358aa7ce74f4883ae639726804a63ea99f6/LICENSE.txt";
    private const string HunyuanA13B = "LicenseRef-Tencent-Hunyuan-Community.txt";
    private const string HunyuanA13BUrl = "https://github.com/Tencent-Hunyuan/Hunyuan-A13B/blob/2798f3c8b6a69e0ce93950b0d2417203cf950fa0/LICENSE";
    private const string HunyuanVideo = "LicenseRef-Tencent-HunyuanVideo-Community.txt";
    private const string HunyuanVideoUrl = "https://github.com/Tencent-Hunyuan/HunyuanVideo/blob/fa14b001c18f37191c938a9ef6baad3b9b472759/LICENSE.txt";
    private const string Tongyi2023 = "LicenseRef-Qwen-Research.tongyi-qianwen-research-2023.txt";
    private const string Tongyi2023Url = "https://github.com/QwenLM/Qwen/blob/2df8e8ac450fa185c421a08b0090ef81826caa6e/Tongyi%20Qianwen%20RESEARCH%20LICENSE%20AGREEMENT";
    private const string Kimi = "LicenseRef-Kimi-K2-Modified-MIT.txt";
    private const string KimiUrl = "https://github.com/MoonshotAI/Kimi-K2/blob/c6157be8531e1c52f5dfd3bb91a1275b089eac50/LICENSE";
    private const string KimiThreshold = "is used for any of your commercial products or services that have more than 100 million monthly active users";
    private const string Gemma = "LicenseRef-Gemma-Terms-of-Use.txt";
    private const string GemmaPassOn = "You must include the use restrictions referenced in Section 3.2 as an enforceable provision in any agreement (e.g., license agreement, terms of use, etc.) governing the use and/or distribution of Gemma or Model Derivatives";
    private const string Mit = "MIT.txt";
    private const string MitClause = "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.";
    private const string VertexUrl = "https://cloud.google.com/vertex-ai/generative-ai/docs/data-governance";
    private const string VertexTraining = "Google won't use your data to train or fine-tune any AI/ML models without your prior permission or instruction.";
    private const string Apache = "Apache-2.0.txt";
    private const string DockerCards = "https://github.com/docker/model-cards/blob/a433166c03450ffd61caae3d459c83f9e2c5b6bb/ai/";
    private const string AzureUrl = "https://github.com/MicrosoftDocs/azure-ai-docs/blob/015141860b712a75c5313d2523c5d48ad0068410/articles/ai-foundry/responsible-ai/openai/data-privacy.md";
    private const string LlamaNaming = "you shall also include “Llama” at the beginning of any such AI model name.";
    private const string A13BTerritory = "“Territory” shall mean the worldwide territory, excluding the territory of the European Union, United Kingdom and South Korea.";

    private static string Org(string territories = "[US]", string domicile = "US", string? fields = null,
        string mau = "monthlyActiveUsers: 2000000", string revenue = "annualRevenue: { amount: 6000000, currency: USD }", bool commercial = true) =>
        "organisation:\n  name: Scenario Ltd\n" +
        $"  commercial: {(commercial ? "true" : "false")}\n  {revenue}\n" +
        (mau.Length == 0 ? string.Empty : $"  {mau}\n") +
        $"  domicile: {domicile}\n  territories: {territories}\n" +
        (fields is null ? string.Empty : $"  fieldsOfUse: {fields}\n") +
        "  perimeter: { mustStayInside: [health], inside: [self-hosted] }\n";

    /// <summary>A model reviewed on <paramref name="reviewed"/> by a person who read <paramref name="textFile"/>.</summary>
    private static string Model(string id, string licence, string? textFile, string reviewed = "2026-12-01", string duties = Duties,
        string hosting = SelfHosted, string extra = "") =>
        $"  - id: {id}\n    licence: {licence}\n" +
        $"    review: {{ by: a.reader, date: {reviewed}, textSha256: \"{(textFile is null ? new string('0', 64) : HashOf(textFile))}\" }}\n" +
        $"    {hosting}\n    {duties}\n" + extra;

    private static readonly Scenario[] All =
    {
        // Use restrictions (field of use).
        new("DeepSeek-V3 for a defence contractor", Org(fields: "[military]"),
            Model("deepseek-ai/DeepSeek-V3", "LicenseRef-DeepSeek-Model", DeepSeek), "fail", new[] { "LG1024" }, Array.Empty<string>(),
            "For military use in any way;", DeepSeekUrl, DeepSeek, "For military use in any way"),
        new("DeepSeek-V3 in healthcare (no DeepSeek restriction on the field)", Org(fields: "[healthcare]"),
            Model("deepseek-ai/DeepSeek-V3", "LicenseRef-DeepSeek-Model", DeepSeek), "pass", Array.Empty<string>(), new[] { "LG1024", "LG1025" },
            "DeepSeek-V3 series (including Base and Chat) supports commercial use.", "https://github.com/deepseek-ai/DeepSeek-V3/blob/9b4e9788e4a3a731f7567338ed15d3ec549ce03b/README.md"),
        new("Llama 3.1 for a defence contractor", Org(fields: "[military]"),
            Model(Llama31Id, "LicenseRef-Llama-3.1-Community", Llama31), "fail", new[] { "LG1024" }, Array.Empty<string>(),
            "Military, warfare, nuclear industries or applications, espionage", Llama31Aup, null, "Military, warfare"),
        new("Llama 3.1 in healthcare: unlicensed practice must be ruled out", Org(fields: "[healthcare]"),
            Model(Llama31Id, "LicenseRef-Llama-3.1-Community", Llama31), "warn", new[] { "LG1025" }, new[] { "LG1024" },
            "Engage in the unauthorized or unlicensed practice of any profession including, but not limited to, financial, legal, medical/health, or related professional practices", Llama31Aup),
        new("Hunyuan-A13B deciding on job applicants", Org(fields: "[employment]"),
            Model("tencent/Hunyuan-A13B-Instruct", "LicenseRef-Tencent-Hunyuan-Community", HunyuanA13B), "warn", new[] { "LG1025" }, new[] { "LG1024" },
            "To make high-stakes automated decisions in domains that affect an individual’s safety, rights or wellbeing", HunyuanA13BUrl, HunyuanA13B),
        new("GLM-4 for a defence contractor", Org(fields: "[military]"),
            Model("THUDM/glm-4-9b-chat", "LicenseRef-GLM-4", "LicenseRef-GLM-4.txt"), "fail", new[] { "LG1024" }, Array.Empty<string>(),
            "for any military or illegal purposes", "https://huggingface.co/THUDM/glm-4-9b/blob/main/LICENSE", "LicenseRef-GLM-4.txt"),
        new("An unknown field of use is listed, not ignored", Org(fields: "[astrology]"),
            Model("deepseek-ai/DeepSeek-R1", "MIT", Mit), "pass", new[] { "LG1026" }, new[] { "LG1024", "LG1025" },
            MitClause, "https://github.com/deepseek-ai/DeepSeek-R1/blob/0cf78561f1d51c84a21b2190626b21116d5c68bb/LICENSE", Mit, "astrology"),

        // Per-model editions of a licence.
        new("Hunyuan-Large for a UK company (its 2024 text excludes only the EU)", Org(territories: "[GB]", domicile: "GB"),
            Model("tencent/Tencent-Hunyuan-Large", "LicenseRef-Tencent-Hunyuan-Community", HunyuanLarge), "pass", Array.Empty<string>(), new[] { "LG1010", "LG1006", "LG1017" },
            "“Territory” shall mean the worldwide territory, excluding the territory of the European Union.", HunyuanLargeUrl, HunyuanLarge),
        new("Hunyuan-Large served in Germany", Org(territories: "[DE]", domicile: "US"),
            Model("tencent/Tencent-Hunyuan-Large", "LicenseRef-Tencent-Hunyuan-Community", HunyuanLarge), "fail", new[] { "LG1010" }, Array.Empty<string>(),
            "THIS LICENSE AGREEMENT DOES NOT APPLY IN THE EUROPEAN UNION", HunyuanLargeUrl, HunyuanLarge, "EU"),
        new("Hunyuan-A13B for a UK company (the 2025 text excludes the UK)", Org(territories: "[GB]", domicile: "GB"),
            Model("tencent/Hunyuan-A13B-Instruct", "LicenseRef-Tencent-Hunyuan-Community", HunyuanA13B), "fail", new[] { "LG1010" }, Array.Empty<string>(),
            A13BTerritory, HunyuanA13BUrl, HunyuanA13B, "GB"),
        new("Hunyuan-Large reviewed in January 2025 against its own 2024 text", Org(),
            Model("tencent/Tencent-Hunyuan-Large", "LicenseRef-Tencent-Hunyuan-Community", HunyuanLarge, reviewed: "2025-01-10"), "pass", Array.Empty<string>(), new[] { "LG1017", "LG1006" },
            "Tencent-Hunyuan-Large Release Date: November 5, 2024", HunyuanLargeUrl, HunyuanLarge),
        new("Hunyuan-Large reviewed against the 2025 A13B text", Org(),
            Model("tencent/Tencent-Hunyuan-Large", "LicenseRef-Tencent-Hunyuan-Community", HunyuanA13B), "fail", new[] { "LG1006" }, Array.Empty<string>(),
            "Tencent-Hunyuan-Large Release Date: November 5, 2024", HunyuanLargeUrl, HunyuanLarge),
        new("Qwen-1.8B in a commercial product (Tongyi Qianwen research licence)", Org(),
            Model("Qwen/Qwen-1_8B-Chat", "LicenseRef-Qwen-Research", Tongyi2023), "fail", new[] { "LG1007" }, new[] { "LG1006" },
            "FOR NON-COMMERCIAL PURPOSES ONLY", Tongyi2023Url, Tongyi2023, "Tongyi Qianwen RESEARCH LICENSE AGREEMENT"),
        new("Qwen-1.8B for research, reviewed in January 2024 against its 2023 text", Org(commercial: false),
            Model("Qwen/Qwen-1_8B-Chat", "LicenseRef-Qwen-Research", Tongyi2023, reviewed: "2024-01-15"), "pass", Array.Empty<string>(), new[] { "LG1007", "LG1017", "LG1006" },
            "\"Non-Commercial\" shall mean for research or evaluation purposes only.", Tongyi2023Url, Tongyi2023),
        new("HunyuanVideo served in South Korea", Org(territories: "[KR]", domicile: "KR"),
            Model("tencent/HunyuanVideo", "LicenseRef-Tencent-HunyuanVideo-Community", HunyuanVideo), "fail", new[] { "LG1010" }, Array.Empty<string>(),
            A13BTerritory, HunyuanVideoUrl, HunyuanVideo, "KR"),
        new("HunyuanVideo in the US below 100M MAU", Org(),
            Model("tencent/HunyuanVideo", "LicenseRef-Tencent-HunyuanVideo-Community", HunyuanVideo), "pass", Array.Empty<string>(), new[] { "LG1010", "LG1008", "LG1023" },
            "greater than 100 million monthly active users in the preceding calendar month", HunyuanVideoUrl, HunyuanVideo),

        // Thresholds and missing figures.
        new("Kimi K2 without a reported MAU: the figure is asked for, no breach claimed", Org(mau: "", revenue: "annualRevenue: { amount: 500000, currency: USD }"),
            Model("moonshotai/Kimi-K2-Instruct", "LicenseRef-Kimi-K2-Modified-MIT", Kimi, duties: "attribution: { notice: MODEL-NOTICES.txt }"), "fail", new[] { "LG1002" }, new[] { "LG1012" },
            KimiThreshold, KimiUrl, Kimi, "undetermined, not a breach"),
        new("Kimi K2 at 150M MAU without the display", Org(mau: "monthlyActiveUsers: 150000000"),
            Model("moonshotai/Kimi-K2-Instruct", "LicenseRef-Kimi-K2-Modified-MIT", Kimi, duties: "attribution: { notice: MODEL-NOTICES.txt }"), "fail", new[] { "LG1012" }, new[] { "LG1008" },
            KimiThreshold, KimiUrl, Kimi, "company reports 150M, over the 100M monthly-active-user threshold"),
        new("Kimi K2 at 25M USD monthly revenue without the display", Org(revenue: "monthlyRevenue: { amount: 25000000, currency: USD }"),
            Model("moonshotai/Kimi-K2-Instruct", "LicenseRef-Kimi-K2-Modified-MIT", Kimi, duties: "attribution: { notice: MODEL-NOTICES.txt }"), "fail", new[] { "LG1012" }, Array.Empty<string>(),
            "or more than 20 million US dollars (or equivalent in other currencies) in monthly revenue", KimiUrl, Kimi, "25M USD, over the 20M USD monthly-revenue threshold"),
        new("Kimi K2 below both thresholds", Org(),
            Model("moonshotai/Kimi-K2-Instruct", "LicenseRef-Kimi-K2-Modified-MIT", Kimi, duties: "attribution: { notice: MODEL-NOTICES.txt }"), "pass", Array.Empty<string>(), new[] { "LG1012", "LG1002" },
            KimiThreshold, KimiUrl, Kimi),
        new("Llama 3.1 at 812M MAU", Org(mau: "monthlyActiveUsers: 812000000"),
            Model(Llama31Id, "LicenseRef-Llama-3.1-Community", Llama31), "fail", new[] { "LG1008" }, Array.Empty<string>(),
            "greater than 700 million monthly active users in the preceding calendar month", Llama31Url, Llama31, "the preceding calendar month"),

        // Derivatives.
        new("A Llama 3.1 fine-tune whose name does not start with Llama", Org(),
            Model("myorg/support-bot-ft", "LicenseRef-Llama-3.1-Community", Llama31, extra: $"    baseModel: {Llama31Id}\n"), "fail", new[] { "LG1028" }, new[] { "LG1023" },
            LlamaNaming, Llama31Url, Llama31, "\"Llama\" at the beginning"),
        new("A Llama 3.1 fine-tune named Llama first", Org(),
            Model("myorg/Llama-3.1-support-ft", "LicenseRef-Llama-3.1-Community", Llama31, extra: $"    baseModel: {Llama31Id}\n"), "pass", Array.Empty<string>(), new[] { "LG1028", "LG1023" },
            LlamaNaming, Llama31Url, Llama31),
        new("A fine-tune name the catalogue recognises (myorg/llama-3.1-8b-ft-v2)", Org(),
            Model("myorg/llama-3.1-8b-ft-v2", "LicenseRef-Llama-3.1-Community", Llama31), "pass", Array.Empty<string>(), new[] { "LG1028", "LG1023", "LG1020" },
            LlamaNaming, Llama31Url, Llama31),
        new("A Llama 3.1 fine-tune declared under Apache-2.0", Org(),
            Model("myorg/support-bot", "Apache-2.0", "Apache-2.0.txt", extra: $"    baseModel: {Llama31Id}\n"), "warn", new[] { "LG1020" }, Array.Empty<string>(),
            "If you use the Llama Materials or any outputs or results of the Llama Materials to create, train, fine tune, or otherwise improve an AI model, which is distributed or made available", Llama31Url, Llama31, "LicenseRef-Llama-3.1-Community"),
        new("A Gemma 3 fine-tune shipped without the use restrictions in its terms", Org(),
            Model("myorg/support-bot", "LicenseRef-Gemma-Terms-of-Use", Gemma, duties: "attribution: { notice: MODEL-NOTICES.txt }", extra: "    baseModel: google/gemma-3-4b-it\n    distributes: true\n"), "warn", new[] { "LG1029" }, new[] { "LG1028" },
            GemmaPassOn, "https://ai.google.dev/gemma/terms", Gemma, "useRestrictions"),
        new("A Gemma 3 fine-tune whose terms carry the use restrictions", Org(),
            Model("myorg/support-bot", "LicenseRef-Gemma-Terms-of-Use", Gemma, extra: "    baseModel: google/gemma-3-4b-it\n    distributes: true\n"), "pass", Array.Empty<string>(), new[] { "LG1029", "LG1028" },
            GemmaPassOn, "https://ai.google.dev/gemma/terms", Gemma),

        // Distribution versus service.
        new("MIT weights served by a managed endpoint, no notice file", Org(),
            Model("deepseek-ai/DeepSeek-R1", "MIT", Mit, duties: "attribution: {}", hosting: "hosting: { mode: managed, region: us-east }"), "pass", Array.Empty<string>(), new[] { "LG1021" },
            MitClause, "https://github.com/deepseek-ai/DeepSeek-R1/blob/0cf78561f1d51c84a21b2190626b21116d5c68bb/LICENSE", Mit),
        new("MIT weights shipped on devices without the notice", Org(),
            Model("deepseek-ai/DeepSeek-R1", "MIT", Mit, duties: "attribution: {}", extra: "    distributes: true\n"), "warn", new[] { "LG1021" }, Array.Empty<string>(),
            MitClause, "https://github.com/deepseek-ai/DeepSeek-R1/blob/0cf78561f1d51c84a21b2190626b21116d5c68bb/LICENSE", Mit, "distributes"),
        new("Self-hosted MIT weights declared as served only", Org(),
            Model("deepseek-ai/DeepSeek-R1", "MIT", Mit, duties: "attribution: {}", extra: "    distributes: false\n"), "pass", Array.Empty<string>(), new[] { "LG1021" },
            MitClause, "https://github.com/deepseek-ai/DeepSeek-R1/blob/0cf78561f1d51c84a21b2190626b21116d5c68bb/LICENSE", Mit),

        // Provider-aware terms.
        new("gpt-4o through Azure OpenAI under Azure's terms", Org(),
            Model("gpt-4o", "LicenseRef-Azure-OpenAI-Terms", null, duties: "receives: [public]", hosting: "hosting: { mode: api, region: eu }", extra: "    provider: azure\n"), "pass", new[] { "LG1027" }, new[] { "LG1020", "LG1006" },
            "Microsoft hosts the Azure Direct Models in Microsoft's Azure environment and Azure Direct Models do NOT interact with any services operated by Azure Direct Model providers, for example, OpenAI (e.g. ChatGPT, or the OpenAI API).", AzureUrl, null, "not pinned"),
        new("gpt-4o under Azure's terms without naming the provider", Org(),
            Model("gpt-4o", "LicenseRef-Azure-OpenAI-Terms", null, duties: "receives: [public]", hosting: "hosting: { mode: api, region: eu }"), "warn", new[] { "LG1020" }, Array.Empty<string>(),
            "Microsoft hosts the Azure Direct Models in Microsoft's Azure environment", AzureUrl, null, "LicenseRef-OpenAI-Services"),
        new("Claude through Amazon Bedrock under the AWS terms", Org(),
            Model("claude-3-5-sonnet-20240620", "LicenseRef-AWS-Bedrock-Terms", null, duties: "receives: [public]", hosting: "hosting: { mode: api, region: us-east-1 }", extra: "    provider: bedrock\n"), "pass", new[] { "LG1027" }, new[] { "LG1020" },
            "Bedrock model IDs carry the provider prefix 'anthropic.'", "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html"),
        new("Gemini 2.5 Pro through Vertex AI under the Google Cloud terms", Org(),
            Model("gemini-2.5-pro", "LicenseRef-Google-Vertex-AI-Terms", null, duties: "receives: [public]", hosting: "hosting: { mode: api, region: eu }", extra: "    provider: vertex\n"), "pass", new[] { "LG1027" }, new[] { "LG1020" },
            VertexTraining, VertexUrl, null, "not pinned"),
        new("Gemini through Vertex AI declared under the Gemini API terms", Org(),
            Model("gemini-2.5-pro", "LicenseRef-Google-Gemini-API-Terms", null, duties: "receives: [public]", hosting: "hosting: { mode: api, region: eu }", extra: "    provider: vertex\n"), "warn", new[] { "LG1020" }, Array.Empty<string>(),
            VertexTraining, VertexUrl, null, "LicenseRef-Google-Vertex-AI-Terms"),

        // Domicile.
        new("Llama 3.2 Vision for a company based in the EU", Org(territories: "[DE]", domicile: "DE"),
            Model("meta-llama/Llama-3.2-11B-Vision-Instruct", "LicenseRef-Llama-3.2-Community", "LicenseRef-Llama-3.2-Community.txt"), "fail", new[] { "LG1011" }, Array.Empty<string>(),
            "With respect to any multimodal models included in Llama 3.2, the rights granted under Section 1(a) of the Llama 3.2 Community License Agreement are not being granted to you if you are an individual domiciled in, or a company with a principal place of business in, the European Union.",
            "https://github.com/meta-llama/llama-models/blob/fc5d5442c4b4d7cb33b0e925a30acfb479b34d2a/models/llama3_2/USE_POLICY.md", null, "DE"),

        // Docker Model Runner tags and catalogue gaps.
        new("Docker's ai/qwen2.5:3B in a commercial product", Org(),
            Model("ai/qwen2.5:3B-F16", "LicenseRef-Qwen-Research", "LicenseRef-Qwen-Research.txt"), "fail", new[] { "LG1007" }, new[] { "LG1020", "LG1023" },
            "FOR NON-COMMERCIAL PURPOSES ONLY", "https://github.com/QwenLM/Qwen2.5/blob/905ca2080093d9b2c0539c388c43cc008c3add21/README.md", "LicenseRef-Qwen-Research.txt"),
        new("Docker's ai/deepseek-r1-distill-llama declared MIT (the weights are Llama 3.1)", Org(),
            Model("ai/deepseek-r1-distill-llama", "MIT", Mit), "warn", new[] { "LG1020" }, new[] { "LG1023" },
            "DeepSeek-R1-Distill-Llama-8B is derived from Llama3.1-8B-Base and is originally licensed under llama3.1 license.", "https://github.com/deepseek-ai/DeepSeek-R1/blob/0cf78561f1d51c84a21b2190626b21116d5c68bb/README.md", null, "LicenseRef-Llama-3.1-Community"),
        new("Docker's ai/llama3.2 under the Llama 3.2 licence", Org(),
            Model("ai/llama3.2", "LicenseRef-Llama-3.2-Community", "LicenseRef-Llama-3.2-Community.txt"), "pass", Array.Empty<string>(), new[] { "LG1020", "LG1023", "LG1011" },
            "Llama 3.2 is licensed under the Llama 3.2 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.", "https://github.com/meta-llama/llama-models/blob/a9c89c471f793423afd4cc3ca8671d6e56fe64cb/models/llama3_2/LICENSE", "LicenseRef-Llama-3.2-Community.txt"),
        new("Xiaomi MiMo-V2.5-Pro under MIT", Org(),
            Model("XiaomiMiMo/MiMo-V2.5-Pro", "MIT", Mit), "pass", Array.Empty<string>(), new[] { "LG1020", "LG1023", "LG1003" },
            "license: mit", "https://huggingface.co/XiaomiMiMo/MiMo-V2.5-DFlash"),
        new("Xiaomi MiMo-7B declared under its code repository's Apache-2.0", Org(),
            Model("XiaomiMiMo/MiMo-7B-RL", "Apache-2.0", Apache), "warn", new[] { "LG1020" }, new[] { "LG1023" },
            "This model repository is licensed under the MIT License.", "https://huggingface.co/XiaomiMiMo/MiMo-7B-RL-Zero", null, "MIT"),
        new("Xiaomi MiMo-V2-Flash under MIT", Org(),
            Model("XiaomiMiMo/MiMo-V2-Flash", "MIT", Mit), "pass", Array.Empty<string>(), new[] { "LG1020", "LG1023" },
            "license: mit", "https://huggingface.co/XiaomiMiMo/MiMo-V2-Flash/blob/main/README.md"),
        // The catalogue's Apache-2.0 for these tags rests on secondary evidence (Docker's model cards): said as LG1030.
        new("Ollama qwq in a commercial product under Apache-2.0", Org(),
            Model("qwq:32b", "Apache-2.0", Apache), "warn", new[] { "LG1030" }, new[] { "LG1020", "LG1023" },
            "[Apache 2.0](https://github.com/QwenLM/QwQ/blob/main/LICENSE)", DockerCards + "qwq.md"),
        new("Ollama smollm2 declared MIT (the weights are Apache-2.0)", Org(),
            Model("smollm2:1.7b", "MIT", Mit), "warn", new[] { "LG1020" }, new[] { "LG1023" },
            "[Apache 2.0](https://www.apache.org/licenses/LICENSE-2.0)", DockerCards + "smollm2.md", null, "Apache-2.0"),
        new("Ollama nomic-embed-text for embeddings under Apache-2.0", Org(),
            Model("nomic-embed-text", "Apache-2.0", Apache), "warn", new[] { "LG1030" }, new[] { "LG1020", "LG1023" },
            "open weights, training code, and data under an Apache‑2 license", DockerCards + "nomic-embed-text-v1.5.md"),
        new("NVIDIA Nemotron-4 340B under the NVIDIA Open Model License", Org(),
            Model("nvidia/Nemotron-4-340B-Instruct", "LicenseRef-NVIDIA-Open-Model", "LicenseRef-NVIDIA-Open-Model.txt"), "pass", Array.Empty<string>(), new[] { "LG1020", "LG1023" },
            "Models are commercially usable.", "https://github.com/NVlabs/GR00T-WholeBodyControl/blob/1983e88888217f6c69283cf3a9d1af01e87f07af/decoupled_wbc/sim2mujoco/resources/robots/g1/policy/NVIDIA%20Open%20Model%20License", "LicenseRef-NVIDIA-Open-Model.txt"),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var s in All) data.Add(s.Name);
        return data;
    }

    [Fact]
    public void Suite_HasAtLeastThirtyScenarios_EachWithItsClauseAndSource()
    {
        Assert.True(All.Length >= 30, $"{All.Length} scenarios");
        Assert.Equal(All.Length, All.Select(s => s.Name).Distinct().Count());
        Assert.All(All, s => Assert.StartsWith("https://", s.Url));
        Assert.All(All, s => Assert.False(string.IsNullOrWhiteSpace(s.Clause), s.Name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Scenario_ReachesTheCarefulReadersVerdict(string name)
    {
        var s = All.Single(x => x.Name == name);
        if (s.TextFile != null)
            Assert.Contains(Words(s.Clause), Words(File.ReadAllText(TextPath(s.TextFile))));

        var outcome = _workspace.Check(s.Organisation, s.Model);
        var reported = outcome.Findings.Select(f => f.Id).ToList();
        Assert.True(s.Verdict == outcome.Verdict, $"{name}: verdict {outcome.Verdict}, expected {s.Verdict}\n{outcome.Output}");
        foreach (var id in s.Expect) Assert.True(reported.Contains(id), $"{name}: {id} not reported\n{outcome.Output}");
        foreach (var id in s.Absent) Assert.False(reported.Contains(id), $"{name}: {id} reported\n{outcome.Output}");
        if (s.MessageHas != null)
        {
            var first = outcome.Findings.First(f => f.Id == s.Expect[0]);
            Assert.Contains(s.MessageHas, first.Message);
        }
        Assert.Equal(s.Verdict == "fail" ? 1 : 0, outcome.Exit);
    }

    /// <summary>Whitespace-insensitive comparison: licence texts wrap lines and indent.</summary>
    private static string Words(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
