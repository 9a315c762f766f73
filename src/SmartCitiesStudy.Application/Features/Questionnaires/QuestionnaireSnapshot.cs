using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Questionnaires;

/// <summary>An edition's questionnaire as stored: the definition and which version it is.</summary>
public sealed record QuestionnaireSnapshot(
    string EditionCode,
    EditionStatus EditionStatus,
    int VersionNumber,
    bool IsCurrent,
    QuestionnaireDefinition Definition);
