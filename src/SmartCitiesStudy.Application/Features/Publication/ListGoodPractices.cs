using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Archive;
using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Publication;

/// <summary>
/// The good practices of an edition's approved responses, by city name then in the order the city gave them.
/// Items without a title are left out (an officer may have added one and not filled it in).
/// Callers decide who may see an unpublished edition.
/// </summary>
public sealed class ListGoodPractices(IStudyDbContextFactory dbFactory, ListParticipants participants, LoadPublishedStudy loadPublished)
{
    public const string GroupCode = "good_practices";

    public async Task<IReadOnlyList<GoodPractice>> ExecuteAsync(string editionCode, CancellationToken cancellationToken = default)
    {
        if (await loadPublished.ExecuteAsync(editionCode, cancellationToken) is { } published)
        {
            return Published(published);
        }

        var cities = (await participants.ExecuteAsync(editionCode, cancellationToken)).ToDictionary(p => p.Slug, StringComparer.Ordinal);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var answers = await (
            from x in ApprovedResponses.Of(db, editionCode)
            join a in db.Answers.AsNoTracking() on x.ResponseId equals a.ResponseId
            where a.QuestionCode == GroupCode
            select new { x.City.Slug, a.Path, a.ValueJson })
            .ToListAsync(cancellationToken);

        var practices = new List<GoodPractice>();
        foreach (var city in answers.GroupBy(a => a.Slug).Where(g => cities.ContainsKey(g.Key)).OrderBy(g => cities[g.Key].Name, StringComparer.CurrentCulture))
        {
            var values = city.ToDictionary(a => a.Path, a => AnswerValue.FromJson(a.ValueJson), StringComparer.Ordinal);
            var order = values.GetValueOrDefault(GroupCode)?.Items ?? [];
            foreach (var itemId in order)
            {
                string? Text(string field) =>
                    values.GetValueOrDefault(AnswerPath.Field(GroupCode, itemId, field)) is { } v && !v.IsEmpty
                        ? v.Text ?? (v.Codes is { Count: > 0 } codes ? codes[0] : null)
                        : null;
                if (Text("title") is not { Length: > 0 } title)
                {
                    continue;
                }

                practices.Add(new GoodPractice(
                    $"{editionCode}-{city.Key}-{itemId}",
                    editionCode,
                    cities[city.Key],
                    Text("field"),
                    title,
                    Text("description"),
                    Text("key_success_factors"),
                    Text("results"),
                    Text("website")));
            }
        }

        return practices;
    }

    /// <summary>The good practices a publication describes, by city name then in the publication's order.</summary>
    private static List<GoodPractice> Published(PublishedStudy study)
    {
        var cities = study.Participants.ToDictionary(
            p => p.Name,
            p => new Participant(City.Slugify(p.Name), p.Name, p.Country, p.Region, null, p.Band, AsPublished: true),
            StringComparer.Ordinal);
        return [.. study.GoodPractices
            .Where(p => cities.ContainsKey(p.City))
            .Select((p, i) => (Practice: p, Order: i))
            .OrderBy(x => x.Practice.City, StringComparer.CurrentCulture)
            .ThenBy(x => x.Order)
            .Select(x => new GoodPractice(
                $"{study.Edition}-{x.Practice.Id}",
                study.Edition,
                cities[x.Practice.City],
                x.Practice.Field,
                x.Practice.Title,
                x.Practice.Description,
                x.Practice.KeySuccessFactors,
                x.Practice.Results,
                x.Practice.Website))];
    }

    /// <summary>One practice by its public id (edition codes may themselves contain dashes), or null.</summary>
    public async Task<GoodPractice?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        List<string> codes;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            codes = await db.Editions.AsNoTracking().Select(e => e.Code).ToListAsync(cancellationToken);
        }

        foreach (var code in codes.Where(c => id.StartsWith(c + "-", StringComparison.Ordinal)))
        {
            if ((await ExecuteAsync(code, cancellationToken)).FirstOrDefault(p => p.Id == id) is { } practice)
            {
                return practice;
            }
        }

        return null;
    }
}
