using Microsoft.AspNetCore.Components;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Features.DataPackages;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Facts;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Features.Texts;
using SmartCitiesStudy.Domain.Archive;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Web.Features.Cities;
using SmartCitiesStudy.Web.Features.Reader.Charts;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>
/// <c>/editions/{code}</c>: a published edition's presentation and method, its foreword and chapters 1–2, its fields (linking to the indicators),
/// the participating cities by population band and world region, and the downloads.
/// </summary>
public sealed partial class EditionPage : ReaderPage
{
    [Inject]
    private ListEditions ListEditions { get; set; } = default!;

    [Inject]
    private LoadQuestionnaire LoadQuestionnaire { get; set; } = default!;

    [Inject]
    private ListParticipants ListParticipants { get; set; } = default!;

    [Inject]
    private LoadPublishedStudy LoadPublishedStudy { get; set; } = default!;

    [Inject]
    private LoadEditionFacts LoadEditionFacts { get; set; } = default!;

    [Inject]
    private OriginalPublications OriginalPublications { get; set; } = default!;

    [Inject]
    private LoadEditionTexts LoadEditionTexts { get; set; } = default!;

    [Inject]
    private CiteEdition CiteEdition { get; set; } = default!;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    private EditionSummary? _edition;
    private IReadOnlyList<Section> _fields = [];
    private IReadOnlyList<Section> _sections = [];
    private IReadOnlyList<Participant> _cities = [];
    private PublishedStudy? _published;
    private IReadOnlyList<string> _originals = [];
    private EditionFactsView? _facts;
    private EditionTexts _texts = EditionTexts.None;
    private StudyCitation? _citation;

    protected override async Task OnInitializedAsync()
    {
        _edition = (await ListEditions.ExecuteAsync(publishedOnly: true)).FirstOrDefault(e => e.Code == Code);
        var snapshot = _edition is null ? null : await LoadQuestionnaire.ExecuteAsync(Code);
        if (_edition is null || snapshot is null)
        {
            ShowNotFound();
            return;
        }

        // Fields with figures: the good-practices section has none and has its own page.
        _fields = [.. snapshot.Definition.Sections.Where(s => s.Questions.Any(q => q.Figure is not null))];
        _sections = snapshot.Definition.Sections;
        _cities = await ListParticipants.ExecuteAsync(Code);
        _published = await LoadPublishedStudy.ExecuteAsync(Code);
        _originals = await OriginalPublications.LanguagesAsync(Code);
        _facts = await LoadEditionFacts.ExecuteAsync(Code);
        _texts = await LoadEditionTexts.ExecuteAsync(Code);
        _citation = await CiteEdition.ExecuteAsync(Code, new Uri(Navigation.BaseUri + "editions/" + Uri.EscapeDataString(Code)));
    }

    /// <summary>
    /// A field as the publication names it; in the reader's language when the (reconstructed) questionnaire has a
    /// section of the same code.
    /// </summary>
    private string PublishedFieldTitle(PublishedField field) =>
        _sections.FirstOrDefault(s => s.Code == field.Code) is { } section ? Text(section.Title) : field.Title;

    /// <summary>Whether the edition is shown as its publication states it (ADR 0013).</summary>
    private bool IsAsPublished => _edition?.FiguresSource == FiguresSource.Published;

    /// <summary>The regions that have at least one participating city, in the study's order.</summary>
    private IReadOnlyList<Region> Regions => [.. Enum.GetValues<Region>().Where(r => _cities.Any(c => c.Region == r))];

    /// <summary>The bands of the table; "unknown" only when a city has no population for this edition.</summary>
    private IReadOnlyList<PopulationBand?> Bands =>
    [
        .. PopulationBands.All.Select(b => (PopulationBand?)b),
        .. _cities.Any(c => c.Band is null) ? [null] : Array.Empty<PopulationBand?>(),
    ];

    private int Count(PopulationBand? band, Region region) => _cities.Count(c => c.Band == band && c.Region == region);

    private IReadOnlyList<BarDatum> RegionBars =>
    [
        .. Regions.Select(r =>
        {
            var n = _cities.Count(c => c.Region == r);
            return new BarDatum(CityLabels.Region(L, r), _cities.Count == 0 ? null : 100m * n / _cities.Count, ReaderFormat.Format(L["{0} of {1}"], n, _cities.Count));
        }),
    ];

    private string RegionChartTitle => L["Participating cities by world region"] + ": "
        + string.Join("; ", Regions.Select(r => $"{CityLabels.Region(L, r)} {_cities.Count(c => c.Region == r)}"));
}
