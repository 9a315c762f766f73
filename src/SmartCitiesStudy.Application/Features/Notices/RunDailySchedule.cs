using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Notices;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Notices;

/// <summary>What one run of the daily schedule did.</summary>
public sealed record ScheduleRunResult(int Reminders, int ClosedEditions, int Digests)
{
    public static ScheduleRunResult Nothing { get; } = new(0, 0, 0);
}

/// <summary>
/// The daily schedule (ADR 0022): reminders to cities that have not submitted, the automatic close of editions
/// whose deadline has passed, and the secretariat's digest. Safe to call often and from every instance: the whole run
/// holds the <c>schedule/daily</c> lock (an advisory lock in PostgreSQL), and every notice first stores a
/// <see cref="ScheduledNotice"/> row, unique per key and day, in the same save as its e-mails — so a notice goes out
/// at most once a day even if two runs overlap.
/// </summary>
public sealed partial class RunDailySchedule(
    IStudyDbContextFactory dbFactory,
    IDistributedLock distributedLock,
    ICityOfficerDirectory officers,
    ISecretariatDirectory secretariat,
    IEmailOutbox outbox,
    ChangeEditionStatus changeStatus,
    ScheduleOptions options,
    TimeProvider clock,
    ILogger<RunDailySchedule> logger)
{
    public const string LockName = "schedule/daily";

    public async Task<ScheduleRunResult> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (now.UtcDateTime.Hour < options.RunFromHourUtc)
        {
            return ScheduleRunResult.Nothing;
        }

        await using var held = await distributedLock.AcquireAsync(LockName, cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var closed = await CloseOverdueEditionsAsync(today, cancellationToken);
        var reminders = await SendRemindersAsync(today, now, cancellationToken);
        var digests = await SendDigestAsync(today, now, cancellationToken);
        return new ScheduleRunResult(reminders, closed, digests);
    }

    private async Task<int> CloseOverdueEditionsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var candidates = await db.Editions.AsNoTracking()
            .Where(e => e.Status == EditionStatus.Open && e.AutoCloseAtDeadline && e.Deadline != null && e.Deadline < today)
            .Select(e => new { e.Id, e.Code, e.Version, LastExtension = db.DeadlineExtensions.Where(x => x.EditionId == e.Id).Max(x => (DateOnly?)x.Until) })
            .ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var edition in candidates.Where(c => c.LastExtension is null || c.LastExtension < today))
        {
            // The deadline is the end of its day (UTC); cities with a later extension keep the edition open.
            var result = await changeStatus.ExecuteAsync(edition.Code, EditionAction.Close, edition.Version, StudyUser.System, "closed automatically after the deadline", cancellationToken: cancellationToken);
            if (result.Succeeded)
            {
                closed++;
            }
            else
            {
                LogAutoCloseRefused(logger, edition.Code, result.Error);
            }
        }

        return closed;
    }

    private async Task<int> SendRemindersAsync(DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<Edition> editions;
        Dictionary<(int EditionId, int CityId), DateOnly> extensions;
        Dictionary<(int EditionId, int CityId), ResponseStatus> statuses;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            editions = await db.Editions.AsNoTracking().Where(e => e.Status == EditionStatus.Open).ToListAsync(cancellationToken);
            var ids = editions.Select(e => e.Id).ToList();
            extensions = (await db.DeadlineExtensions.AsNoTracking().Where(x => ids.Contains(x.EditionId)).Select(x => new { x.EditionId, x.CityId, x.Until }).ToListAsync(cancellationToken))
                .ToDictionary(x => (x.EditionId, x.CityId), x => x.Until);
            statuses = (await db.Responses.AsNoTracking().Where(r => ids.Contains(r.EditionId)).Select(r => new { r.EditionId, r.CityId, r.Status }).ToListAsync(cancellationToken))
                .ToDictionary(x => (x.EditionId, x.CityId), x => x.Status);
        }

        if (editions.Count == 0)
        {
            return 0;
        }

        var citiesWithOfficers = (await officers.CountActiveOfficersAsync(cancellationToken)).Keys.Order().ToList();
        var sent = 0;
        foreach (var edition in editions)
        {
            foreach (var cityId in citiesWithOfficers)
            {
                // "None after submission": a submitted or approved response is never reminded.
                if (statuses.TryGetValue((edition.Id, cityId), out var status) && status is ResponseStatus.Submitted or ResponseStatus.Approved)
                {
                    continue;
                }

                var deadline = DeadlineExtension.Effective(edition.Deadline, extensions.TryGetValue((edition.Id, cityId), out var until) ? until : null);
                if (deadline is not { } due)
                {
                    continue;
                }

                var daysLeft = due.DayNumber - today.DayNumber;
                if (!options.ReminderDays.Contains(daysLeft))
                {
                    continue;
                }

                var contacts = await officers.ActiveOfficersAsync(cityId, cancellationToken);
                var stored = await ClaimAsync(ScheduledNotice.Reminder(edition.Id, cityId), today, now, db =>
                {
                    foreach (var officer in contacts)
                    {
                        outbox.Enqueue(db, NoticeEmails.Reminder(officer, edition, due, daysLeft));
                    }

                    db.Record(
                        now, StudyUser.System, AuditActions.ReminderSent, "city", cityId.ToString(CultureInfo.InvariantCulture), edition.Id,
                        after: string.Create(CultureInfo.InvariantCulture, $"{daysLeft} day(s) before {due:yyyy-MM-dd}, to {contacts.Count} officer(s)"));
                }, cancellationToken);
                sent += stored ? 1 : 0;
            }
        }

        return sent;
    }

    private async Task<int> SendDigestAsync(DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<DigestLine> lines;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var since = now.AddDays(-1);
            var rows = await db.Responses.AsNoTracking()
                .Join(db.Editions.Where(e => e.Status == EditionStatus.Open || e.Status == EditionStatus.Closed), r => r.EditionId, e => e.Id, (r, e) => new { e.Code, r.Status, r.SubmittedAt })
                .Where(x => x.Status != ResponseStatus.Draft)
                .ToListAsync(cancellationToken);
            lines = rows.GroupBy(r => r.Code, StringComparer.Ordinal)
                .Select(g => new DigestLine(
                    g.Key,
                    g.Count(r => r.Status == ResponseStatus.Submitted && r.SubmittedAt >= since),
                    g.Count(r => r.Status == ResponseStatus.Returned),
                    g.Count(r => r.Status == ResponseStatus.Submitted)))
                .Where(l => l.NewSubmissions > 0 || l.ReturnsWaiting > 0 || l.ToReview > 0)
                .OrderBy(l => l.EditionCode, StringComparer.Ordinal)
                .ToList();
        }

        if (lines.Count == 0)
        {
            return 0;
        }

        var people = await secretariat.ActiveSecretariatAsync(cancellationToken);
        if (people.Count == 0)
        {
            return 0;
        }

        var stored = await ClaimAsync(ScheduledNotice.Digest, today, now, db =>
        {
            foreach (var person in people)
            {
                outbox.Enqueue(db, NoticeEmails.Digest(person, lines, today));
            }

            db.Record(now, StudyUser.System, AuditActions.NoticeSent, "digest", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), after: $"{people.Count} recipient(s)");
        }, cancellationToken);
        return stored ? 1 : 0;
    }

    /// <summary>
    /// Stores the notice's row with its e-mails and audit entry in one save; false when this notice already went out
    /// today (here or from another instance: the unique key refuses the second row).
    /// </summary>
    private async Task<bool> ClaimAsync(string key, DateOnly day, DateTimeOffset now, Action<IStudyDbContext> work, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await db.ScheduledNotices.AnyAsync(n => n.Key == key && n.Day == day, cancellationToken))
        {
            return false;
        }

        db.ScheduledNotices.Add(new ScheduledNotice(key, day, now));
        work(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edition {Code} passed its deadline but could not be closed automatically: {Reason}")]
    private static partial void LogAutoCloseRefused(ILogger logger, string code, string? reason);
}
