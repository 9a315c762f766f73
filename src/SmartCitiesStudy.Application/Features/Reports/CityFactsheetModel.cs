using SmartCitiesStudy.Domain.Answers;

namespace SmartCitiesStudy.Application.Features.Reports;

/// <summary>
/// One city's factsheet: the study (for the study-wide figures) and that city's own approved answers and good
/// practices — nothing of any other city.
/// </summary>
public sealed record CityFactsheetModel(
    StudyReportModel Study,
    Publication.Participant City,
    IReadOnlyDictionary<string, AnswerValue> Answers,
    IReadOnlyList<Publication.GoodPractice> CityGoodPractices);
