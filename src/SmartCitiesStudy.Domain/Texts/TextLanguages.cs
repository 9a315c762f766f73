using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Texts;

/// <summary>The languages editorial texts are written in. English is required; Spanish and French fall back to it.</summary>
public static class TextLanguages
{
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = ["en", "es", "fr"];

    public static string Validate(string? language)
    {
        var value = (language ?? string.Empty).Trim().ToLowerInvariant();
        return All.Contains(value)
            ? value
            : throw new DomainRuleException("text.language", $"'{language}' is not a text language: use en, es or fr.");
    }
}
