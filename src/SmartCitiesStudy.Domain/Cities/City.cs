using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Cities;

/// <summary>A city that takes (or took) part in the study. Identified publicly by its slug.</summary>
public sealed partial class City : IHasVersion
{
    public const int MaxNameLength = 120;
    public const int MaxCountryLength = 80;
    public const int MaxSlugLength = 140;
    public const int MaxRegionalSectionLength = 80;

    private City()
    {
        Name = string.Empty;
        Country = string.Empty;
        Slug = string.Empty;
    }

    public City(string name, string country, Region region, string? slug = null)
        : this()
    {
        Update(name, country, region, slug);
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Country { get; private set; }

    public Region Region { get; private set; }

    /// <summary>URL-safe identifier, e.g. "sao-paulo".</summary>
    public string Slug { get; private set; }

    public int Version { get; set; }

    /// <summary>Whether the city (its local government) is a member of UCLG.</summary>
    public bool UclgMember { get; private set; }

    /// <summary>The UCLG regional section it belongs to (e.g. "CEMR", "UCLG Africa"), free text; null if none.</summary>
    public string? RegionalSection { get; private set; }

    public void SetMembership(bool member, string? regionalSection)
    {
        var section = regionalSection?.Trim();
        UclgMember = member;
        RegionalSection = string.IsNullOrEmpty(section)
            ? null
            : section.Length <= MaxRegionalSectionLength
                ? section
                : throw new DomainRuleException("city.regional_section", $"The regional section is longer than {MaxRegionalSectionLength} characters.");
    }

    public void Update(string name, string country, Region region, string? slug = null)
    {
        Name = Required(name, "name", MaxNameLength);
        Country = Required(country, "country", MaxCountryLength);
        Region = Enum.IsDefined(region)
            ? region
            : throw new DomainRuleException("city.region", $"Region '{region}' is not one of Africa, America, Asia, Europe, Oceania.");
        var candidate = string.IsNullOrWhiteSpace(slug) ? Slugify(Name) : slug.Trim();
        Slug = SlugPattern().IsMatch(candidate) && candidate.Length <= MaxSlugLength
            ? candidate
            : throw new DomainRuleException("city.slug", $"Slug '{candidate}' must be lower-case letters, digits and single dashes.");
    }

    /// <summary>"São Paulo" → "sao-paulo", "Liège" → "liege".</summary>
    public static string Slugify(string text)
    {
        var normalized = (text ?? string.Empty).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(Transliterate(c) ?? "-");
            }
        }

        var slug = DashRuns().Replace(builder.ToString(), "-").Trim('-');
        return slug.Length > MaxSlugLength ? slug[..MaxSlugLength].TrimEnd('-') : slug;
    }

    /// <summary>Letters that do not decompose into a base letter and an accent (Ł, Ø, ß, Æ, Đ…).</summary>
    private static string? Transliterate(char c) => char.ToLowerInvariant(c) switch
    {
        'ł' => "l",
        'ø' => "o",
        'đ' or 'ð' => "d",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ı' => "i",
        _ => null,
    };

    private static string Required(string value, string field, int maxLength)
    {
        value = (value ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            throw new DomainRuleException($"city.{field}", $"The city's {field} is required.");
        }

        return value.Length <= maxLength
            ? value
            : throw new DomainRuleException($"city.{field}", $"The city's {field} is longer than {maxLength} characters.");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex DashRuns();
}
