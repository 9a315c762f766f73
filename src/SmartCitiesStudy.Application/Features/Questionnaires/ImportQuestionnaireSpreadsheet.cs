using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Questionnaires;

/// <summary>
/// Stores an edition's questionnaire from an XLSForm workbook through <see cref="SaveQuestionnaire"/> (same rules,
/// same versioning). Every problem names sheet, row and column; nothing is stored on any error.
/// </summary>
public sealed class ImportQuestionnaireSpreadsheet(SaveQuestionnaire save, IQuestionnaireSpreadsheet spreadsheet)
{
    public async Task<SaveQuestionnaireResult> ExecuteAsync(string editionCode, Stream workbook, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return SaveQuestionnaireResult.Refused([new DefinitionProblem("$", "Only the secretariat can change questionnaires.")]);
        }

        var read = spreadsheet.Read(workbook);
        if (read.Definition is null)
        {
            return SaveQuestionnaireResult.Refused(read.Problems);
        }

        var result = await save.ExecuteAsync(editionCode, QuestionnaireJson.Write(read.Definition), user, cancellationToken);
        return result with
        {
            Problems = [.. result.Problems.Select(p => p with { Path = read.Locate(p.Path) })],
            Warnings = [.. result.Warnings.Select(p => p with { Path = read.Locate(p.Path) })],
        };
    }
}
