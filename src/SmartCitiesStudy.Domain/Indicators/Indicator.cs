using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Indicators;

/// <summary>
/// One figure computed from a question; <see cref="Id"/> is the question code. Code that treats the kinds differently
/// goes through <see cref="Match{TResult}"/>: adding a kind adds a parameter there, and the compiler then lists every
/// place that must learn it (docs/indicators.md, "Adding a kind").
/// </summary>
public abstract record Indicator(string Id, IndicatorKind Kind)
{
    /// <summary>The public name of the kind: share, choice, mean.</summary>
    public string KindCode => Match(_ => "share", _ => "choice", _ => "mean");

    /// <summary>For a figure as published: why it reads as it does (e.g. a printed percent no base reproduces).</summary>
    public string? Note { get; init; }

    /// <summary>True when nobody answered (a published figure with an unknown base is not "nobody").</summary>
    public bool HasNoAnswers => Match(s => s.Denominator == 0, c => c.Denominator == 0, m => m.N == 0);

    /// <summary>The one exhaustive switch over the kinds.</summary>
    public abstract TResult Match<TResult>(
        Func<ShareIndicator, TResult> share,
        Func<ChoiceIndicator, TResult> choice,
        Func<MeanIndicator, TResult> mean);

    /// <summary><see cref="Match{TResult}"/> for code that writes rather than returns.</summary>
    public void Switch(Action<ShareIndicator> share, Action<ChoiceIndicator> choice, Action<MeanIndicator> mean) =>
        Match(
            s => { share(s); return true; },
            c => { choice(c); return true; },
            m => { mean(m); return true; });
}

/// <summary>"x of N" cities answered yes, overall and by region and population band.</summary>
public sealed record ShareIndicator(
    string Id,
    int Numerator,
    int Denominator,
    decimal? Percent,
    int Missing,
    IReadOnlyList<GroupShare> ByRegion,
    IReadOnlyList<GroupShare> ByPopulationBand) : Indicator(Id, IndicatorKind.Share)
{
    public override TResult Match<TResult>(Func<ShareIndicator, TResult> share, Func<ChoiceIndicator, TResult> choice, Func<MeanIndicator, TResult> mean) =>
        share(this);
}

/// <summary>The share within one region or population band.</summary>
public sealed record GroupShare(string Group, int Numerator, int Denominator, decimal? Percent);

/// <summary>
/// One "x of N" per option, N being the cities that chose at least one. As published, N and x may be unknown (null)
/// and only the printed percent given.
/// </summary>
public sealed record ChoiceIndicator(string Id, int? Denominator, int? Missing, IReadOnlyList<OptionShare> Options)
    : Indicator(Id, IndicatorKind.Choice)
{
    public override TResult Match<TResult>(Func<ShareIndicator, TResult> share, Func<ChoiceIndicator, TResult> choice, Func<MeanIndicator, TResult> mean) =>
        choice(this);
}

/// <summary>
/// How many of the denominator chose one option; for computed figures also by region and population band (among the
/// cities of that group that answered the question), the same shape as a share's breakdowns. Null as published.
/// </summary>
public sealed record OptionShare(string Code, int? Numerator, decimal? Percent)
{
    public IReadOnlyList<GroupShare>? ByRegion { get; init; }

    public IReadOnlyList<GroupShare>? ByPopulationBand { get; init; }
}

/// <summary>
/// Mean, median and quartiles over the <see cref="N"/> cities that gave a number (as published: N may be unknown and
/// only the mean given).
/// </summary>
public sealed record MeanIndicator(string Id, int? N, int? Missing, decimal? Mean, decimal? Median)
    : Indicator(Id, IndicatorKind.Mean)
{
    /// <summary>First quartile (25th percentile, linear between the closest ranks); null when not computed.</summary>
    public decimal? LowerQuartile { get; init; }

    /// <summary>Third quartile (75th percentile); null when not computed.</summary>
    public decimal? UpperQuartile { get; init; }

    public override TResult Match<TResult>(Func<ShareIndicator, TResult> share, Func<ChoiceIndicator, TResult> choice, Func<MeanIndicator, TResult> mean) =>
        mean(this);
}
