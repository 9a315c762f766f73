using System.Diagnostics.CodeAnalysis;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Cities;

/// <summary>
/// The population bands the study reports by. Lower bounds are inclusive:
/// under-50k &lt; 50,000 ≤ 50k-100k &lt; 100,000 ≤ 100k-1m &lt; 1,000,000 ≤ over-1m.
/// </summary>
public enum PopulationBand
{
    Under50K = 1,
    From50KTo100K = 2,
    From100KTo1M = 3,
    Over1M = 4,
}

public static class PopulationBands
{
    public static IReadOnlyList<PopulationBand> All { get; } =
        [PopulationBand.Under50K, PopulationBand.From50KTo100K, PopulationBand.From100KTo1M, PopulationBand.Over1M];

    public static PopulationBand For(long population) => population switch
    {
        < 0 => throw new DomainRuleException("population.negative", $"Population {population} cannot be negative."),
        < 50_000 => PopulationBand.Under50K,
        < 100_000 => PopulationBand.From50KTo100K,
        < 1_000_000 => PopulationBand.From100KTo1M,
        _ => PopulationBand.Over1M,
    };

    /// <summary>The public code: under-50k, 50k-100k, 100k-1m, over-1m.</summary>
    public static string Code(this PopulationBand band) => band switch
    {
        PopulationBand.Under50K => "under-50k",
        PopulationBand.From50KTo100K => "50k-100k",
        PopulationBand.From100KTo1M => "100k-1m",
        PopulationBand.Over1M => "over-1m",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };

    public static bool TryParse(string? code, [NotNullWhen(true)] out PopulationBand? band)
    {
        band = All.FirstOrDefault(b => string.Equals(b.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (band is { } found && found != default)
        {
            return true;
        }

        band = null;
        return false;
    }
}
