using Microsoft.AspNetCore.Components;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary><c>/editions/{code}/good-practices</c>: the catalogue of a published edition's good practices, searchable.</summary>
public sealed partial class GoodPracticesPage : ReaderPage
{
    [Inject]
    private ListEditions ListEditions { get; set; } = default!;

    [Inject]
    private LoadQuestionnaire LoadQuestionnaire { get; set; } = default!;

    [Inject]
    private ListGoodPractices ListGoodPractices { get; set; } = default!;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Q { get; set; }

    [SupplyParameterFromQuery(Name = "field")]
    public string? Field { get; set; }

    [SupplyParameterFromQuery(Name = "region")]
    public string? Region { get; set; }

    [SupplyParameterFromQuery(Name = "band")]
    public string? Band { get; set; }

    [SupplyParameterFromQuery(Name = "city")]
    public string? City { get; set; }

    private EditionSummary? _edition;
    private IReadOnlyList<GoodPractice> _all = [];
    private IReadOnlyList<GoodPractice> _shown = [];
    private IReadOnlyList<ChoiceOption> _fieldOptions = [];
    private PracticeFilter _filter = new(null, null, null, null, null);

    protected override async Task OnInitializedAsync()
    {
        _edition = (await ListEditions.ExecuteAsync(publishedOnly: true)).FirstOrDefault(e => e.Code == Code);
        var snapshot = _edition is null ? null : await LoadQuestionnaire.ExecuteAsync(Code);
        if (_edition is null || snapshot is null)
        {
            ShowNotFound();
            return;
        }

        _fieldOptions = PracticeFields.Options(snapshot.Definition);
        _all = await ListGoodPractices.ExecuteAsync(Code);
        _filter = new PracticeFilter(Q?.Trim(), Field, Region, Band, City);
        _shown = _filter.Apply(_all);
    }

    private IReadOnlyList<Participant> Cities => [.. _all.Select(p => p.City).DistinctBy(c => c.Slug).OrderBy(c => c.Name, StringComparer.CurrentCulture)];

    private IReadOnlyList<Region> Regions => [.. Enum.GetValues<Region>().Where(r => _all.Any(p => p.City.Region == r))];

    private IReadOnlyList<PopulationBand> Bands => [.. PopulationBands.All.Where(b => _all.Any(p => p.City.Band == b))];

    private string FieldLabel(string? code) => PracticeFields.Label(_fieldOptions, code, Lang);

    private static string Excerpt(string? text) =>
        text is null ? string.Empty : text.Length <= 220 ? text : string.Concat(text.AsSpan(0, text.LastIndexOf(' ', 219) is > 0 and var at ? at : 219), "…");
}
