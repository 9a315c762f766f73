using System.Globalization;

namespace SmartCitiesStudy.Web.Localization;

/// <summary>The UI languages: English (default), Spanish and French.</summary>
public static class StudyCultures
{
    public const string Default = "en";

    /// <summary>Query-string key that selects the language of a page, e.g. <c>?lang=es</c>.</summary>
    public const string QueryKey = "lang";

    public static IReadOnlyList<string> Codes { get; } = ["en", "es", "fr"];

    public static IReadOnlyList<CultureInfo> All { get; } = [.. Codes.Select(CultureInfo.GetCultureInfo)];

    /// <summary>The name of each language in that language, for the switcher.</summary>
    public static string NativeName(string code) => code switch
    {
        "es" => "Español",
        "fr" => "Français",
        _ => "English",
    };

    public static bool IsSupported(string? code) => code is not null && Codes.Contains(code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The two-letter code of the current UI culture (en, es, fr).</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
