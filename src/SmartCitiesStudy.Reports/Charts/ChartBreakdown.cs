namespace SmartCitiesStudy.Reports.Charts;

/// <summary>Which breakdown of a share indicator <see cref="GroupedBars"/> draws.</summary>
public enum ChartBreakdown
{
    Region,
    PopulationBand,
}
