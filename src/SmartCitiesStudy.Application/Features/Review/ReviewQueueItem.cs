using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>A response in the reviewers' list.</summary>
public sealed record ReviewQueueItem(int ResponseId, string EditionCode, string CityName, string Country, ResponseStatus Status, DateTimeOffset? SubmittedAt, DateTimeOffset LastActivityAt);
