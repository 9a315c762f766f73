using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>One edition's population of a city (null when none is recorded for that edition).</summary>
public sealed record CityPopulationRow(string EditionCode, string EditionTitle, int Year, long? Population)
{
    public PopulationBand? Band => Population is { } p ? PopulationBands.For(p) : null;
}
