using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Dashboard;

/// <summary>
/// Per city of the registry: invited, status, % complete (of the questions shown, by the edition's current
/// questionnaire), last activity. For the secretariat and reviewers.
/// </summary>
public sealed class LoadEditionDashboard(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, ICityOfficerDirectory officers, TimeProvider clock)
{
    public async Task<EditionDashboardResult> ExecuteAsync(string editionCode, DashboardFilter filter, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsReviewer)
        {
            return new EditionDashboardResult(null, "Only the secretariat and reviewers can see an edition's progress.");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.AsNoTracking().SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null)
        {
            return new EditionDashboardResult(null, $"There is no edition '{editionCode}'.", NotFound: true);
        }

        var questionnaire = await loadQuestionnaire.ExecuteAsync(editionCode, cancellationToken: cancellationToken);
        var rules = questionnaire is null ? null : new QuestionnaireRules(questionnaire.Definition);
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var populations = await db.CityPopulations.AsNoTracking().Where(p => p.EditionId == edition.Id).ToDictionaryAsync(p => p.CityId, p => p.Population, cancellationToken);
        var lastKnown = await LastKnownPopulations.BeforeAsync(db, edition, cancellationToken);
        var responses = await db.Responses.AsNoTracking().Where(r => r.EditionId == edition.Id).ToDictionaryAsync(r => r.CityId, cancellationToken);
        var answers = (await db.Answers.AsNoTracking()
                .Where(a => db.Responses.Any(r => r.Id == a.ResponseId && r.EditionId == edition.Id))
                .Select(a => new { a.ResponseId, a.Path, a.ValueJson })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.ResponseId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, AnswerValue>)g.ToDictionary(a => a.Path, a => AnswerValue.FromJson(a.ValueJson), StringComparer.Ordinal));
        var now = clock.GetUtcNow();
        var pending = (await db.Invitations.AsNoTracking()
                .Where(i => i.CityId != null && i.AcceptedAt == null && i.RevokedAt == null)
                .Select(i => new { i.CityId, i.ExpiresAt })
                .ToListAsync(cancellationToken))
            .Where(i => i.ExpiresAt > now)
            .GroupBy(i => i.CityId!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        var officerCounts = await officers.CountActiveOfficersAsync(cancellationToken);
        var extensions = await db.DeadlineExtensions.AsNoTracking().Where(x => x.EditionId == edition.Id)
            .ToDictionaryAsync(x => x.CityId, x => new { x.Until, x.Reason }, cancellationToken);

        var rows = cities.Select(c =>
        {
            var response = responses.GetValueOrDefault(c.Id);
            var percent = response is null || rules is null ? 0 : rules.PercentComplete(answers.GetValueOrDefault(response.Id) ?? new Dictionary<string, AnswerValue>());
            var own = populations.TryGetValue(c.Id, out var population);
            var carried = own ? null : lastKnown.GetValueOrDefault(c.Id);
            return new DashboardRow(
                c.Id,
                c.Name,
                c.Country,
                c.Region,
                own ? PopulationBands.For(population) : carried is null ? null : PopulationBands.For(carried.Population),
                officerCounts.GetValueOrDefault(c.Id),
                pending.GetValueOrDefault(c.Id),
                response is null ? DashboardStatus.NotStarted : Status(response.Status),
                percent,
                response?.LastActivityAt,
                carried?.Year,
                extensions.GetValueOrDefault(c.Id)?.Until,
                extensions.GetValueOrDefault(c.Id)?.Reason);
        }).ToList();

        var shown = rows.Where(r =>
            (filter.Status is null || r.Status == filter.Status)
            && (filter.Region is null || r.Region == filter.Region)
            && (filter.Band is null || r.Band == filter.Band)
            && (!filter.InvitedOnly || r.Invited)).ToList();
        var byRegion = Enum.GetValues<Region>().Select(region => Count(region.ToString(), rows.Where(r => r.Region == region))).ToList();
        var byBand = PopulationBands.All.Select(band => Count(band.Code(), rows.Where(r => r.Band == band)))
            .Append(Count("unknown", rows.Where(r => r.Band is null)))
            .ToList();
        var dashboard = new EditionDashboard(edition.Code, edition.Title, edition.Status, shown, byRegion, byBand)
        {
            CarriedBands = rows.Count(r => r.BandYear is not null),
            Timeline = await DashboardTimeline.LoadAsync(db, edition.Id, now, cancellationToken),
        };
        return new EditionDashboardResult(dashboard, null);
    }

    private static DashboardStatus Status(ResponseStatus status) => status switch
    {
        ResponseStatus.Draft => DashboardStatus.Draft,
        ResponseStatus.Submitted => DashboardStatus.Submitted,
        ResponseStatus.Returned => DashboardStatus.Returned,
        ResponseStatus.Approved => DashboardStatus.Approved,
        _ => DashboardStatus.NotStarted,
    };

    private static DashboardCount Count(string group, IEnumerable<DashboardRow> rows)
    {
        var list = rows.ToList();
        return new DashboardCount(
            group,
            list.Count,
            list.Count(r => r.Invited),
            list.Count(r => r.Started),
            list.Count(r => r.Status is DashboardStatus.Submitted or DashboardStatus.Approved),
            list.Count(r => r.Status == DashboardStatus.Approved));
    }
}
