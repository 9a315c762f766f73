using System.Globalization;

namespace SmartCitiesStudy.Reports.Text;

/// <summary>The study's report languages and their number formats ("75%" in English, "75 %" in Spanish and French).</summary>
public static class ReportLanguage
{
    public const string Default = "en";

    public static IReadOnlyList<string> All { get; } = ["en", "es", "fr"];

    /// <summary>True for en, es and fr (lower case).</summary>
    public static bool IsSupported(string? language) => language is "en" or "es" or "fr";

    /// <summary>The language, lower-cased, or English when it is not one of the report languages.</summary>
    public static string Normalize(string? language)
    {
        var lower = language?.Trim().ToLowerInvariant();
        return IsSupported(lower) ? lower! : Default;
    }

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(Normalize(language) switch
    {
        "es" => "es-ES",
        "fr" => "fr-FR",
        _ => "en-GB",
    });

    /// <summary>A percentage with at most one decimal: "57.9%", "57,9 %"; an em dash when there is none.</summary>
    public static string Percent(decimal? value, string language) =>
        value is { } v ? Number(v, language) + (Normalize(language) == "en" ? "%" : "\u00a0%") : "—";

    /// <summary>A number with at most one decimal, in the language's format.</summary>
    public static string Number(decimal value, string language) => value.ToString("#,0.#", Culture(language));

    public static string WholeNumber(long value, string language) => value.ToString("#,0", Culture(language));
}
