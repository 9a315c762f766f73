using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Infrastructure.Participation;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.Participation;

/// <summary>
/// <c>/portal/editions/{code}/call</c>: the secretariat picks cities with filters, sees who the call reaches, writes it
/// in English, Spanish and French with a preview, and sends it through the outbox (one e-mail per contact, each with
/// its city's invitation link).
/// </summary>
public sealed partial class CallPage
{
    private static readonly string[] Languages = ["en", "es", "fr"];
    private readonly Dictionary<string, EditableText> _texts = Languages.ToDictionary(l => l, _ => new EditableText());
    private CallFilter _filter = new();
    private CallAudience? _audience;
    private IReadOnlyList<EditionSummary> _editions = [];
    private string? _message;
    private Severity _messageSeverity = Severity.Success;
    private bool _busy;

    /// <summary>The edition's code, from the address.</summary>
    [Parameter]
    public string Code { get; set; } = string.Empty;

    [Inject]
    private CallForParticipation Call { get; set; } = default!;

    [Inject]
    private ListEditions ListEditions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _editions = await ListEditions.ExecuteAsync(publishedOnly: false);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _audience = await Call.AudienceAsync(Code, _filter, await AuthenticationState.StudyUserAsync());
        if (_audience is null)
        {
            (_message, _messageSeverity) = (string.Format(CultureInfo.CurrentCulture, L["There is no edition {0}."], Code), Severity.Error);
        }
    }

    private Task FilterAsync(CallFilter filter)
    {
        _filter = filter.PastEdition is null ? filter with { TookPart = true } : filter;
        return LoadAsync();
    }

    private string LanguageCounts() => _audience is null
        ? string.Empty
        : string.Join(", ", _audience.Recipients.GroupBy(r => r.Language).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {LanguageName(g.Key)}"));

    private static string LanguageName(string language) => language switch
    {
        "es" => "Español",
        "fr" => "Français",
        _ => "English",
    };

    private async Task SendAsync()
    {
        var count = _audience?.Recipients.Count ?? 0;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Send the call?"],
            string.Format(CultureInfo.CurrentCulture, L["{0} e-mail(s) will be queued now, each with a new invitation link. This cannot be undone."], count),
            yesText: L["Send"],
            cancelText: L["Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            var texts = _texts.ToDictionary(t => t.Key, t => new CallText(t.Value.Subject ?? string.Empty, t.Value.Markdown ?? string.Empty));
            var result = await Call.SendAsync(Code, _filter, texts, Navigation.ToAbsoluteUri("Account/AcceptInvitation").AbsoluteUri, Navigation.ToAbsoluteUri("Account/Login").AbsoluteUri, await AuthenticationState.StudyUserAsync());
            (_message, _messageSeverity) = result.Succeeded
                ? (string.Format(CultureInfo.CurrentCulture, L["The call was queued: {0} e-mail(s)."], result.Sent), Severity.Success)
                : (result.Error, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class EditableText
    {
        public string? Subject { get; set; }

        public string? Markdown { get; set; }
    }
}
