using Microsoft.AspNetCore.Components;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Web.Features.Reader.Charts;

namespace SmartCitiesStudy.Web.Features.Reader;

public sealed partial class IndicatorView : ReaderComponent
{
    /// <summary>The question the indicator is computed from (title, options, unit, sentence label).</summary>
    [Parameter, EditorRequired]
    public Question Question { get; set; } = default!;

    [Parameter, EditorRequired]
    public Indicator Indicator { get; set; } = default!;

    [Parameter]
    public Breakdown Breakdown { get; set; }

    /// <summary>The indicator in every published edition that asked it, oldest first (shown when more than one).</summary>
    [Parameter]
    public IReadOnlyList<TrendPoint> Trend { get; set; } = [];

    private string Label => Text(Question.Indicator?.Label);

    private string Unit => Question.Unit is { } unit ? " " + Text(unit) : string.Empty;

    private string Sentence => IndicatorSentence.For(L, Indicator, Label, Unit);

    private string XofN(int x, int n) => ReaderFormat.Format(L["{0} of {1}"], x, n);

    private IReadOnlyList<BarDatum> ShareBars(ShareIndicator share) =>
    [
        new(L["All participating cities"], share.Percent, $"{ReaderFormat.Percent(share.Percent)} · {XofN(share.Numerator, share.Denominator)}", Emphasis: true),
        .. share.Groups(Breakdown).Select(g => new BarDatum(
            Breakdowns.GroupLabel(L, Breakdown, g.Group), g.Percent, $"{ReaderFormat.Percent(g.Percent)} · {XofN(g.Numerator, g.Denominator)}")),
    ];

    private string ChartTitle(ShareIndicator share) =>
        Sentence + " " + (Breakdown == Breakdown.Band ? L["By population band"] : L["By world region"]) + ": "
        + string.Join("; ", share.Groups(Breakdown).Select(g => $"{Breakdowns.GroupLabel(L, Breakdown, g.Group)} {XofN(g.Numerator, g.Denominator)}"));

    /// <summary>The options with their labels, most chosen first (options are compared, never cities).</summary>
    private IReadOnlyList<(string Label, OptionShare Share)> Options(ChoiceIndicator choice) =>
    [
        .. choice.Options
            .Select(o => (Label: OptionLabel(o.Code), Share: o))
            .OrderByDescending(o => o.Share.Numerator),
    ];

    private string OptionLabel(string code) =>
        Question.Options.FirstOrDefault(o => o.Code == code) is { } option ? Text(option.Title)
        : code == Question.OtherCode ? L["Other"]
        : code;
}
