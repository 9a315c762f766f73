namespace SmartCitiesStudy.Application.Features.Facts;

/// <summary>
/// The facts of an edition as readers see them (page and study PDF). For an edition run in the portal, an empty
/// collection period or publication date falls back to its dates (<see cref="CollectedFrom"/>, <see cref="CollectedUntil"/>,
/// <see cref="PublishedOn"/>); an archived edition's dates are not facts of its publication, so it has none.
/// </summary>
public sealed record EditionFactsView(
    string EditionCode,
    string? PublishingBody,
    string? CollectionPeriod,
    string? PublicationDate,
    string? Methodology,
    DateOnly? CollectedFrom = null,
    DateOnly? CollectedUntil = null,
    DateOnly? PublishedOn = null,
    bool ChangedBySecretariat = false,
    bool QuestionnaireReconstructed = false)
{
    public bool IsEmpty => PublishingBody is null && CollectionPeriod is null && PublicationDate is null && Methodology is null
        && CollectedFrom is null && CollectedUntil is null && PublishedOn is null;
}
