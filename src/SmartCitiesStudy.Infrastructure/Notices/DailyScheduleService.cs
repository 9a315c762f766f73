using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartCitiesStudy.Application.Features.Notices;

namespace SmartCitiesStudy.Infrastructure.Notices;

/// <summary>
/// Runs <see cref="RunDailySchedule"/> every few minutes (<c>Schedule:PollMinutes</c>, default 15) on every instance;
/// the use case makes sure each notice goes out once a day across instances (ADR 0022).
/// </summary>
internal sealed partial class DailyScheduleService(RunDailySchedule schedule, IConfiguration configuration, ILogger<DailyScheduleService> logger) : BackgroundService
{
    /// <summary><c>Schedule:ReminderDays</c> ("14,7,2") and <c>Schedule:RunFromHourUtc</c> (6).</summary>
    public static ScheduleOptions Options(IConfiguration configuration)
    {
        var defaults = new ScheduleOptions();
        var days = configuration["Schedule:ReminderDays"];
        return new ScheduleOptions
        {
            ReminderDays = string.IsNullOrWhiteSpace(days)
                ? defaults.ReminderDays
                : [.. days.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 365
                        ? n
                        : throw new InvalidOperationException($"Schedule:ReminderDays: '{d}' is not a number of days (0–365); write e.g. 14,7,2."))],
            RunFromHourUtc = Math.Clamp(configuration.GetValue("Schedule:RunFromHourUtc", defaults.RunFromHourUtc), 0, 23),
        };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Schedule:PollMinutes", 15)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await schedule.ExecuteAsync(stoppingToken);
                if (result != ScheduleRunResult.Nothing)
                {
                    LogRound(logger, result.Reminders, result.ClosedEditions, result.Digests);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable (or not migrated yet); the next round tries again.
                LogRoundFailed(logger, ex);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily schedule: {Reminders} reminder(s), {Closed} edition(s) closed, {Digests} digest(s).")]
    private static partial void LogRound(ILogger logger, int reminders, int closed, int digests);

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily schedule failed; it will try again.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
