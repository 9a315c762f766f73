using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Participation;

/// <summary>
/// A city not in the registry asking, from the public site, to take part in an open edition. The secretariat accepts
/// it (the city is added and its contact invited) or declines it (with a message to the asker).
/// </summary>
public sealed class ParticipationRequest
{
    public const int MaxMessageLength = 2000;
    public const int MaxReasonLength = 1000;

    private ParticipationRequest()
    {
        CityName = string.Empty;
        Country = string.Empty;
        ContactName = string.Empty;
        Email = string.Empty;
        Language = "en";
    }

    public ParticipationRequest(int editionId, string cityName, string country, string contactName, string email, string language, string? message, DateTimeOffset now)
        : this()
    {
        EditionId = editionId;
        CityName = Required(cityName, "city", City.MaxNameLength);
        Country = Required(country, "country", City.MaxCountryLength);
        ContactName = Required(contactName, "name", CityContact.MaxNameLength);
        Email = CityContact.NormalizeEmail(email);
        Language = CityContact.NormalizeLanguage(language);
        var text = message?.Trim();
        Message = string.IsNullOrEmpty(text) ? null
            : text.Length <= MaxMessageLength ? text
            : throw new DomainRuleException("request.message", $"The message is longer than {MaxMessageLength} characters.");
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public string CityName { get; private set; }

    public string Country { get; private set; }

    public string ContactName { get; private set; }

    public string Email { get; private set; }

    /// <summary>The asker's language (en, es, fr): the answers are written in it.</summary>
    public string Language { get; private set; }

    public string? Message { get; private set; }

    [EventTime]
    public DateTimeOffset CreatedAt { get; private set; }

    public ParticipationRequestStatus Status { get; private set; }

    [EventTime]
    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedByUserId { get; private set; }

    /// <summary>The city created (or found) on acceptance.</summary>
    public int? CityId { get; private set; }

    /// <summary>The secretariat's words to the asker when declining.</summary>
    public string? DeclineReason { get; private set; }

    public void Accept(int cityId, string userId, DateTimeOffset now)
    {
        EnsurePending();
        (Status, CityId, DecidedByUserId, DecidedAt) = (ParticipationRequestStatus.Accepted, cityId, userId, now);
    }

    public void Decline(string? reason, string userId, DateTimeOffset now)
    {
        EnsurePending();
        var text = reason?.Trim();
        DeclineReason = string.IsNullOrEmpty(text) ? null
            : text.Length <= MaxReasonLength ? text
            : throw new DomainRuleException("request.reason", $"The reason is longer than {MaxReasonLength} characters.");
        (Status, DecidedByUserId, DecidedAt) = (ParticipationRequestStatus.Declined, userId, now);
    }

    private void EnsurePending()
    {
        if (Status != ParticipationRequestStatus.Pending)
        {
            throw new DomainRuleException("request.decided", $"The request of {CityName}, {Country} was already {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private static string Required(string? value, string field, int maxLength)
    {
        value = value?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            throw new DomainRuleException($"request.{field}", $"The {field} is required.");
        }

        return value.Length <= maxLength
            ? value
            : throw new DomainRuleException($"request.{field}", $"The {field} is longer than {maxLength} characters.");
    }
}

/// <summary>Where a request to take part stands.</summary>
public enum ParticipationRequestStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
}
