using static SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm.XlsFormColumns;

namespace SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm;

/// <summary>
/// Turns a JSON path of a definition read from a workbook (<c>$.sections[0].subsections[1].questions[3].showWhen</c>)
/// into the cell it came from (<c>survey row 12, column relevant (F)</c>).
/// </summary>
internal static class XlsFormLocator
{
    public static string Locate(string path, Dictionary<string, (XlsFormSheet Sheet, int Row)> places)
    {
        var key = places.Keys
            .Where(k => path == k || path.StartsWith(k + ".", StringComparison.Ordinal) || path.StartsWith(k + "[", StringComparison.Ordinal))
            .MaxBy(k => k.Length);
        if (key is null)
        {
            return path;
        }

        var (sheet, row) = places[key];
        var rest = path[key.Length..].TrimStart('.').Split('.', '[');
        var property = rest[0];
        var language = rest[^1] is "en" or "es" or "fr" ? rest[^1] : "en";
        var column = sheet.Name switch
        {
            Choices => property switch { "title" => Translated(Label, language), "sameAs" => SameAs, _ => Name },
            Settings => property switch
            {
                "edition" => FormId,
                "title" => language == "en" ? FormTitle : Translated(FormTitle, language),
                "intro" => Translated(Intro, language),
                "format" => VersionColumn,
                _ => FormId,
            },
            _ => property switch
            {
                "title" => Translated(Label, language),
                "help" or "intro" => Translated(Hint, language),
                "showWhen" => Relevant,
                "indicator" when rest.Length > 1 && rest[1] == "label" => Translated(IndicatorLabel, language),
                "indicator" => Indicator,
                "unit" => Translated(Unit, language),
                "min" or "max" or "maxLength" or "maxChoices" => ConstraintColumn,
                "decimals" => Decimals,
                "minItems" => MinItems,
                "maxItems" => MaxItems,
                "itemTitle" => Translated(ItemTitle, language),
                "required" => Required,
                "sameAs" => SameAs,
                "type" or "options" or "allowOther" or "questions" or "subsections" => TypeColumn,
                _ => Name,
            },
        };
        return sheet.Where(row, column);
    }
}
