using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Abstractions;

/// <summary>Questionnaires as XLSForm workbooks (sheets survey, choices, settings): see docs/questionnaire-format.md.</summary>
public interface IQuestionnaireSpreadsheet
{
    void Write(QuestionnaireDefinition definition, Stream output, int? version = null);

    /// <summary>Reads a workbook. Problems name sheet, row and column; the definition is null when there is any.</summary>
    QuestionnaireSpreadsheetRead Read(Stream input);
}

/// <summary>
/// What reading a workbook gave. <see cref="Locate"/> turns a JSON path of the definition (from the validator or the
/// versioning rules) into "survey row 12, column relevant (F)", so every later problem still names its cell.
/// </summary>
public sealed record QuestionnaireSpreadsheetRead(
    QuestionnaireDefinition? Definition,
    IReadOnlyList<DefinitionProblem> Problems,
    Func<string, string> Locate);
