using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Responses;

/// <summary>One edition on an officer's home page: its status for the city, progress, deadline.</summary>
public sealed record MyQuestionnaire(
    string EditionCode,
    string EditionTitle,
    string Theme,
    EditionStatus EditionStatus,
    DateOnly? Deadline,
    int? ResponseId,
    ResponseStatus? Status,
    int PercentComplete,
    int OpenComments,
    ReturnMessage? ReturnMessage = null)
{
    public bool NotStarted => ResponseId is null;
}
