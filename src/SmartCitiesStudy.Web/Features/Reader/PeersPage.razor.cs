using Microsoft.AspNetCore.Components;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Peers;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Reports;
using SmartCitiesStudy.Web.Localization;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>
/// <c>/editions/{code}/indicators/{id}/peers</c>: "Cities that do this" for one figure of a published edition, the
/// API's peers (<see cref="ListPeers"/>): a share's cities counted "yes", or a choice's cities for each option
/// (<c>?option=</c> for one), alphabetically with their good practices in that field.
/// </summary>
public sealed partial class PeersPage : ReaderPage
{
    [Inject]
    private ListEditions ListEditions { get; set; } = default!;

    [Inject]
    private LoadQuestionnaire LoadQuestionnaire { get; set; } = default!;

    [Inject]
    private ListPeers ListPeers { get; set; } = default!;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    [Parameter]
    public string Id { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = "option")]
    public string? Option { get; set; }

    private EditionSummary? _edition;
    private Question? _question;
    private IReadOnlyList<PeersOfFigure> _peers = [];
    private PeersBasis _basis;

    /// <summary>A figure's peers page, in the reader's language (the language of a reader page is in its URL).</summary>
    public static string Href(string editionCode, string indicatorId, string? option, string language)
    {
        var query = new List<string>();
        if (option is not null)
        {
            query.Add("option=" + Uri.EscapeDataString(option));
        }

        if (language != StudyCultures.Default)
        {
            query.Add("lang=" + language);
        }

        return $"/editions/{Uri.EscapeDataString(editionCode)}/indicators/{Uri.EscapeDataString(indicatorId)}/peers"
            + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
    }

    private string IndicatorsHref =>
        $"/editions/{Code}/indicators" + (Lang == StudyCultures.Default ? string.Empty : $"?lang={Lang}") + $"#indicator-{Id}";

    protected override async Task OnInitializedAsync()
    {
        _edition = (await ListEditions.ExecuteAsync(publishedOnly: true)).FirstOrDefault(e => e.Code == Code);
        _question = _edition is null ? null : (await LoadQuestionnaire.ExecuteAsync(Code))?.Definition.Find(Id);
        IReadOnlyList<PeersLookup> lookups = _question is null
            ? []
            : string.IsNullOrEmpty(Option)
                ? await ListPeers.ForEveryOptionAsync(Code, Id)
                : [await ListPeers.ExecuteAsync(Code, Id, Option)];
        if (_edition is null || _question is null || lookups.Count == 0 || lookups.Any(l => l.Peers is null))
        {
            ShowNotFound();
            return;
        }

        _peers = [.. lookups.Select(l => l.Peers!)];
        _basis = _peers[0].Basis;
    }

    private string OptionLabel(string code) => IndicatorSentences.OptionLabel(_question!, code, Lang);

    private static string HeadingId(PeersOfFigure peers) => "peers-" + (peers.Option ?? "yes");
}
