using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Dashboard;

/// <summary>How many of an edition's responses stood in each status at the end of a day (UTC).</summary>
public sealed record DashboardDay(DateOnly Day, int Draft, int Submitted, int Returned, int Approved)
{
    public int Total => Draft + Submitted + Returned + Approved;
}

/// <summary>
/// The edition's responses by status over time, from their creation and the audit trail's status changes (the
/// record of every submit, return and approval). A response imported or seeded without a status change in the trail
/// counts in its current status from its last activity. At most <see cref="MaxPoints"/> days are given: over a longer
/// span, every n-th day and the last one.
/// </summary>
internal static class DashboardTimeline
{
    public const int MaxPoints = 60;

    public static async Task<IReadOnlyList<DashboardDay>> LoadAsync(IStudyDbContext db, int editionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var responses = await db.Responses.AsNoTracking().Where(r => r.EditionId == editionId)
            .Select(r => new { r.Id, r.CreatedAt, r.Status, r.LastActivityAt })
            .ToListAsync(cancellationToken);
        if (responses.Count == 0)
        {
            return [];
        }

        var changes = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.EditionId == editionId && a.Action == AuditActions.ResponseStatusChanged && a.ResponseId != null)
                .Select(a => new { ResponseId = a.ResponseId!.Value, a.At, a.After })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.ResponseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.At).Select(a => (a.At, Status: Enum.TryParse<ResponseStatus>(a.After, out var s) ? s : (ResponseStatus?)null)).ToList());

        // Each response's history: (from, status) steps, in time order.
        var histories = responses.Select(r =>
        {
            var steps = new List<(DateTimeOffset From, ResponseStatus Status)> { (r.CreatedAt, ResponseStatus.Draft) };
            if (changes.TryGetValue(r.Id, out var list))
            {
                steps.AddRange(list.Where(c => c.Status is not null).Select(c => (c.At, c.Status!.Value)));
            }
            else if (r.Status != ResponseStatus.Draft)
            {
                steps.Add((r.LastActivityAt, r.Status));
            }

            return steps;
        }).ToList();

        var first = DateOnly.FromDateTime(responses.Min(r => r.CreatedAt).UtcDateTime);
        var last = DateOnly.FromDateTime(now.UtcDateTime);
        if (last < first)
        {
            last = first;
        }

        var span = last.DayNumber - first.DayNumber;
        var step = Math.Max(1, (int)Math.Ceiling(span / (double)(MaxPoints - 1)));
        var days = new List<DateOnly>();
        for (var day = first; day < last; day = day.AddDays(step))
        {
            days.Add(day);
        }

        days.Add(last);
        return [.. days.Select(day =>
        {
            var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var counts = new int[4];
            foreach (var history in histories)
            {
                var current = history.LastOrDefault(s => s.From < end);
                if (current != default)
                {
                    counts[(int)current.Status]++;
                }
            }

            return new DashboardDay(day, counts[(int)ResponseStatus.Draft], counts[(int)ResponseStatus.Submitted], counts[(int)ResponseStatus.Returned], counts[(int)ResponseStatus.Approved]);
        })];
    }
}
