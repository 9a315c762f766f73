using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Responses;

/// <summary>
/// A stored answer as the form needs it: the value and the version its next save must name; <see cref="CopiedFrom"/>
/// names the earlier edition it was copied from while it waits to be confirmed.
/// </summary>
public sealed record StoredAnswer(AnswerValue Value, int Version, string? UpdatedBy, DateTimeOffset UpdatedAt, string? CopiedFrom = null);

/// <summary>Everything the form needs to show a city's response: questionnaire, answers, status, whether editable.</summary>
public sealed record ResponseSession(
    int ResponseId,
    string EditionCode,
    string EditionTitle,
    EditionStatus EditionStatus,
    DateOnly? Deadline,
    int CityId,
    string CityName,
    ResponseStatus Status,
    int ResponseVersion,
    bool Editable,
    string? NotEditableReason,
    QuestionnaireDefinition Questionnaire,
    int QuestionnaireVersion,
    IReadOnlyDictionary<string, StoredAnswer> Answers,
    ReturnMessage? ReturnMessage = null);
