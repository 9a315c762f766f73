using System.Globalization;
using Microsoft.AspNetCore.Components;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Reports.Text;

namespace SmartCitiesStudy.Reports.Charts;

/// <summary>
/// What every chart takes: the <see cref="Indicator"/> (from the indicator document), the <see cref="Language"/>
/// (en, es, fr) and optionally the sentence to read out (<see cref="Description"/>, e.g. from
/// <see cref="IndicatorSentences"/>), an element id and a data table. Charts are inline SVG with role="img", a
/// &lt;title&gt; and aria-labelledby, so they print crisp and screen readers read the figure.
/// </summary>
public abstract class ChartBase<TIndicator> : ComponentBase
    where TIndicator : Indicator
{
    [Parameter, EditorRequired]
    public TIndicator Indicator { get; set; } = default!;

    /// <summary>en, es or fr; anything else is English.</summary>
    [Parameter]
    public string Language { get; set; } = ReportLanguage.Default;

    /// <summary>The accessible name of the chart; by default a short "x of N" text.</summary>
    [Parameter]
    public string? Description { get; set; }

    /// <summary>Also render the figures as a small table under the chart.</summary>
    [Parameter]
    public bool ShowTable { get; set; }

    /// <summary>Element id (unique in the page); by default from the indicator id and the chart kind.</summary>
    [Parameter]
    public string? Id { get; set; }

    protected ReportText Text => ReportText.For(Language);

    protected abstract string Kind { get; }

    protected string ElementId => Id ?? $"chart-{Indicator.Id}-{Kind}";

    protected string TitleId => ElementId + "-title";

    protected string Percent(decimal? value) => ReportLanguage.Percent(value, Language);

    protected string Count(int? numerator, int? denominator) => IndicatorSentences.ShortCount(numerator, denominator, Language);

    /// <summary>SVG coordinates are always written with a dot, whatever the culture.</summary>
    protected static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The width of a bar of <paramref name="numerator"/> / <paramref name="denominator"/> on <paramref name="full"/>.</summary>
    protected static double Width(int numerator, int denominator, double full) =>
        denominator <= 0 ? 0 : full * numerator / denominator;
}
