using Microsoft.AspNetCore.Components;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Reports;
using SmartCitiesStudy.Reports.Charts;

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

    /// <summary>The figure's "Cities that do this" page; no link when null (and never for a mean).</summary>
    [Parameter]
    public string? PeersHref { get; set; }

    /// <summary>A mean or median with the question's unit: "30%", "12.5 km".</summary>
    private string WithUnit(decimal? value) => Text(Question.Unit) switch
    {
        "" => ReaderFormat.OneDecimal(value),
        "%" => ReaderFormat.Percent(value),
        var unit => ReaderFormat.OneDecimal(value) + " " + unit,
    };

    /// <summary>The study's sentence, word for word as in the PDF.</summary>
    private string Sentence => IndicatorSentences.For(Indicator, Question, Lang);

    /// <summary>Whether the share has a breakdown to show (figures as published have none).</summary>
    private bool Grouped(ShareIndicator share) => share.Groups(Breakdown).Any();

    private ChartBreakdown ChartBreakdown => Breakdown == Breakdown.Band ? ChartBreakdown.PopulationBand : ChartBreakdown.Region;

    private string XofN(int? x, int? n) => x is { } numerator && n is { } denominator ? ReaderFormat.Format(L["{0} of {1}"], numerator, denominator) : "—";

    /// <summary>
    /// The note of a figure as published, in the reader's language: the ones the shipped records hold are translated;
    /// another (typed by the secretariat) shows as written.
    /// </summary>
    private string NoteText(string note) => L[note];

    private string BreakdownTitle(ShareIndicator share) =>
        (Breakdown == Breakdown.Band ? L["By population band"] : L["By world region"]) + ": "
        + string.Join("; ", share.Groups(Breakdown).Select(g => $"{Breakdowns.GroupLabel(L, Breakdown, g.Group)} {XofN(g.Numerator, g.Denominator)}"));

    /// <summary>The options with their labels, most chosen first (options are compared, never cities).</summary>
    private IReadOnlyList<(string Label, OptionShare Share)> Options(ChoiceIndicator choice) =>
    [
        .. choice.Options
            .Select(o => (Label: OptionLabel(o.Code), Share: o))
            .OrderByDescending(o => o.Share.Numerator ?? -1)
            .ThenByDescending(o => o.Share.Percent),
    ];

    /// <summary>The regions or bands of the options' breakdowns (none for figures as published).</summary>
    private IReadOnlyList<string> OptionGroups(ChoiceIndicator choice) => Breakdowns.Union(Breakdown, choice.Options.Select(o => o.Groups(Breakdown)));

    private string OptionLabel(string code) => IndicatorSentences.OptionLabel(Question, code, Lang);
}
