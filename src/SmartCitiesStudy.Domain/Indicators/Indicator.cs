using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Indicators;

/// <summary>One figure computed from a question; <see cref="Id"/> is the question code.</summary>
public abstract record Indicator(string Id, IndicatorKind Kind)
{
    /// <summary>The public name of the kind: share, choice, mean.</summary>
    public string KindCode => Kind switch
    {
        IndicatorKind.Share => "share",
        IndicatorKind.Choice => "choice",
        IndicatorKind.Mean => "mean",
        _ => throw new InvalidOperationException($"Unknown indicator kind {Kind}."),
    };

    /// <summary>For a figure as published: why it reads as it does (e.g. a printed percent no base reproduces).</summary>
    public string? Note { get; init; }
}

/// <summary>"x of N" cities answered yes, overall and by region and population band.</summary>
public sealed record ShareIndicator(
    string Id,
    int Numerator,
    int Denominator,
    decimal? Percent,
    int Missing,
    IReadOnlyList<GroupShare> ByRegion,
    IReadOnlyList<GroupShare> ByPopulationBand) : Indicator(Id, IndicatorKind.Share);

/// <summary>The share within one region or population band.</summary>
public sealed record GroupShare(string Group, int Numerator, int Denominator, decimal? Percent);

/// <summary>
/// One "x of N" per option, N being the cities that chose at least one. As published, N and x may be unknown (null)
/// and only the printed percent given.
/// </summary>
public sealed record ChoiceIndicator(string Id, int? Denominator, int? Missing, IReadOnlyList<OptionShare> Options)
    : Indicator(Id, IndicatorKind.Choice);

/// <summary>How many of the denominator chose one option.</summary>
public sealed record OptionShare(string Code, int? Numerator, decimal? Percent);

/// <summary>Mean and median over the <see cref="N"/> cities that gave a number (as published: N may be unknown).</summary>
public sealed record MeanIndicator(string Id, int? N, int? Missing, decimal? Mean, decimal? Median)
    : Indicator(Id, IndicatorKind.Mean);
