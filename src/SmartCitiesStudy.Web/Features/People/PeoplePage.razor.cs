using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Infrastructure.People;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.People;

public sealed partial class PeoplePage
{
    private PeopleList? _list;
    private IReadOnlyList<CityRow> _cities = [];
    private string? _search;
    private string? _role;
    private int? _cityId;
    private bool? _active;

    [Inject]
    private ListPeople ListPeople { get; set; } = default!;

    [Inject]
    private ListCities ListCities { get; set; } = default!;

    [Inject]
    private InvitePerson InvitePerson { get; set; } = default!;

    [Inject]
    private ManagePerson ManagePerson { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The accept page's address, which the invitation e-mail links to.</summary>
    internal string AcceptUrl => Navigation.ToAbsoluteUri("Account/AcceptInvitation").AbsoluteUri;

    protected override async Task OnInitializedAsync()
    {
        _cities = await ListCities.ExecuteAsync(new CityQuery());
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        _list = await ListPeople.ExecuteAsync(new PeopleFilter(_search, _role, _cityId, _active), await AuthenticationState.StudyUserAsync());

    private Task SearchAsync(string? value)
    {
        _search = value;
        return LoadAsync();
    }

    private Task RoleAsync(string? value)
    {
        _role = value;
        return LoadAsync();
    }

    private Task CityAsync(int? value)
    {
        _cityId = value;
        return LoadAsync();
    }

    private Task ActiveAsync(bool? value)
    {
        _active = value;
        return LoadAsync();
    }

    private async Task InviteAsync()
    {
        var parameters = new DialogParameters<InviteDialog>
        {
            { d => d.Cities, _cities },
            { d => d.AcceptUrl, AcceptUrl },
            { d => d.User, await AuthenticationState.StudyUserAsync() },
        };
        var dialog = await Dialogs.ShowAsync<InviteDialog>(L["Invite someone"], parameters);
        if (await dialog.Result is { Canceled: false, Data: string email })
        {
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, L["An invitation to {0} is on its way."], email), Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ChangeRoleAsync(PersonRow person)
    {
        var parameters = new DialogParameters<RoleDialog>
        {
            { d => d.Person, person },
            { d => d.Cities, _cities },
            { d => d.User, await AuthenticationState.StudyUserAsync() },
        };
        var dialog = await Dialogs.ShowAsync<RoleDialog>(string.Format(CultureInfo.CurrentCulture, L["Role of {0}"], person.DisplayName), parameters);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["The role was changed."], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task SetActiveAsync(PersonRow person, bool active)
    {
        if (!active)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(
                string.Format(CultureInfo.CurrentCulture, L["Deactivate {0}?"], person.DisplayName),
                L["They will be signed out and cannot sign in until reactivated. Their work stays."],
                yesText: L["Deactivate"],
                cancelText: L["Cancel"]);
            if (confirmed != true)
            {
                return;
            }
        }

        Report(await ManagePerson.SetActiveAsync(person.Id, active, await AuthenticationState.StudyUserAsync()), active ? L["Reactivated."] : L["Deactivated."]);
        await LoadAsync();
    }

    private async Task ResendAsync(InvitationRow invitation)
    {
        Report(await InvitePerson.ResendAsync(invitation.Id, AcceptUrl, await AuthenticationState.StudyUserAsync()), string.Format(CultureInfo.CurrentCulture, L["A new link was sent to {0}; the old one no longer works."], invitation.Email));
        await LoadAsync();
    }

    private async Task RevokeAsync(InvitationRow invitation)
    {
        Report(await InvitePerson.RevokeAsync(invitation.Id, await AuthenticationState.StudyUserAsync()), L["The invitation was withdrawn."]);
        await LoadAsync();
    }

    private void Report(OperationResult result, string success) =>
        Snackbar.Add(result.Succeeded ? success : result.Error ?? L["The change was refused."], result.Succeeded ? Severity.Success : Severity.Error);
}
