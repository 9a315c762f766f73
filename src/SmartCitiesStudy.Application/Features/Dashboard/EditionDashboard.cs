using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Application.Features.Dashboard;

/// <summary>
/// An edition's progress: the (filtered) list of cities, and counts by region and by population band over all
/// cities of the edition (the filters do not change the counts).
/// </summary>
public sealed record EditionDashboard(
    string EditionCode,
    string EditionTitle,
    EditionStatus EditionStatus,
    IReadOnlyList<DashboardRow> Rows,
    IReadOnlyList<DashboardCount> ByRegion,
    IReadOnlyList<DashboardCount> ByBand)
{
    /// <summary>Cities whose band comes from a population recorded for an earlier edition, not yet confirmed for this one.</summary>
    public int CarriedBands { get; init; }

    /// <summary>The edition's responses by status at the end of each day (UTC), oldest first; for the chart.</summary>
    public IReadOnlyList<DashboardDay> Timeline { get; init; } = [];
}
