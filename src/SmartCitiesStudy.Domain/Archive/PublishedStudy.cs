using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Domain.Archive;

/// <summary>
/// An edition as its publication states it, and nothing more: what the publication does not give is null or absent.
/// Cities carry no answers: the publication gives figures over all cities, never one city's answers.
/// <see cref="PublishingBody"/> and <see cref="Methodology"/> are facts of the edition (who published it, how the
/// data was collected); <see cref="QuestionnaireReconstructed"/> says the portal's questionnaire of the edition is
/// a reconstruction, not the original form (ADR 0004). <see cref="PublishingBody"/>, <see cref="Methodology"/>,
/// <see cref="PublicationDate"/> and <see cref="CollectionPeriod"/> are shipped as the edition's facts
/// (<c>EditionFacts</c>), which the secretariat may change.
/// </summary>
public sealed record PublishedStudy(
    string Edition,
    int Respondents,
    string Publication,
    IReadOnlyList<PublishedField> Fields,
    IReadOnlyList<PublishedParticipant> Participants,
    IReadOnlyList<PublishedFigure> Figures,
    IReadOnlyList<PublishedGoodPractice> GoodPractices,
    string? PublishingBody = null,
    string? Methodology = null,
    bool QuestionnaireReconstructed = false,
    string? PublicationDate = null,
    string? CollectionPeriod = null);

/// <summary>A field (axis) of study as the publication names it.</summary>
public sealed record PublishedField(string Code, string Title);

/// <summary>A participating city as printed: name, country, region and population band (no population figure).</summary>
public sealed record PublishedParticipant(string Name, string Country, Region Region, PopulationBand Band);

/// <summary>
/// One figure as printed. <see cref="Kind"/> is share, choice or mean; numbers the publication does not give are null;
/// <see cref="Percent"/> (or <see cref="Mean"/>) is the printed one. <see cref="Note"/> explains a printed figure
/// that cannot be reproduced (ADR 0005).
/// </summary>
public sealed record PublishedFigure(
    string Id,
    string Kind,
    int? Numerator = null,
    int? Denominator = null,
    decimal? Percent = null,
    decimal? Mean = null,
    IReadOnlyList<PublishedOption>? Options = null,
    string? Note = null);

/// <summary>One option of a published choice figure.</summary>
public sealed record PublishedOption(string Code, int? Numerator, decimal? Percent);

/// <summary>
/// A good practice the publication describes: city, field, title, website and figures as published; description,
/// key success factors and results summarised in our own words.
/// </summary>
public sealed record PublishedGoodPractice(
    string Id,
    string City,
    string Field,
    string Title,
    string Description,
    string? KeySuccessFactors,
    string? Results,
    string? Website);
