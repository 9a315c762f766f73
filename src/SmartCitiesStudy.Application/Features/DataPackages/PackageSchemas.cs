using System.Text.RegularExpressions;
using SmartCitiesStudy.Application.Features.Exports;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.DataPackages;

/// <summary>
/// The Table Schemas of the package's four resources (ADR 0029). Choice answers are constrained to the option codes
/// (an enum; a multiple choice's codes joined by | a pattern), percents to 0–100, counts to whole numbers from 0.
/// Cities are keyed by name and country (unique in the portal); responses and indicators refer to them and to the
/// questions by foreign keys.
/// </summary>
public static class PackageSchemas
{
    public static readonly IReadOnlyList<string> CityColumns = ["name", "country", "region", "population_band"];

    public static readonly IReadOnlyList<string> QuestionColumns = ["code", "section", "subsection", "type", "options", "condition", "title_en", "title_es", "title_fr"];

    private static readonly IReadOnlyList<string> Regions = [.. Enum.GetValues<Region>().Select(r => r.ToString())];

    private static readonly IReadOnlyList<string> Bands = [.. PopulationBands.All.Select(b => b.Code())];

    public static TableSchema Cities() => new(
        [
            new TableField("name", "string", "The city's name.") { Required = true },
            new TableField("country", "string", "The city's country.") { Required = true },
            new TableField("region", "string", "World region.") { Required = true, Enum = Regions },
            new TableField("population_band", "string", "Population band for the edition (empty when no population is recorded).") { Enum = Bands },
        ],
        ["name", "country"],
        []);

    public static TableSchema Questions() => new(
        [
            new TableField("code", "string", "The question code: the column of responses.csv and the id of its figures.") { Required = true },
            new TableField("section", "string", "Code of the questionnaire section.") { Required = true },
            new TableField("subsection", "string", "Code of the subsection.") { Required = true },
            new TableField("type", "string", "Answer type.") { Required = true, Enum = [.. Enum.GetValues<QuestionType>().Select(t => t.Code())] },
            new TableField("options", "string", "Option codes of a choice question, joined by |."),
            new TableField("condition", "string", "When the question is asked: 'question = value' or 'question in a|b'; empty when always."),
            new TableField("title_en", "string", "The question in English.") { Required = true },
            new TableField("title_es", "string", "The question in Spanish."),
            new TableField("title_fr", "string", "The question in French."),
        ],
        ["code"],
        []);

    /// <param name="questions">The questions whose codes the responses' columns are (groups excluded).</param>
    public static TableSchema Responses(IReadOnlyList<Question> questions)
    {
        var fields = new List<TableField>
        {
            new("city", "string", "The city's name.") { Required = true },
            new("country", "string", "The city's country.") { Required = true },
            new("region", "string", "World region.") { Required = true, Enum = Regions },
            new("population", "integer", "Population recorded for the edition.") { Minimum = 0 },
            new("band", "string", "Population band.") { Enum = Bands },
        };
        fields.AddRange(questions.Select(AnswerField));
        return new TableSchema(
            fields,
            ["city", "country"],
            [new TableForeignKey(["city", "country"], "cities", ["name", "country"])]);
    }

    /// <param name="linkToQuestions">Whether every figure's id is a question code (not so for some archived publications).</param>
    public static TableSchema Indicators(bool linkToQuestions) => new(
        [
            new TableField("edition", "string", "The edition's code.") { Required = true },
            new TableField("id", "string", "The figure: the question code.") { Required = true },
            new TableField("kind", "string", "share (x of N said yes), choice (x of N named the option) or mean.") { Required = true, Enum = ["share", "choice", "mean"] },
            new TableField("option", "string", "A choice's option code; 'all' for shares and means.") { Required = true },
            new TableField("group_by", "string", "The breakdown: all, region or population_band.") { Required = true, Enum = [IndicatorRow.All, IndicatorRows.ByRegion, IndicatorRows.ByPopulationBand] },
            new TableField("group", "string", "The region or population band; 'all' without breakdown.") { Required = true, Enum = [IndicatorRow.All, .. Regions, .. Bands] },
            new TableField("numerator", "integer", "x: the cities counted.") { Minimum = 0 },
            new TableField("denominator", "integer", "N: the cities that answered (for a mean, its n).") { Minimum = 0 },
            new TableField("percent", "number", "x of N in percent, one decimal, half away from zero.") { Minimum = 0, Maximum = 100 },
            new TableField("mean", "number", "The mean of a number question."),
            new TableField("median", "number", "The median of a number question."),
        ],
        ["id", "option", "group_by", "group"],
        linkToQuestions ? [new TableForeignKey(["id"], "questions", ["code"])] : []);

    private static TableField AnswerField(Question question)
    {
        var title = question.Title.Get("en");
        return question.Type switch
        {
            QuestionType.YesNo => new TableField(question.Code, "string", title) { Enum = ["yes", "no"] },
            QuestionType.SingleChoice => new TableField(question.Code, "string", title) { Enum = OptionCodes(question) },
            QuestionType.MultipleChoice => new TableField(question.Code, "string", title + " (option codes joined by |)") { Pattern = CodesJoined(OptionCodes(question)) },
            QuestionType.Number => new TableField(question.Code, "number", title) { Minimum = question.Min, Maximum = question.Max },
            _ => new TableField(question.Code, "string", title),
        };
    }

    private static List<string> OptionCodes(Question question) =>
        [.. question.Options.Select(o => o.Code), .. question.AllowOther ? [Question.OtherCode] : Array.Empty<string>()];

    private static string CodesJoined(IReadOnlyList<string> codes)
    {
        var one = "(" + string.Join('|', codes.Select(Regex.Escape)) + ")";
        return one + "(\\|" + one + ")*";
    }

    /// <summary>The questions that are columns of the responses table, in its order.</summary>
    public static List<Question> AnswerQuestions(QuestionnaireDefinition definition) =>
        [.. definition.Questions.Where(q => q.Type != QuestionType.Group)];

    /// <summary>Checked at build time: the responses export's columns are the ones this schema describes.</summary>
    public static bool Describes(TableSchema schema, ResponseTable table) =>
        schema.Fields.Select(f => f.Name).SequenceEqual(table.Columns, StringComparer.Ordinal);

    /// <summary>Whether the document's figures can all point at a question.</summary>
    public static bool IdsAreQuestions(IndicatorDocument document, IReadOnlyCollection<string> questionCodes) =>
        document.Indicators.All(i => questionCodes.Contains(i.Id));
}
