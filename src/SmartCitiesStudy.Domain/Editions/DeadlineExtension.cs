using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Editions;

/// <summary>
/// More time for one city in one edition: its own deadline, later than the edition's, with the reason the
/// secretariat gave (the audit trail keeps every change). One per city and edition; a new extension replaces it.
/// </summary>
public sealed class DeadlineExtension
{
    public const int MaxReasonLength = 500;

    private DeadlineExtension()
    {
        Reason = string.Empty;
    }

    public DeadlineExtension(int editionId, int cityId, DateOnly until, string reason, DateTimeOffset now, string? grantedBy)
        : this()
    {
        EditionId = editionId;
        CityId = cityId;
        Change(until, reason, now, grantedBy);
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public int CityId { get; private set; }

    /// <summary>The city's own deadline (UTC day, end of the day).</summary>
    public DateOnly Until { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public string? GrantedBy { get; private set; }

    public void Change(DateOnly until, string reason, DateTimeOffset now, string? grantedBy)
    {
        reason = (reason ?? string.Empty).Trim();
        if (reason.Length == 0)
        {
            throw new DomainRuleException("extension.reason_required", "An extension needs a reason.");
        }

        if (reason.Length > MaxReasonLength)
        {
            throw new DomainRuleException("extension.reason_too_long", $"The reason is longer than {MaxReasonLength} characters.");
        }

        Until = until;
        Reason = reason;
        GrantedAt = now;
        GrantedBy = grantedBy;
    }

    /// <summary>The day a city must submit by: its extension when later than the edition's deadline.</summary>
    public static DateOnly? Effective(DateOnly? editionDeadline, DateOnly? extension) =>
        (editionDeadline, extension) switch
        {
            (null, _) => extension,
            (_, null) => editionDeadline,
            ({ } d, { } e) => e > d ? e : d,
        };
}
