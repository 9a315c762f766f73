namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>A text in the study's languages. English is required; a missing translation falls back to English.</summary>
public sealed record LocalizedText(string? En, string? Es = null, string? Fr = null)
{
    public static IReadOnlyList<string> Languages { get; } = ["en", "es", "fr"];

    /// <summary>The text in <paramref name="language"/> (two-letter code), or in English when it is missing.</summary>
    public string Get(string? language)
    {
        var text = language?.ToLowerInvariant() switch
        {
            "es" => Es,
            "fr" => Fr,
            _ => En,
        };
        return string.IsNullOrWhiteSpace(text) ? En ?? string.Empty : text;
    }

    public string? Exact(string language) => language switch
    {
        "en" => En,
        "es" => Es,
        "fr" => Fr,
        _ => null,
    };

    public override string ToString() => En ?? string.Empty;
}
