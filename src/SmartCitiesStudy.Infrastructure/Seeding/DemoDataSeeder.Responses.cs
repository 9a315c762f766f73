using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Infrastructure.Seeding;

/// <summary>
/// Demo responses: 2017 reproducing the published figures, plausible 2012 and 2019 ones (with a returned and a
/// submitted 2019 response that are not counted), and a draft and a submitted one in the open edition. An edition
/// that already has responses is left alone.
/// </summary>
public sealed partial class DemoDataSeeder
{
    private sealed record PlannedResponse(string City, ResponseStatus Status, Dictionary<string, AnswerValue> Answers);

    private async Task<int> SeedResponsesAsync(CancellationToken cancellationToken)
    {
        var added = await SeedOtherCitiesAsync(cancellationToken);
        added += await SeedEditionResponsesAsync("2017", _ =>
            [.. DemoCities.Study2017.Select(c => new PlannedResponse(c.Name, ResponseStatus.Approved, Demo2017Responses.For(c.Name)))],
            cancellationToken);
        added += await SeedEditionResponsesAsync("2012", definition =>
            [.. DemoEditionCities.Approved2012.Select(c => Generated(definition, c, 2012, ResponseStatus.Approved))],
            cancellationToken);
        added += await SeedEditionResponsesAsync("2019", definition =>
            [
                .. DemoEditionCities.Approved2019.Select(c => Generated(definition, c, 2019, ResponseStatus.Approved)),
                Generated(definition, DemoEditionCities.Returned2019, 2019, ResponseStatus.Returned),
                Generated(definition, DemoEditionCities.Submitted2019, 2019, ResponseStatus.Submitted),
            ],
            cancellationToken);
        added += await SeedEditionResponsesAsync(NextEditionCode, _ =>
            [
                // The 2026 questionnaire repeats 2017's: Porto resubmits its answers, Bilbao has started.
                new(DemoEditionCities.Submitted2026, ResponseStatus.Submitted, Demo2017Responses.For(DemoEditionCities.Submitted2026)),
                new(DemoEditionCities.Draft2026, ResponseStatus.Draft, FirstAnswers(Demo2017Responses.For(DemoEditionCities.Draft2026), 8)),
            ],
            cancellationToken);
        return added;
    }

    private static PlannedResponse Generated(QuestionnaireDefinition definition, string city, int year, ResponseStatus status) =>
        new(city, status, DemoAnswerGenerator.For(definition, city, PopulationBands.For(DemoEditionCities.Population(city, year))));

    private static Dictionary<string, AnswerValue> FirstAnswers(Dictionary<string, AnswerValue> answers, int count) =>
        answers.Where(a => !a.Key.Contains('/', StringComparison.Ordinal) && a.Key != DemoGoodPractice.GroupCode)
            .Take(count)
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

    private async Task<int> SeedOtherCitiesAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Cities.Select(c => c.Slug).ToListAsync(cancellationToken);
        var missing = DemoEditionCities.Others.Where(c => !existing.Contains(City.Slugify(c.Name))).ToList();
        db.Cities.AddRange(missing.Select(c => new City(c.Name, c.Country, c.Region)));
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }

    private async Task<int> SeedEditionResponsesAsync(
        string editionCode,
        Func<QuestionnaireDefinition, IReadOnlyList<PlannedResponse>> plan,
        CancellationToken cancellationToken)
    {
        var edition = await db.Editions.SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null || edition.QuestionnaireVersion == 0)
        {
            return 0;
        }

        // The demo's responses are invented: every page showing them says so (ADR 0013). A demo installation whose
        // responses were seeded before the flag existed gets it too.
        if (!edition.HoldsDemoData)
        {
            edition.MarkDemoData();
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await db.Responses.AnyAsync(r => r.EditionId == edition.Id, cancellationToken))
        {
            return 0;
        }

        var json = await db.QuestionnaireVersions
            .Where(v => v.EditionId == edition.Id && v.Number == edition.QuestionnaireVersion)
            .Select(v => v.DefinitionJson)
            .SingleAsync(cancellationToken);
        var planned = plan(QuestionnaireJson.Parse(json).Definition!);
        var slugs = planned.Select(p => City.Slugify(p.City)).ToList();
        var cities = await db.Cities.Where(c => slugs.Contains(c.Slug)).ToDictionaryAsync(c => c.Name, cancellationToken);
        var populated = await db.CityPopulations.Where(p => p.EditionId == edition.Id).Select(p => p.CityId).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var city in planned.Select(p => cities[p.City]).Where(c => !populated.Contains(c.Id)))
        {
            db.CityPopulations.Add(new CityPopulation(city.Id, edition.Id, DemoEditionCities.Population(city.Name, edition.Year)));
            added++;
        }

        // Historical responses are dated within the edition's collection period.
        var opened = edition.OpenedAt ?? clock.GetUtcNow();
        var now = clock.GetUtcNow();
        var closed = edition.ClosedAt is { } c && c < now ? c : now; // never later than today
        var responses = planned.Select(p => (Plan: p, Response: NewResponse(edition, cities[p.City].Id, p.Status, opened, closed))).ToList();
        db.Responses.AddRange(responses.Select(r => r.Response));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (p, response) in responses)
        {
            db.Answers.AddRange(p.Answers.Select(a => new Answer(response.Id, a.Key, a.Value, edition.QuestionnaireVersion, opened, userId: null)));
            added += p.Answers.Count;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added + responses.Count;
    }

    private static Response NewResponse(Edition edition, int cityId, ResponseStatus status, DateTimeOffset opened, DateTimeOffset closed)
    {
        var response = new Response(edition.Id, cityId, edition.QuestionnaireVersion, opened);
        if (status == ResponseStatus.Draft)
        {
            return response;
        }

        // A month after opening, a week to return, two to approve; squeezed into the time there was (an edition opened
        // today gets events of today, never of next month).
        var submitted = Within(opened, TimeSpan.FromDays(30), opened, closed);
        response.Submit(submitted);
        if (status == ResponseStatus.Returned)
        {
            response.ReturnToCity(Within(submitted, TimeSpan.FromDays(7), submitted, closed));
        }
        else if (status == ResponseStatus.Approved)
        {
            response.Approve(Within(submitted, TimeSpan.FromDays(14), submitted, closed));
        }

        return response;
    }

    // `after` past `from`, but no later than halfway to `latest` when the wanted gap does not fit.
    private static DateTimeOffset Within(DateTimeOffset from, TimeSpan after, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var room = latest > from ? latest - from : TimeSpan.Zero;
        var at = from + (after < room ? after : room / 2);
        return at < earliest ? earliest : at;
    }
}
