using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Questionnaires;

/// <summary>
/// What saving a questionnaire did: stored (as a new version or in place) or refused with every problem. Warnings
/// (missing translations) never prevent saving.
/// </summary>
public sealed record SaveQuestionnaireResult(
    bool Saved,
    int VersionNumber,
    bool NewVersion,
    bool Unchanged,
    IReadOnlyList<DefinitionProblem> Problems,
    IReadOnlyList<DefinitionProblem> Warnings)
{
    public static SaveQuestionnaireResult Refused(IReadOnlyList<DefinitionProblem> problems, IReadOnlyList<DefinitionProblem>? warnings = null) =>
        new(false, 0, false, false, problems, warnings ?? []);
}
