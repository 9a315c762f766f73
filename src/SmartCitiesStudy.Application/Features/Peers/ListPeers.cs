using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Peers;

/// <summary>
/// "Cities that do this": the cities a figure counts in its numerator, asked of the indicators engine
/// (<see cref="IndicatorCalculator.NumeratorMembers"/>) so they are exactly the x of "x of N", with their good
/// practices in the figure's field. An edition run before the portal (ADR 0013) has no per-city answers: its peers are
/// the cities of its good practices in that field (<see cref="PeersBasis.GoodPractices"/>). Callers decide who may see
/// an unpublished edition.
/// </summary>
public sealed class ListPeers(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, LoadPublishedStudy loadPublished, ListGoodPractices goodPractices)
{
    /// <summary>Names sort the same whatever the reader's language, so the API's order is stable.</summary>
    public static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);

    /// <param name="option">A choice figure's option code; none for a share.</param>
    public async Task<PeersLookup> ExecuteAsync(string editionCode, string indicatorId, string? option, CancellationToken cancellationToken = default)
    {
        var lookups = await LookUpAsync(editionCode, indicatorId, [option], cancellationToken);
        return lookups[0];
    }

    /// <summary>A share's peers, or a choice's peers for each of its options in questionnaire order (the reader page).</summary>
    public async Task<IReadOnlyList<PeersLookup>> ForEveryOptionAsync(string editionCode, string indicatorId, CancellationToken cancellationToken = default)
    {
        var snapshot = await loadQuestionnaire.ExecuteAsync(editionCode, cancellationToken: cancellationToken);
        if (snapshot?.Definition.Find(indicatorId) is not { Figure: { } figure } question)
        {
            return [PeersLookup.NotFound($"Edition '{editionCode}' has no figure '{indicatorId}'.")];
        }

        string?[] options = figure.Kind == IndicatorKind.Choice
            ? [.. question.Options.Select(o => o.Code), .. question.AllowOther ? [Question.OtherCode] : Array.Empty<string>()]
            : [null];
        return await LookUpAsync(editionCode, indicatorId, options, cancellationToken);
    }

    private async Task<IReadOnlyList<PeersLookup>> LookUpAsync(string editionCode, string indicatorId, IReadOnlyList<string?> options, CancellationToken cancellationToken)
    {
        var snapshot = await loadQuestionnaire.ExecuteAsync(editionCode, cancellationToken: cancellationToken);
        var definition = snapshot?.Definition;
        if (definition?.Find(indicatorId) is not { Figure: { Kind: IndicatorKind.Share or IndicatorKind.Choice } figure } question
            || definition.SectionOf(indicatorId) is not { } section)
        {
            return [.. options.Select(_ => PeersLookup.NotFound($"Edition '{editionCode}' has no share or choice figure '{indicatorId}'."))];
        }

        var practices = (await goodPractices.ExecuteAsync(editionCode, cancellationToken))
            .Where(p => p.Field == section.Code)
            .ToList();
        if (await loadPublished.ExecuteAsync(editionCode, cancellationToken) is { } published)
        {
            return [.. options.Select(option =>
                !published.Figures.Any(f => f.Id == indicatorId) ? PeersLookup.NotFound($"Edition '{editionCode}' published no figure '{indicatorId}'.")
                : OptionProblem(question, figure.Kind, option) is { } problem ? PeersLookup.NotFound(problem)
                : new PeersLookup(new PeersOfFigure(editionCode, indicatorId, option, section.Code, PeersBasis.GoodPractices, ArchivedPeers(practices)), null))];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var responses = await CountedResponses.LoadByCityAsync(db, editionCode, definition, cancellationToken);
        var members = IndicatorCalculator.NumeratorMembers(definition, [.. responses.Select(r => r.Response)]);
        var cities = await PeerCitiesAsync(db, responses.Select(r => r.CityId), cancellationToken);
        return [.. options.Select(option =>
            OptionProblem(question, figure.Kind, option) is { } problem ? PeersLookup.NotFound(problem)
            : members.Of(indicatorId, option) is not { } counted ? PeersLookup.NotFound($"Figure '{indicatorId}' has no option '{option}'.")
            : new PeersLookup(
                new PeersOfFigure(editionCode, indicatorId, option, section.Code, PeersBasis.Responses, WithPractices(counted.Select(i => cities[responses[i].CityId]), practices)),
                null))];
    }

    /// <summary>The cities of the given ids (name, slug, country, region), by id.</summary>
    internal static async Task<Dictionary<int, PeerCity>> PeerCitiesAsync(IStudyDbContext db, IEnumerable<int> cityIds, CancellationToken cancellationToken)
    {
        var ids = cityIds.Distinct().ToList();
        var rows = await db.Cities.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Slug, c.Country, c.Region })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(c => c.Id, c => new PeerCity(c.Name, c.Slug, c.Country, c.Region, []));
    }

    /// <summary>The cities alphabetically, each with its practices of the field in the order it gave them.</summary>
    internal static List<PeerCity> WithPractices(IEnumerable<PeerCity> cities, IReadOnlyList<GoodPractice> practicesOfField) =>
    [
        .. cities
            .OrderBy(c => c.Name, NameOrder)
            .Select(c => c with
            {
                GoodPractices = [.. practicesOfField.Where(p => p.City.Slug == c.Slug).Select(p => new PeerPractice(p.Id, p.Title))],
            }),
    ];

    private static List<PeerCity> ArchivedPeers(IReadOnlyList<GoodPractice> practicesOfField) =>
        WithPractices(
            practicesOfField
                .GroupBy(p => p.City.Slug, StringComparer.Ordinal)
                .Select(g => g.First().City)
                .Select(c => new PeerCity(c.Name, c.Slug, c.Country, c.Region, [], c.AsPublished)),
            practicesOfField);

    private static string? OptionProblem(Question question, IndicatorKind kind, string? option) => (kind, option) switch
    {
        (IndicatorKind.Share, not null) => $"Figure '{question.Code}' is a share: it has no options (leave out ?option=).",
        (IndicatorKind.Choice, null) => $"Figure '{question.Code}' is a choice: give ?option= one of {string.Join(", ", Codes(question))}.",
        (IndicatorKind.Choice, { } code) when !Codes(question).Contains(code, StringComparer.Ordinal) =>
            $"Figure '{question.Code}' has no option '{code}': it has {string.Join(", ", Codes(question))}.",
        _ => null,
    };

    private static IEnumerable<string> Codes(Question question) =>
        question.AllowOther ? question.Options.Select(o => o.Code).Append(Question.OtherCode) : question.Options.Select(o => o.Code);
}
