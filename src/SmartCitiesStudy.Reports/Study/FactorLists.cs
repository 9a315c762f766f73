using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Reports.Study;

/// <summary>One field's (or the cross-cutting) barriers or facilitating elements, most named first.</summary>
public sealed record FactorList(Section Section, bool IsCrossCutting, Question Question, ChoiceIndicator Indicator, IReadOnlyList<OptionShare> Options);

/// <summary>Chapters 4 and 5: the barriers and facilitating elements of each field and the cross-cutting ones.</summary>
public static class FactorLists
{
    public static IReadOnlyList<FactorList> Of(StudyReportModel model, bool barriers)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fields = StudyOutline.StudyFields(model.Questionnaire).ToList();
        return [.. StudyOutline.FactorQuestions(model.Questionnaire)
            .Where(q => StudyOutline.IsBarrier(q) == barriers)
            .Select(q => (Question: q, Indicator: model.IndicatorOf(q.Code) as ChoiceIndicator, Section: model.Questionnaire.SectionOf(q.Code)))
            .Where(x => x.Indicator is not null && x.Section is not null)
            .Select(x => new FactorList(x.Section!, !fields.Contains(x.Section!), x.Question, x.Indicator!, MostNamedFirst(x.Indicator!)))
            .Where(l => l.Options.Count > 0)];
    }

    /// <summary>Options named by at least one city (or listed by the publication), most named first.</summary>
    public static IReadOnlyList<OptionShare> MostNamedFirst(ChoiceIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return [.. indicator.Options
            .Where(o => o.Numerator is null or > 0)
            .OrderByDescending(o => o.Numerator ?? -1)
            .ThenByDescending(o => o.Percent ?? -1)];
    }
}
