using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Texts;

namespace SmartCitiesStudy.Domain.Cities;

/// <summary>
/// A city's focal point for the study: someone the secretariat writes to (calls for participation), who need not
/// have an account. Personal data: only the secretariat sees contacts.
/// </summary>
public sealed class CityContact
{
    public const int MaxNameLength = 120;
    public const int MaxEmailLength = 256;
    public const int MaxRoleLength = 120;

    /// <summary>At most this many contacts per city.</summary>
    public const int MaxPerCity = 5;

    private CityContact()
    {
        Name = string.Empty;
        Email = string.Empty;
        Language = "en";
    }

    public CityContact(int cityId, string name, string email, string language, string? role)
        : this()
    {
        CityId = cityId;
        Name = Text(name, "name", MaxNameLength) ?? throw new DomainRuleException("contact.name", "The contact's name is required.");
        Email = NormalizeEmail(email);
        Language = NormalizeLanguage(language);
        Role = Text(role, "role", MaxRoleLength);
    }

    public int Id { get; private set; }

    public int CityId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Trimmed and lower-case.</summary>
    public string Email { get; private set; }

    /// <summary>The language the contact is written to in: en, es or fr.</summary>
    public string Language { get; private set; }

    /// <summary>Role or title, e.g. "Chief Information Officer".</summary>
    public string? Role { get; private set; }

    /// <summary>The same rules as invitations: one @, something on each side, no spaces; trimmed and lower-case.</summary>
    public static string NormalizeEmail(string? email)
    {
        var value = (email ?? string.Empty).Trim().ToLowerInvariant();
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var domain = at < 0 ? string.Empty : value[(at + 1)..];
        return value.Length is > 0 and <= MaxEmailLength && at > 0 && at == value.LastIndexOf('@') && domain.Contains('.', StringComparison.Ordinal)
               && !domain.StartsWith('.') && !domain.EndsWith('.') && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or ';' or '<' or '>' or '"')
            ? value
            : throw new DomainRuleException("contact.email", $"'{email}' is not an e-mail address.");
    }

    /// <summary>"EN", " fr " → "en", "fr"; anything but en, es, fr is refused.</summary>
    public static string NormalizeLanguage(string? language)
    {
        var value = (language ?? string.Empty).Trim().ToLowerInvariant();
        return TextLanguages.All.Contains(value)
            ? value
            : throw new DomainRuleException("contact.language", $"'{language}' is not a language of the study; use en, es or fr.");
    }

    private static string? Text(string? value, string field, int maxLength)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return value.Length <= maxLength
            ? value
            : throw new DomainRuleException($"contact.{field}", $"The contact's {field} is longer than {maxLength} characters.");
    }
}
