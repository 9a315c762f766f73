using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Peers;

/// <summary>Where a figure's peers come from.</summary>
public enum PeersBasis
{
    /// <summary>The cities the figure counts in its numerator (approved responses).</summary>
    Responses,

    /// <summary>An edition run before the portal has no per-city answers: the cities of its good practices in the field.</summary>
    GoodPractices,
}

/// <summary>
/// The cities that do what a figure counts (a share's "yes", a choice's option), alphabetically, with their good
/// practices in the figure's field (<see cref="Field"/>, the questionnaire section). Never a score or a rank.
/// </summary>
public sealed record PeersOfFigure(string Edition, string Indicator, string? Option, string Field, PeersBasis Basis, IReadOnlyList<PeerCity> Cities);

/// <summary>A peer city; <see cref="AsPublished"/> when it is the city as an old publication names it (no city page).</summary>
public sealed record PeerCity(string Name, string Slug, string Country, Region Region, IReadOnlyList<PeerPractice> GoodPractices, bool AsPublished = false);

/// <summary>A good practice by its public id (<c>/good-practices/{id}</c>).</summary>
public sealed record PeerPractice(string Id, string Title);

/// <summary>The peers of a figure, or why there are none to give (unknown figure or option).</summary>
public sealed record PeersLookup(PeersOfFigure? Peers, string? Problem)
{
    public static PeersLookup NotFound(string problem) => new(null, problem);
}
