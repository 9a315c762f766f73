using System.Data;
using System.Globalization;
using MiniExcelLibs;
using SmartCitiesStudy.Domain.Questionnaires;
using static SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm.XlsFormColumns;

namespace SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm;

/// <summary>
/// Writes a questionnaire as an XLSForm workbook: sheets <c>survey</c>, <c>choices</c> and <c>settings</c>. Sections and
/// subsections are groups, the good practices a repeat, yes/no a <c>select_one yes_no</c>, conditions
/// <c>relevant</c> expressions. <see cref="XlsFormReader"/> reads it back to the same definition.
/// </summary>
public static class XlsFormWriter
{
    public static void Write(QuestionnaireDefinition definition, Stream output, int? version = null)
    {
        var survey = NewTable(SurveyColumns());
        var choices = NewTable([ListName, Name, .. Languages.Select(l => Translated(Label, l.Code)), SameAs]);
        var lists = new HashSet<string>(StringComparer.Ordinal);
        var writer = new Rows(survey, choices, lists);

        foreach (var section in definition.Sections)
        {
            writer.Group("begin_group", section.Code, section.Title, section.Intro);
            foreach (var sub in section.Subsections)
            {
                writer.Group("begin_group", sub.Code, sub.Title, sub.Help);
                foreach (var question in sub.Questions)
                {
                    writer.Question(question, listPrefix: null);
                }

                writer.End("end_group");
            }

            writer.End("end_group");
        }

        var settings = NewTable([
            FormTitle, .. Languages.Skip(1).Select(l => Translated(FormTitle, l.Code)),
            FormId, VersionColumn, DefaultLanguage, .. Languages.Select(l => Translated(Intro, l.Code)),
        ]);
        var row = settings.NewRow();
        row[FormTitle] = definition.Title.En;
        foreach (var (code, _) in Languages.Skip(1))
        {
            row[Translated(FormTitle, code)] = definition.Title.Exact(code);
        }

        row[FormId] = definition.Edition;
        row[VersionColumn] = version?.ToString(CultureInfo.InvariantCulture);
        row[DefaultLanguage] = Languages[0].Name;
        SetText(row, Intro, definition.Intro);
        settings.Rows.Add(row);

        var sheets = new Dictionary<string, object> { [Survey] = survey, [Choices] = choices, [Settings] = settings };
        output.SaveAs(sheets);
    }

    private static List<string> SurveyColumns() =>
    [
        TypeColumn, Name, .. Languages.Select(l => Translated(Label, l.Code)), .. Languages.Select(l => Translated(Hint, l.Code)),
        Required, Relevant, ConstraintColumn, Appearance, Decimals, .. Languages.Select(l => Translated(Unit, l.Code)),
        Indicator, .. Languages.Select(l => Translated(IndicatorLabel, l.Code)),
        MinItems, MaxItems, .. Languages.Select(l => Translated(ItemTitle, l.Code)), SameAs,
    ];

    private static DataTable NewTable(IEnumerable<string> columns)
    {
        var table = new DataTable();
        foreach (var column in columns)
        {
            table.Columns.Add(column, typeof(string));
        }

        return table;
    }

    private static void SetText(DataRow row, string column, LocalizedText? text)
    {
        foreach (var (code, _) in Languages)
        {
            row[Translated(column, code)] = text?.Exact(code);
        }
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Rows(DataTable survey, DataTable choices, HashSet<string> lists)
    {
        public void Group(string type, string code, LocalizedText title, LocalizedText? hint)
        {
            var row = survey.NewRow();
            row[TypeColumn] = type;
            row[Name] = code;
            SetText(row, Label, title);
            SetText(row, Hint, hint);
            survey.Rows.Add(row);
        }

        public void End(string type)
        {
            var row = survey.NewRow();
            row[TypeColumn] = type;
            survey.Rows.Add(row);
        }

        public void Question(Question q, string? listPrefix)
        {
            var row = survey.NewRow();
            row[Name] = q.Code;
            SetText(row, Label, q.Title);
            SetText(row, Hint, q.Help);
            row[Required] = q.Required ? "yes" : null;
            row[SameAs] = q.SameAs;
            row[Relevant] = q.ShowWhen is { } when ? XlsFormExpressions.Relevant(when) : null;
            var constraints = new List<string>();
            switch (q.Type)
            {
                case QuestionType.YesNo:
                    row[TypeColumn] = "select_one " + YesNoList;
                    YesNoChoices();
                    break;
                case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                    var list = ListFor(listPrefix is null ? q.Code : $"{listPrefix}_{q.Code}");
                    row[TypeColumn] = (q.Type == QuestionType.SingleChoice ? "select_one " : "select_multiple ") + list + (q.AllowOther ? " or_other" : string.Empty);
                    foreach (var option in q.Options)
                    {
                        Choice(list, option.Code, option.Title, option.SameAs);
                    }

                    if (q.MaxChoices is { } maxChoices)
                    {
                        constraints.Add($"count-selected(.) <= {maxChoices}");
                    }

                    break;
                case QuestionType.Number:
                    row[TypeColumn] = q.EffectiveDecimals == 0 ? "integer" : "decimal";
                    row[Decimals] = q.Decimals?.ToString(CultureInfo.InvariantCulture);
                    SetText(row, Unit, q.Unit);
                    if (q.Min is { } min)
                    {
                        constraints.Add($". >= {Number(min)}");
                    }

                    if (q.Max is { } max)
                    {
                        constraints.Add($". <= {Number(max)}");
                    }

                    break;
                case QuestionType.ShortText or QuestionType.LongText or QuestionType.Url:
                    row[TypeColumn] = "text";
                    row[Appearance] = q.Type switch { QuestionType.LongText => "multiline", QuestionType.Url => "url", _ => null };
                    if (q.MaxLength is { } maxLength)
                    {
                        constraints.Add($"string-length(.) <= {maxLength}");
                    }

                    break;
                case QuestionType.Group:
                    row[TypeColumn] = "begin_repeat";
                    row[MinItems] = q.MinItems?.ToString(CultureInfo.InvariantCulture);
                    row[MaxItems] = q.MaxItems?.ToString(CultureInfo.InvariantCulture);
                    SetText(row, ItemTitle, q.ItemTitle);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(q), q.Type, null);
            }

            row[ConstraintColumn] = constraints.Count > 0 ? string.Join(" and ", constraints) : null;
            if (q.Indicator is { } indicator)
            {
                row[Indicator] = indicator.Kind.ToString().ToLowerInvariant();
                SetText(row, IndicatorLabel, indicator.Label);
            }

            survey.Rows.Add(row);
            if (q.Type == QuestionType.Group)
            {
                foreach (var field in q.Questions)
                {
                    Question(field, q.Code);
                }

                End("end_repeat");
            }
        }

        private string ListFor(string wanted)
        {
            var name = wanted == YesNoList ? wanted + "_options" : wanted;
            for (var i = 2; lists.Contains(name); i++)
            {
                name = $"{wanted}_{i}";
            }

            lists.Add(name);
            return name;
        }

        private void YesNoChoices()
        {
            if (lists.Add(YesNoList))
            {
                Choice(YesNoList, "yes", XlsFormExpressions.Yes);
                Choice(YesNoList, "no", XlsFormExpressions.No);
            }
        }

        private void Choice(string list, string code, LocalizedText title, string? sameAs = null)
        {
            var row = choices.NewRow();
            row[ListName] = list;
            row[Name] = code;
            SetText(row, Label, title);
            row[SameAs] = sameAs;
            choices.Rows.Add(row);
        }
    }
}
