using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.Editions;

public sealed partial class EditionsPage
{
    private IReadOnlyList<EditionSummary>? _editions;
    private Dictionary<string, ReportState> _pdfStates = [];
    private Dictionary<string, IReadOnlyList<string>> _originals = [];

    [Inject]
    private ListEditions ListEditions { get; set; } = default!;

    [Inject]
    private ChangeEditionStatus ChangeStatus { get; set; } = default!;

    [Inject]
    private ReportService Reports { get; set; } = default!;

    [Inject]
    private OriginalPublications Originals { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _editions = await ListEditions.ExecuteAsync(publishedOnly: false);

        // Only published editions have a stored study PDF (generated when published); others are previews.
        var states = new Dictionary<string, ReportState>(StringComparer.Ordinal);
        foreach (var edition in _editions.Where(e => e.Status == EditionStatus.Published))
        {
            states[edition.Code] = await Reports.StateAsync(ReportRequest.Study(edition.Code, "en"));
        }

        _pdfStates = states;

        var originals = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var edition in _editions)
        {
            originals[edition.Code] = await Originals.LanguagesAsync(edition.Code);
        }

        _originals = originals;
    }

    private async Task EditFactsAsync(EditionSummary edition)
    {
        var parameters = new DialogParameters<EditionFactsDialog> { { d => d.Edition, edition }, { d => d.User, await AuthenticationState.StudyUserAsync() } };
        var dialog = await Dialogs.ShowAsync<EditionFactsDialog>(
            string.Format(CultureInfo.CurrentCulture, L["Facts of edition {0}"], edition.Code), parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, L["Edition {0}: done."], edition.Code), Severity.Success);
        }
    }

    private async Task AttachPublicationAsync(EditionSummary edition)
    {
        var parameters = new DialogParameters<AttachPublicationDialog> { { d => d.Edition, edition }, { d => d.User, await AuthenticationState.StudyUserAsync() } };
        var dialog = await Dialogs.ShowAsync<AttachPublicationDialog>(
            string.Format(CultureInfo.CurrentCulture, L["Original publication of {0}"], edition.Code), parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: true })
        {
            await LoadAsync();
        }
    }

    private async Task ChangeAsync(EditionSummary edition, EditionAction action)
    {
        var parameters = new DialogParameters<EditionStatusDialog>
        {
            { d => d.Edition, edition },
            { d => d.Action, action },
            { d => d.User, await AuthenticationState.StudyUserAsync() },
        };
        var dialog = await Dialogs.ShowAsync<EditionStatusDialog>(Title(action, edition.Code), parameters);
        var result = await dialog.Result;
        if (result is not { Canceled: false, Data: string reason })
        {
            return;
        }

        var outcome = await ChangeStatus.ExecuteAsync(edition.Code, action, edition.Version, await AuthenticationState.StudyUserAsync(), reason.Length == 0 ? null : reason);
        if (outcome.Succeeded)
        {
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, L["Edition {0}: done."], edition.Code), Severity.Success);
        }
        else
        {
            Snackbar.Add(outcome.Error ?? L["The change was refused."], Severity.Error);
        }

        await LoadAsync();
    }

    private async Task CreateAsync()
    {
        var parameters = new DialogParameters<CreateEditionDialog> { { d => d.Editions, _editions ?? [] }, { d => d.User, await AuthenticationState.StudyUserAsync() } };
        var dialog = await Dialogs.ShowAsync<CreateEditionDialog>(L["New edition"], parameters);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["The edition was created as a draft."], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task CalendarAsync(EditionSummary edition)
    {
        var parameters = new DialogParameters<EditionCalendarDialog> { { d => d.Edition, edition }, { d => d.User, await AuthenticationState.StudyUserAsync() } };
        var dialog = await Dialogs.ShowAsync<EditionCalendarDialog>(string.Format(CultureInfo.CurrentCulture, L["Calendar of edition {0}"], edition.Code), parameters);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, L["Edition {0}: done."], edition.Code), Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ImportAsync(EditionSummary edition)
    {
        var parameters = new DialogParameters<ImportQuestionnaireDialog> { { d => d.Edition, edition }, { d => d.User, await AuthenticationState.StudyUserAsync() } };
        var dialog = await Dialogs.ShowAsync<ImportQuestionnaireDialog>(string.Format(CultureInfo.CurrentCulture, L["Import a questionnaire for {0}"], edition.Code), parameters);
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private async Task ImportResponsesAsync(EditionSummary edition)
    {
        var parameters = new DialogParameters<ImportResponsesDialog> { { d => d.Edition, edition }, { d => d.User, await AuthenticationState.StudyUserAsync() } };
        var dialog = await Dialogs.ShowAsync<ImportResponsesDialog>(
            string.Format(CultureInfo.CurrentCulture, L["Import responses into {0}"], edition.Code), parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: true })
        {
            await LoadAsync();
        }
    }

    private string Title(EditionAction action, string code) => string.Format(CultureInfo.CurrentCulture, action switch
    {
        EditionAction.Open => L["Open edition {0} for answers?"],
        EditionAction.Close => L["Close edition {0}?"],
        EditionAction.Publish => L["Publish edition {0}?"],
        _ => L["Reopen edition {0}?"],
    }, code);
}
