using System.Globalization;
using MiniExcelLibs;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Questionnaires;
using static SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm.XlsFormColumns;

namespace SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm;

/// <summary>
/// Reads an XLSForm workbook written by <see cref="XlsFormWriter"/> (or by hand, following the same conventions) back
/// into a questionnaire definition. Every problem names its sheet, row and column; the validator's later problems are
/// placed through <see cref="QuestionnaireSpreadsheetRead.Locate"/>.
/// </summary>
public static class XlsFormReader
{
    private static readonly string[] SurveyKnown = [TypeColumn, Name, Required, Relevant, ConstraintColumn, Appearance, Decimals, Indicator, MinItems, MaxItems, SameAs];
    private static readonly string[] SurveyTranslated = [Label, Hint, Unit, IndicatorLabel, ItemTitle];

    public static QuestionnaireSpreadsheetRead Read(Stream input)
    {
        var problems = new List<DefinitionProblem>();
        var places = new Dictionary<string, (XlsFormSheet Sheet, int Row)>(StringComparer.Ordinal);
        var buffer = new MemoryStream();
        input.CopyTo(buffer);
        XlsFormSheet? survey, choices, settings;
        try
        {
            buffer.Position = 0;
            var names = buffer.GetSheetNames();
            XlsFormSheet? Load(string name, string[] known, string[] translated)
            {
                var sheetName = names.FirstOrDefault(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase));
                if (sheetName is null)
                {
                    return null;
                }

                buffer.Position = 0;
                var rows = buffer.Query(useHeaderRow: false, sheetName: sheetName).Cast<IDictionary<string, object?>>().ToList();
                return new XlsFormSheet(name, rows, known, translated, problems);
            }

            survey = Load(Survey, SurveyKnown, SurveyTranslated);
            choices = Load(Choices, [ListName, Name, SameAs], [Label]);
            settings = Load(Settings, [FormTitle, FormId, VersionColumn, DefaultLanguage], [Intro, FormTitle]);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or ArgumentException or NotSupportedException or System.Xml.XmlException)
        {
            return Failed([new DefinitionProblem("workbook", "The file is not an Excel workbook (.xlsx) the portal can read.")]);
        }

        if (survey is null || settings is null)
        {
            return Failed([new DefinitionProblem("workbook", $"The workbook needs the sheets '{Survey}', '{Choices}' and '{Settings}' (XLSForm); '{(survey is null ? Survey : Settings)}' is missing.")]);
        }

        var lists = ReadChoices(choices, problems);
        var sections = new Surveyor(survey, lists, problems).Read();
        var head = settings.Rows.FirstOrDefault();
        if (head is null)
        {
            problems.Add(new DefinitionProblem($"{Settings} row 2", "The settings sheet needs a row with form_title and form_id."));
            return Failed(problems);
        }

        var language = head.Get(DefaultLanguage)?.Trim();
        if (language is not null && language is not ("en" or "English" or "English (en)"))
        {
            problems.Add(new DefinitionProblem(head.Where(DefaultLanguage), "The default language is English (en): English texts are required, Spanish and French fall back to them."));
        }

        var formTitle = head.Text(FormTitle);
        var definition = new QuestionnaireDefinition
        {
            Edition = head.Get(FormId)?.Trim() ?? string.Empty,
            Title = formTitle ?? null!,
            Intro = head.Text(Intro),
            Sections = [.. sections.Select(s => s.Build())],
        };

        places["$"] = (settings, head.Number);
        for (var i = 0; i < sections.Count; i++)
        {
            sections[i].Place($"$.sections[{i}]", places);
        }

        string Locate(string path) => XlsFormLocator.Locate(path, places);
        return problems.Count > 0
            ? new QuestionnaireSpreadsheetRead(null, problems, Locate)
            : new QuestionnaireSpreadsheetRead(definition, [], Locate);
    }

    private static QuestionnaireSpreadsheetRead Failed(List<DefinitionProblem> problems) => new(null, problems, path => path);

    private static Dictionary<string, List<(XlsFormSheet.Row Row, ChoiceOption Option)>> ReadChoices(XlsFormSheet? sheet, List<DefinitionProblem> problems)
    {
        var lists = new Dictionary<string, List<(XlsFormSheet.Row, ChoiceOption)>>(StringComparer.Ordinal);
        foreach (var row in sheet?.Rows ?? [])
        {
            var list = row.Get(ListName)?.Trim();
            if (list is null)
            {
                problems.Add(new DefinitionProblem(row.Where(ListName), "Every choice needs the list it belongs to."));
                continue;
            }

            if (!lists.TryGetValue(list, out var options))
            {
                lists[list] = options = [];
            }

            options.Add((row, new ChoiceOption(row.Get(Name)?.Trim() ?? string.Empty, row.Text(Label) ?? null!) { SameAs = row.Get(SameAs)?.Trim() }));
        }

        return lists;
    }

    internal static int? Whole(XlsFormSheet.Row row, string column, List<DefinitionProblem> problems)
    {
        var text = row.Get(column)?.Trim();
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) && number is >= 0 and <= 100_000)
        {
            return (int)number;
        }

        problems.Add(new DefinitionProblem(row.Where(column), $"'{text}' is not a whole number."));
        return null;
    }
}
