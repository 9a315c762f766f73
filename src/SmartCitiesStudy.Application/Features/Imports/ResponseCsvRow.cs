using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Imports;

/// <summary>
/// One city's row of a responses file, read: the city, its population (null when the cell is empty), the response
/// status and the answers by question code. The answers are checked with <see cref="QuestionnaireRules"/> (values,
/// limits and conditions: an answer to a hidden question is refused).
/// </summary>
internal sealed record ResponseCsvRow(int Row, string City, string Country, Region Region, long? Population, ResponseStatus Status, IReadOnlyDictionary<string, AnswerValue> Answers)
{

    /// <returns>The row, or null when its city, population or status cells are wrong (each problem is added).</returns>
    public static ResponseCsvRow? Read(CsvRecords.Record record, ResponseCsvHeader header, QuestionnaireRules rules, List<CsvProblem> problems)
    {
        var row = record.Row;
        if (record.Fields.Count != header.CellCount)
        {
            problems.Add(new CsvProblem(row, null, $"The row has {record.Fields.Count} cell(s); the header has {header.CellCount}."));
            return null;
        }

        var before = problems.Count;
        var city = header.CityCell(record, "city");
        var country = header.CityCell(record, "country");
        var regionText = header.CityCell(record, "region");
        var populationText = header.CityCell(record, "population");
        var statusText = header.CityCell(record, "status");
        var (region, population) = CityCells.Check(row, "city", city, country, regionText, populationText, problems);

        var status = ReadStatus(statusText);
        if (status is null)
        {
            problems.Add(new CsvProblem(row, "status", statusText.Length == 0
                ? "The status is missing; use draft, submitted, returned or approved."
                : $"'{statusText}' is not a status; use draft, submitted, returned or approved."));
        }

        var cityIsRight = problems.Count == before;
        var answers = ReadAnswers(record, header, rules, problems);
        return cityIsRight ? new ResponseCsvRow(row, city, country, region, population, status!.Value, answers) : null;
    }

    private static Dictionary<string, AnswerValue> ReadAnswers(CsvRecords.Record record, ResponseCsvHeader header, QuestionnaireRules rules, List<CsvProblem> problems)
    {
        var row = record.Row;
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in header.Questions)
        {
            var cell = record.Fields[column.Index];
            if (cell.Trim().Length == 0)
            {
                continue;
            }

            if (AnswerCells.TryRead(column.Question, cell, out var value, out var error))
            {
                answers[column.Question.Code] = value;
            }
            else
            {
                unreadable.Add(column.Question.Code);
                problems.Add(new CsvProblem(row, column.Name, error!));
            }
        }

        foreach (var column in header.OtherTexts)
        {
            var text = record.Fields[column.Index].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var code = column.Question.Code;
            if (answers.TryGetValue(code, out var chosen) && (chosen.Codes ?? []).Contains(Domain.Questionnaires.Question.OtherCode))
            {
                answers[code] = chosen with { Other = text };
            }
            else if (!unreadable.Contains(code))
            {
                problems.Add(new CsvProblem(row, column.Name, $"There is an \"other\" text, but '{code}' does not have the option \"other\" chosen."));
            }
        }

        // The questionnaire's own rules: options, limits, and answers to questions their condition hides.
        foreach (var problem in rules.Check(answers, requireComplete: false, refuseHidden: true))
        {
            if (problem.Code == AnswerProblemCodes.HiddenByCondition)
            {
                if (Hidden(problem.Path, answers, rules, unreadable) is { } message)
                {
                    problems.Add(new CsvProblem(row, problem.Path, message));
                }
            }
            else if (problem.Code == AnswerProblemCodes.OtherTextMissing)
            {
                problems.Add(new CsvProblem(row, problem.Path, $"\"other\" is chosen: say what it is in the column {problem.Path}{ResponseCsvHeader.OtherSuffix}."));
            }
            else
            {
                problems.Add(new CsvProblem(row, problem.Path, problem.Message));
            }
        }

        return answers;
    }

    /// <summary>Why an answer's question is hidden, in the file's terms; null when its condition depends on a cell already refused.</summary>
    private static string? Hidden(string code, Dictionary<string, AnswerValue> answers, QuestionnaireRules rules, HashSet<string> unreadable)
    {
        rules.TryResolve(code, out var question, out _, out _);
        var condition = question.ShowWhen!;
        var parent = condition.Question;
        if (unreadable.Contains(parent))
        {
            return null;
        }

        var asked = $"it is asked only when {parent} is {string.Join(" or ", condition.AcceptedValues.Select(v => $"\"{v}\""))}";
        if (rules.TryResolve(parent, out var parentQuestion, out _, out _) && !rules.IsShown(parentQuestion, answers))
        {
            return $"Answers a question hidden because {parent} is itself hidden ({asked}).";
        }

        return answers.GetValueOrDefault(parent) is { IsEmpty: false } value
            ? $"Answers a question hidden because {parent} is \"{value.Display()}\" ({asked})."
            : $"Answers a question hidden because {parent} is not answered ({asked}).";
    }

    private static ResponseStatus? ReadStatus(string text) => text.ToLowerInvariant() switch
    {
        "draft" => ResponseStatus.Draft,
        "submitted" => ResponseStatus.Submitted,
        "returned" => ResponseStatus.Returned,
        "approved" => ResponseStatus.Approved,
        _ => null,
    };
}
