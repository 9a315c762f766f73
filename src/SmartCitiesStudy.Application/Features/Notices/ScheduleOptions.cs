namespace SmartCitiesStudy.Application.Features.Notices;

/// <summary>
/// When the daily schedule acts (<c>Schedule:*</c> settings): reminders go to cities that have not submitted
/// <see cref="ReminderDays"/> days before their deadline (default 14, 7 and 2), from <see cref="RunFromHourUtc"/>
/// o'clock UTC (default 6) on.
/// </summary>
public sealed record ScheduleOptions
{
    public IReadOnlyList<int> ReminderDays { get; init; } = [14, 7, 2];

    public int RunFromHourUtc { get; init; } = 6;
}
