using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>An edition as lists show it.</summary>
public sealed record EditionSummary(
    int Id,
    string Code,
    string Title,
    string Theme,
    int Year,
    EditionStatus Status,
    DateOnly? Deadline,
    int ApprovedResponses,
    int QuestionnaireVersion = 0,
    int Version = 0);
