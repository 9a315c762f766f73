using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Facts;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Features.Texts;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Reports;

/// <summary>
/// Everything the study PDF shows, in one language. Numbers come only from <see cref="Indicators"/> (the indicators
/// engine), structure and labels from <see cref="Questionnaire"/> (its sections are the study's fields); the
/// edition's facts (publisher, dates, methodology, reconstructed questionnaire) from <see cref="Facts"/>.
/// </summary>
public sealed record StudyReportModel(
    EditionSummary Edition,
    string Language,
    QuestionnaireDefinition Questionnaire,
    IndicatorDocument Indicators,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<GoodPractice> GoodPractices,
    DateTimeOffset GeneratedAt,
    EditionFactsView? Facts = null)
{
    /// <summary>The edition's editorial texts (foreword, chapters, field introductions, analysis, conclusions).</summary>
    public EditionTexts Texts { get; init; } = EditionTexts.None;

    /// <summary>
    /// Per (question, option) of this edition: the same option in the previous published edition where the
    /// questionnaires link them (<see cref="ComputeFollowedFigures.PreviousOptionsAsync"/>); chapter 4 shows it beside
    /// this edition's figure.
    /// </summary>
    public IReadOnlyDictionary<(string Question, string Option), FollowedPoint> Previous { get; init; } =
        new Dictionary<(string Question, string Option), FollowedPoint>();

    public Indicator? IndicatorOf(string questionCode) => Indicators.Indicators.FirstOrDefault(i => i.Id == questionCode);
}
