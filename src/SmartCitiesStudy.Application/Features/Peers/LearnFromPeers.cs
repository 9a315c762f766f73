using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Peers;

/// <summary>
/// An officer's "Learn from peers": for each yes/no figure of an edition where their own city is not counted "yes",
/// the cities that are (<see cref="IndicatorCalculator.NumeratorMembers"/>) and their good practices in that field.
/// Open once the city's response is approved or the edition is published; an officer sees only their own city.
/// </summary>
/// <remarks>
/// Choice figures are left out: not choosing an option (a funding source, a barrier) is not something a city lacks.
/// </remarks>
public sealed class LearnFromPeers(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, LoadPublishedStudy loadPublished, ListGoodPractices goodPractices)
{
    /// <returns>Null when the user is no officer of a city, or the edition is not open to them yet (nor exists).</returns>
    public async Task<PeerLearning?> ExecuteAsync(string editionCode, StudyUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.CityId is not { } cityId || !user.IsOfficerOf(cityId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.AsNoTracking()
            .Where(e => e.Code == editionCode)
            .Select(e => new
            {
                e.Title,
                e.Status,
                Approved = db.Responses.Where(Response.IsCountedExpression).Any(r => r.EditionId == e.Id && r.CityId == cityId),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (edition is null || !(edition.Approved || edition.Status == EditionStatus.Published)
            || await loadQuestionnaire.ExecuteAsync(editionCode, cancellationToken: cancellationToken) is not { } snapshot)
        {
            return null;
        }

        // An edition run before the portal has no per-city answers: nothing says what a city does or lacks.
        if (await loadPublished.ExecuteAsync(editionCode, cancellationToken) is not null)
        {
            return new PeerLearning(editionCode, edition.Title, []);
        }

        var definition = snapshot.Definition;
        var responses = await CountedResponses.LoadByCityAsync(db, editionCode, definition, cancellationToken);
        var members = IndicatorCalculator.NumeratorMembers(definition, [.. responses.Select(r => r.Response)]);
        var cities = await ListPeers.PeerCitiesAsync(db, responses.Select(r => r.CityId), cancellationToken);
        var practices = await goodPractices.ExecuteAsync(editionCode, cancellationToken);

        var gaps = new List<PeerGap>();
        foreach (var section in definition.Sections)
        {
            foreach (var question in section.Questions.Where(q => q.Figure is { Kind: IndicatorKind.Share } && q.Type == QuestionType.YesNo))
            {
                var counted = members.Of(question.Code) ?? [];
                var peers = counted.Select(i => responses[i].CityId).ToList();
                if (peers.Count == 0 || peers.Contains(cityId))
                {
                    continue;
                }

                gaps.Add(new PeerGap(
                    question.Code,
                    question.Title,
                    section.Title,
                    ListPeers.WithPractices(peers.Select(id => cities[id]), [.. practices.Where(p => p.Field == section.Code)])));
            }
        }

        return new PeerLearning(editionCode, edition.Title, gaps);
    }
}

/// <summary>The figures an officer's city is not counted in, each with the cities that are.</summary>
public sealed record PeerLearning(string EditionCode, string EditionTitle, IReadOnlyList<PeerGap> Gaps);

/// <summary>
/// One yes/no figure the city is not counted in: its question's <see cref="Title"/> and its section's
/// <see cref="Field"/> title, both in every language, with the cities counted "yes".
/// </summary>
public sealed record PeerGap(string IndicatorId, LocalizedText Title, LocalizedText Field, IReadOnlyList<PeerCity> Peers);
