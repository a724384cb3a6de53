using System;
using System.Collections.Generic;
using LicenceGuard.Core.Yaml;

namespace LicenceGuard.Core.Manifest;

/// <summary>models.yaml: the organisation's real figures and every model the product uses.</summary>
public sealed class ModelsManifest
{
    public string Path { get; set; } = string.Empty;
    public Organisation Organisation { get; set; } = new();
    public List<ModelEntry> Models { get; } = new();
    public List<Waiver> Waivers { get; } = new();
    public ManifestSettings Settings { get; set; } = new();

    /// <summary>The <c>dependencies:</c> policy node, read by the dependency audit.</summary>
    public YMapping? DependencyPolicy { get; set; }
}

public sealed class ManifestSettings
{
    /// <summary>Extra catalogue files or folders (organisation overrides), relative to models.yaml.</summary>
    public List<Located<string>> Catalogue { get; } = new();
    public Located<double>? ThresholdMargin { get; set; }
    public Located<int>? CatalogueMaxAgeDays { get; set; }
}

public sealed class Organisation
{
    public SourceLocation Location { get; set; }
    public Located<string>? Name { get; set; }
    public Located<bool>? Commercial { get; set; }
    public Money? AnnualRevenue { get; set; }
    public Money? MonthlyRevenue { get; set; }
    public Located<long>? MonthlyActiveUsers { get; set; }
    public Located<string>? Domicile { get; set; }
    public List<Located<string>> Territories { get; } = new();
    public List<Located<string>> FieldsOfUse { get; } = new();
    public Perimeter Perimeter { get; set; } = new();
    /// <summary>Units of the threshold currency per unit of the organisation's: <c>exchangeRates: { GBP->USD: 1.27 }</c>.</summary>
    public Dictionary<string, Located<decimal>> ExchangeRates { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class Money
{
    public Money(decimal amount, string currency, SourceLocation location)
    {
        Amount = amount;
        Currency = currency;
        Location = location;
    }

    public decimal Amount { get; }
    public string Currency { get; }
    public SourceLocation Location { get; }

    public override string ToString() => $"{Amount:#,0} {Currency}";
}

public sealed class Perimeter
{
    public SourceLocation Location { get; set; }
    /// <summary>Data classes that must never leave the company's perimeter (health, finance, personal…).</summary>
    public List<Located<string>> MustStayInside { get; } = new();
    /// <summary>Hosting that counts as inside: <c>self-hosted</c>, <c>managed:uk-south</c>, <c>api:eu-*</c>.</summary>
    public List<Located<string>> Inside { get; } = new();
}

public sealed class ModelEntry
{
    public SourceLocation Location { get; set; }
    public Located<string> Id { get; set; } = new(string.Empty, default);
    public List<Located<string>> Aliases { get; } = new();
    public Located<string>? Kind { get; set; }
    public Located<string>? Maker { get; set; }
    /// <summary>Who serves the model (<c>provider: azure</c>): the same model ID can be under another provider's terms.</summary>
    public Located<string>? Provider { get; set; }
    /// <summary>The model this one was fine-tuned or derived from: it carries the base model's licence and duties.</summary>
    public Located<string>? BaseModel { get; set; }
    /// <summary>Whether the product hands the weights to others (on-device, shipped containers); null when not declared.</summary>
    public Located<bool>? Distributes { get; set; }
    public Located<string>? Revision { get; set; }
    public Located<string>? Licence { get; set; }
    public Review? Review { get; set; }
    public Hosting? Hosting { get; set; }
    public List<Located<string>> Receives { get; } = new();
    public SourceLocation ReceivesLocation { get; set; }
    public AttributionDeclaration? Attribution { get; set; }
    public TargetHardware? Target { get; set; }
    public List<WeightsFile> Weights { get; } = new();
    public List<Evaluation> Evaluations { get; } = new();

    /// <summary>
    /// Whether the product distributes the weights: as declared, else not when a provider or a managed service runs
    /// the model, else (self-hosted or undeclared) assumed, so a distribution duty is never silently skipped.
    /// </summary>
    public bool DistributesWeights =>
        Distributes?.Value ?? !(Hosting?.Mode?.Value is "api" or "managed");

    public IEnumerable<string> AllNames()
    {
        yield return Id.Value;
        foreach (var a in Aliases) yield return a.Value;
    }
}

public sealed class Review
{
    public SourceLocation Location { get; set; }
    public Located<string>? By { get; set; }
    public Located<DateTime>? On { get; set; }
    public Located<string>? TextSha256 { get; set; }
    public Located<string>? Source { get; set; }
}

public sealed class Hosting
{
    public SourceLocation Location { get; set; }
    public Located<string>? Mode { get; set; }
    public Located<string>? Region { get; set; }

    public override string ToString() => Region is null ? Mode?.Value ?? "unknown" : $"{Mode?.Value ?? "unknown"}:{Region.Value}";
}

public sealed class AttributionDeclaration
{
    public SourceLocation Location { get; set; }
    /// <summary>Where the attribution phrase is shown (a page, a screen, the documentation).</summary>
    public Located<string>? Shown { get; set; }
    /// <summary>The file that carries the licence's notice text.</summary>
    public Located<string>? Notice { get; set; }
    /// <summary>Where the licence's use restrictions are passed on to users (terms of use, EULA section).</summary>
    public Located<string>? UseRestrictions { get; set; }
}

public sealed class TargetHardware
{
    public SourceLocation Location { get; set; }
    public Located<string>? Gpu { get; set; }
    public Located<int>? Count { get; set; }
    public Located<string>? Precision { get; set; }
    public Located<long>? ContextTokens { get; set; }
    public Located<int>? Concurrency { get; set; }
}

public sealed class WeightsFile
{
    public SourceLocation Location { get; set; }
    public Located<string> Path { get; set; } = new(string.Empty, default);
    public Located<string>? Sha256 { get; set; }
    public Located<string>? Format { get; set; }
}

public sealed class Evaluation
{
    public SourceLocation Location { get; set; }
    public Located<DateTime>? On { get; set; }
    public Located<string>? Dataset { get; set; }
    public Located<string>? Score { get; set; }
    public Located<string>? Revision { get; set; }
    public Located<string>? Quantisation { get; set; }
    public Located<string>? Runtime { get; set; }
}

public sealed class Waiver
{
    public SourceLocation Location { get; set; }
    public Located<string> Rule { get; set; } = new(string.Empty, default);
    /// <summary>The model (ID or alias) the waiver covers; null covers every model.</summary>
    public Located<string>? Model { get; set; }
    /// <summary>The NuGet package (id or glob) a dependency-audit waiver (LG11xx) covers; null covers every package.</summary>
    public Located<string>? Package { get; set; }
    public string Reason { get; set; } = string.Empty;
    public string Approver { get; set; } = string.Empty;
    public DateTime Expires { get; set; }
    public SourceLocation ExpiresLocation { get; set; }
}
