namespace SmartCitiesStudy.Application.Features.Reports;

/// <summary>Writes the study report and the city factsheets as complete HTML documents ready to print.</summary>
public interface IReportHtml
{
    Task<string> StudyAsync(StudyReportModel model, ReportHtmlOptions options);

    Task<string> FactsheetAsync(CityFactsheetModel model);
}

/// <summary>
/// How to write the study: <see cref="PageMarkers"/> puts an invisible marker <c>{MarkerPrefix}{section number}X</c>
/// at each section's start (first pass of the two-pass table of contents); <see cref="SectionPages"/> gives the
/// contents' page numbers found in that pass (second pass).
/// </summary>
public sealed record ReportHtmlOptions(bool PageMarkers = false, IReadOnlyDictionary<int, int>? SectionPages = null)
{
    public const string MarkerPrefix = "SCSSECTION";
}
