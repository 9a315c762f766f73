namespace SmartCitiesStudy.Application.Features.Publication;

/// <summary>
/// A good practice as a city described it: one item of the <c>good_practices</c> group of an approved response.
/// <see cref="Id"/> is public and stable: <c>{edition}-{city slug}-{item id}</c>, e.g. <c>2017-bilbao-k3f9a2c1d0</c>.
/// <see cref="Field"/> is the option code of the study field (e.g. <c>innovation</c>); texts are as typed.
/// </summary>
public sealed record GoodPractice(
    string Id,
    string EditionCode,
    Participant City,
    string? Field,
    string Title,
    string? Description,
    string? KeySuccessFactors,
    string? Results,
    string? Website);
