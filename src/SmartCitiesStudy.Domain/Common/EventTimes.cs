namespace SmartCitiesStudy.Domain.Common;

/// <summary>The rule behind <see cref="EventTimeAttribute"/>: no recorded event is later than the clock.</summary>
public static class EventTimes
{
    /// <summary>
    /// How far ahead of this machine's clock an event may be dated: instances sharing a database may disagree by a
    /// few seconds, never by more.
    /// </summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(2);

    /// <summary>Refuses <paramref name="when"/> if it is later than <paramref name="now"/> (beyond the tolerance).</summary>
    /// <param name="what">What the time records, for the message: "Response.SubmittedAt".</param>
    public static void EnsureNotLater(DateTimeOffset when, DateTimeOffset now, string what)
    {
        if (when > now + ClockTolerance)
        {
            throw new DomainRuleException(
                "time.future",
                $"{what} would be {when.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, later than now ({now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC): " +
                "nothing recorded can have happened in the future.");
        }
    }
}
