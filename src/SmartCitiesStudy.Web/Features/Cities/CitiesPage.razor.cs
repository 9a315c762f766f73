using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.Cities;

public sealed partial class CitiesPage
{
    private IReadOnlyList<CityRow>? _rows;
    private IReadOnlyList<EditionSummary> _editions = [];
    private string? _search;
    private Region? _region;
    private string? _edition;
    private PopulationBand? _band;

    [Inject]
    private ListCities ListCities { get; set; } = default!;

    [Inject]
    private ListEditions ListEditions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _editions = await ListEditions.ExecuteAsync(publishedOnly: false);
        // Start with the newest edition that has populations recorded (a new edition usually has none yet).
        foreach (var edition in _editions)
        {
            _edition = edition.Code;
            await LoadAsync();
            if (_rows!.Any(r => r.Population is not null))
            {
                return;
            }
        }

        _edition = _editions.Count > 0 ? _editions[0].Code : null;
        await LoadAsync();
    }

    private async Task LoadAsync() => _rows = await ListCities.ExecuteAsync(new CityQuery(_search, _region, _edition, _band));

    private Task SearchAsync(string? value)
    {
        _search = value;
        return LoadAsync();
    }

    private Task RegionAsync(Region? value)
    {
        _region = value;
        return LoadAsync();
    }

    private Task EditionAsync(string? value)
    {
        _edition = value;
        return LoadAsync();
    }

    private Task BandAsync(PopulationBand? value)
    {
        _band = value;
        return LoadAsync();
    }

    private async Task EditAsync(CityRow? city)
    {
        var parameters = new DialogParameters<CityDialog> { { d => d.City, city }, { d => d.User, await AuthenticationState.StudyUserAsync() } };
        var title = city is null ? L["Add a city"] : string.Format(CultureInfo.CurrentCulture, L["Edit {0}"], city.Name);
        var dialog = await Dialogs.ShowAsync<CityDialog>(title, parameters);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["The city was saved."], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task PopulationsAsync(CityRow city)
    {
        var parameters = new DialogParameters<PopulationDialog> { { d => d.City, city }, { d => d.User, await AuthenticationState.StudyUserAsync() } };
        var dialog = await Dialogs.ShowAsync<PopulationDialog>(string.Format(CultureInfo.CurrentCulture, L["Populations of {0}"], city.Name), parameters);
        await dialog.Result;
        await LoadAsync();
    }

    /// <summary>The registry as CSV, with the populations of the edition chosen above.</summary>
    private string ExportUrl => "portal/cities/export.csv" + (_edition is null ? string.Empty : "?edition=" + Uri.EscapeDataString(_edition));

    private async Task ContactsAsync(CityRow city)
    {
        var parameters = new DialogParameters<CityContactsDialog> { { d => d.CityId, city.Id }, { d => d.User, await AuthenticationState.StudyUserAsync() } };
        var dialog = await Dialogs.ShowAsync<CityContactsDialog>(string.Format(CultureInfo.CurrentCulture, L["Contacts of {0}"], city.Name), parameters, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["The contacts were saved."], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ImportAsync()
    {
        var parameters = new DialogParameters<ImportCitiesDialog>
        {
            { d => d.Editions, _editions },
            { d => d.EditionCode, _edition },
            { d => d.User, await AuthenticationState.StudyUserAsync() },
        };
        var dialog = await Dialogs.ShowAsync<ImportCitiesDialog>(L["Import cities from CSV"], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        await dialog.Result;
        await LoadAsync();
    }
}
