using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Dashboard;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Web.Features.Cities;
using SmartCitiesStudy.Web.Localization;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.Dashboard;

public sealed partial class EditionDashboardPage
{
    private EditionDashboard? _dashboard;
    private Application.Features.Editions.EditionSummary? _summary;
    private string? _error;
    private DashboardStatus? _status;
    private Region? _region;
    private PopulationBand? _band;
    private bool _invitedOnly;
    private bool _confirming;
    private string? _message;
    private Severity _messageSeverity = Severity.Success;

    /// <summary>The edition's code, from the address.</summary>
    [Parameter]
    public string Code { get; set; } = string.Empty;

    [Inject]
    private LoadEditionDashboard Load { get; set; } = default!;

    [Inject]
    private ConfirmCarriedPopulations ConfirmCarried { get; set; } = default!;

    [Inject]
    private Application.Features.Editions.ListEditions ListEditions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string CsvUrl
    {
        get
        {
            var query = new List<string>();
            if (_status is { } status)
            {
                query.Add("status=" + DashboardCsv.Code(status));
            }

            if (_region is { } region)
            {
                query.Add("region=" + region);
            }

            if (_band is { } band)
            {
                query.Add("band=" + band.Code());
            }

            return $"portal/editions/{Uri.EscapeDataString(Code)}/dashboard.csv" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
        }
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Load.ExecuteAsync(Code, new DashboardFilter(_status, _region, _band, _invitedOnly), await AuthenticationState.StudyUserAsync());
        (_dashboard, _error) = (result.Dashboard, result.Error);
        _summary = _dashboard is null ? null : (await ListEditions.ExecuteAsync(publishedOnly: false)).FirstOrDefault(e => e.Code == Code);
    }

    private async Task ConfirmCarriedAsync()
    {
        _confirming = true;
        try
        {
            var count = _dashboard?.CarriedBands ?? 0;
            var result = await ConfirmCarried.ExecuteAsync(Code, await AuthenticationState.StudyUserAsync());
            (_message, _messageSeverity) = result.Succeeded
                ? (string.Format(System.Globalization.CultureInfo.CurrentCulture, L["Populations confirmed for {0} cities."], count), Severity.Success)
                : (result.Error, Severity.Error);
            await LoadAsync();
        }
        finally
        {
            _confirming = false;
        }
    }

    // One city's own, later deadline with a reason (ExtendCityDeadline audits it; its officers see their deadline).
    private async Task ExtendAsync(DashboardRow row)
    {
        var dialog = await Dialogs.ShowAsync<ExtendDeadlineDialog>(
            string.Format(System.Globalization.CultureInfo.CurrentCulture, L["More time for {0}"], row.City),
            new DialogParameters<ExtendDeadlineDialog>
            {
                { d => d.EditionCode, Code },
                { d => d.Deadline, _summary?.Deadline },
                { d => d.CityId, row.CityId },
                { d => d.City, row.City },
                { d => d.Until, row.ExtendedUntil },
                { d => d.User, await AuthenticationState.StudyUserAsync() },
            },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: DateOnly until })
        {
            (_message, _messageSeverity) = (string.Format(System.Globalization.CultureInfo.CurrentCulture, L["{0} now has until {1}."], row.City, StudyDates.WrittenDate(until)), Severity.Success);
            await LoadAsync();
        }
    }

    private Task StatusAsync(DashboardStatus? value)
    {
        _status = value;
        return LoadAsync();
    }

    private Task RegionAsync(Region? value)
    {
        _region = value;
        return LoadAsync();
    }

    private Task BandAsync(PopulationBand? value)
    {
        _band = value;
        return LoadAsync();
    }

    private Task InvitedOnlyAsync(bool value)
    {
        _invitedOnly = value;
        return LoadAsync();
    }

    private string RegionLabel(string group) => Enum.TryParse<Region>(group, out var region) ? CityLabels.Region(L, region) : group;

    private string BandLabel(string group) => CityLabels.Band(L, PopulationBands.TryParse(group, out var band) ? band : null);
}
