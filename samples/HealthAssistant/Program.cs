namespace HealthAssistant;

/// <summary>A triage assistant: the model IDs below are what LicenceGuard's analyzer and the build gate check.</summary>
public static class Program
{
    private const string TriageModel = "moonshotai/Kimi-K2-Instruct";
    private const string SummaryModel = "qwen3:8b";

    public static void Main()
    {
        Console.WriteLine(Describe(TriageModel, "triage of patient messages"));
        Console.WriteLine(Describe(SummaryModel, "summaries of clinical notes"));
        Console.WriteLine(Describe("gpt-4o-mini", "public FAQ answers"));
    }

    private static string Describe(string model, string use) => $"{model}: {use}";
}
