using Microsoft.AspNetCore.Components;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Features.Texts;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Web.Localization;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>
/// <c>/editions/{code}/indicators</c>: every indicator of a published edition by field, as "p% — x of N cities", with
/// a chart, a table, each field's introduction and each sub-area's analysis, the breakdown by region or population band (<c>?breakdown=band</c>) and the cross-edition trend.
/// The figures are the open-data API's (<see cref="ComputeIndicators"/>).
/// </summary>
public sealed partial class IndicatorsPage : ReaderPage
{
    [Inject]
    private ListEditions ListEditions { get; set; } = default!;

    [Inject]
    private LoadQuestionnaire LoadQuestionnaire { get; set; } = default!;

    [Inject]
    private ComputeIndicators ComputeIndicators { get; set; } = default!;

    [Inject]
    private ComputeTrend ComputeTrend { get; set; } = default!;

    [Inject]
    private LoadEditionTexts LoadEditionTexts { get; set; } = default!;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = "breakdown")]
    public string? BreakdownQuery { get; set; }

    private EditionSummary? _edition;
    private IndicatorDocument? _document;
    private IReadOnlyList<FieldIndicators> _fields = [];
    private IReadOnlyDictionary<string, IReadOnlyList<TrendPoint>> _trends = new Dictionary<string, IReadOnlyList<TrendPoint>>();
    private EditionTexts _texts = EditionTexts.None;

    private Breakdown Breakdown => Breakdowns.Parse(BreakdownQuery);

    protected override async Task OnInitializedAsync()
    {
        _edition = (await ListEditions.ExecuteAsync(publishedOnly: true)).FirstOrDefault(e => e.Code == Code);
        var snapshot = _edition is null ? null : await LoadQuestionnaire.ExecuteAsync(Code);
        _document = snapshot is null ? null : await ComputeIndicators.ExecuteAsync(Code);
        if (_edition is null || snapshot is null || _document is null)
        {
            ShowNotFound();
            return;
        }

        _trends = await ComputeTrend.ForEditionAsync(Code);
        _texts = await LoadEditionTexts.ExecuteAsync(Code);
        var byId = _document.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        _fields = [.. snapshot.Definition.Sections
            .Select(s => new FieldIndicators(s, [.. s.Questions.Where(q => byId.ContainsKey(q.Code)).Select(q => (q, byId[q.Code]))]))
            .Where(f => f.Indicators.Count > 0)];
    }

    /// <summary>This page with another breakdown, in the same language (the language of a reader page is in its URL).</summary>
    private string BreakdownLink(Breakdown breakdown) =>
        $"/editions/{Code}/indicators?breakdown={breakdown.Query()}" + (Lang == StudyCultures.Default ? string.Empty : $"&lang={Lang}");

    /// <summary>The figure's "Cities that do this" page (<see cref="PeersPage"/>), in the same language.</summary>
    private string PeersLink(string indicatorId) => PeersPage.Href(Code, indicatorId, option: null, Lang);

    /// <summary>A field (questionnaire section) and its indicators in questionnaire order.</summary>
    private sealed record FieldIndicators(Section Section, IReadOnlyList<(Question Question, Indicator Indicator)> Indicators);
}
