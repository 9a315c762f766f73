using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Reports.Text;

namespace SmartCitiesStudy.Reports.Study;

/// <summary>One numbered section of the study report, as the contents list it.</summary>
public sealed record OutlineEntry(string Id, int Number, string Title, Section? Field = null);

/// <summary>
/// The sections of the study report in order: presentation, methodology, participating cities, one per field (the
/// questionnaire's sections that have indicators), good practices, conclusions, the questionnaire annex.
/// </summary>
public static class StudyOutline
{
    public static IReadOnlyList<OutlineEntry> For(StudyReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = ReportText.For(model.Language);
        var entries = new List<(string Id, string Title, Section? Field)>
        {
            ("presentation", text.Presentation, null),
            ("methodology", text.Methodology, null),
            ("cities", text.ParticipatingCities, null),
        };
        entries.AddRange(Fields(model.Questionnaire).Select(s => ("field-" + s.Code, s.Title.Get(model.Language), (Section?)s)));
        entries.Add(("good-practices", text.GoodPractices, null));
        entries.Add(("conclusions", text.Conclusions, null));
        entries.Add(("annex", text.Annex, null));
        return [.. entries.Select((e, i) => new OutlineEntry(e.Id, i + 1, e.Title, e.Field))];
    }

    /// <summary>The study's fields: the questionnaire's sections with at least one indicator.</summary>
    public static IEnumerable<Section> Fields(QuestionnaireDefinition questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        return questionnaire.Sections.Where(s => s.Questions.Any(q => q.Figure is not null));
    }
}
