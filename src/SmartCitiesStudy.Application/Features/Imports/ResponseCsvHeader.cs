using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Imports;

/// <summary>
/// The columns of a responses file: <c>city,country,region,population,status</c> (all required), an optional
/// <c>band</c> (written by the export, ignored: the band follows from the population), then any top-level question
/// codes of the edition's questionnaire and <c>CODE_other</c> for the "other" text of choice questions that have one.
/// </summary>
internal sealed class ResponseCsvHeader
{
    public const string BandColumn = "band";
    public const string OtherSuffix = "_other";
    public static readonly IReadOnlyList<string> CityColumns = ["city", "country", "region", "population", "status"];

    private readonly Dictionary<string, int> _cityColumns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<QuestionColumn> _questions = [];
    private readonly List<QuestionColumn> _otherTexts = [];

    private ResponseCsvHeader(int cellCount) => CellCount = cellCount;

    /// <summary>A column that answers <see cref="Question"/> (or holds its "other" text).</summary>
    public sealed record QuestionColumn(int Index, string Name, Question Question);

    public int CellCount { get; }

    public IReadOnlyList<QuestionColumn> Questions => _questions;

    public IReadOnlyList<QuestionColumn> OtherTexts => _otherTexts;

    /// <summary>Where a column is in the file, to list a row's problems from left to right; -1 for the whole row.</summary>
    public int IndexOf(string? column) => column is null ? -1 : _indexes.GetValueOrDefault(column, int.MaxValue);

    /// <summary>The trimmed cell of a city column (city, country, region, population, status).</summary>
    public string CityCell(CsvRecords.Record record, string column) =>
        _cityColumns.TryGetValue(column, out var index) && index < record.Fields.Count ? record.Fields[index].Trim() : string.Empty;

    public static ResponseCsvHeader Read(CsvRecords.Record header, QuestionnaireDefinition definition, string editionCode, List<CsvProblem> problems)
    {
        var result = new ResponseCsvHeader(header.Fields.Count);
        if (header.Fields.Count == 1 && header.Fields[0].Contains(';', StringComparison.Ordinal))
        {
            problems.Add(new CsvProblem(header.Row, null, "The columns are separated by ';'. Save the file with commas between columns (CSV UTF-8)."));
            return result;
        }

        var questions = definition.Questions.ToDictionary(q => q.Code, StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (name.Length == 0)
            {
                problems.Add(new CsvProblem(header.Row, $"#{i + 1}", "The column has no name."));
                continue;
            }

            if (!result._indexes.TryAdd(name, i))
            {
                problems.Add(new CsvProblem(header.Row, name, "The column appears twice."));
                continue;
            }

            if (CityColumns.Contains(name))
            {
                result._cityColumns[name] = i;
            }
            else if (name == BandColumn)
            {
                // Written by the export; the band is worked out from the population, so the cell is not read.
            }
            else if (questions.TryGetValue(name, out var question))
            {
                if (question.Type == QuestionType.Group)
                {
                    problems.Add(new CsvProblem(header.Row, name, $"'{name}' is a list of items (such as good practices), which cannot be imported from CSV; enter them in the form."));
                }
                else
                {
                    result._questions.Add(new QuestionColumn(i, name, question));
                }
            }
            else if (name.EndsWith(OtherSuffix, StringComparison.Ordinal) && questions.TryGetValue(name[..^OtherSuffix.Length], out var chosen))
            {
                if (chosen.Type.IsChoice() && chosen.AllowOther)
                {
                    result._otherTexts.Add(new QuestionColumn(i, name, chosen));
                }
                else
                {
                    problems.Add(new CsvProblem(header.Row, name, $"'{chosen.Code}' has no \"other\" option, so it takes no \"other\" text."));
                }
            }
            else if (definition.Questions.FirstOrDefault(g => g.Type == QuestionType.Group && g.Questions.Any(f => f.Code == name)) is { } group)
            {
                problems.Add(new CsvProblem(header.Row, name, $"'{name}' is a field of '{group.Code}', a list of items, which cannot be imported from CSV; enter them in the form."));
            }
            else
            {
                problems.Add(new CsvProblem(header.Row, name, $"Unknown column: there is no question '{name}' in the questionnaire of edition {editionCode}."));
            }
        }

        foreach (var required in CityColumns.Where(c => !result._cityColumns.ContainsKey(c)))
        {
            problems.Add(new CsvProblem(header.Row, required, "This column is required."));
        }

        return result;
    }
}
