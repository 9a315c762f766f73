using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartCitiesStudy.Application.Features.Review;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.Review;

/// <summary>
/// A reviewer's view of one response: every answer with its comments, what changed since it was returned, its
/// history and corrections; approve or return to the city; the response's audit trail.
/// </summary>
public sealed partial class ReviewPage
{
    private StudyUser _user = default!;
    private ReviewSession? _session;
    private QuestionnaireRules? _rules;
    private IReadOnlyDictionary<string, AnswerValue> _answers = new Dictionary<string, AnswerValue>();
    private IReadOnlyList<AuditLine> _audit = [];

    // Loads can overlap (parameters set again while one runs, a comment sent meanwhile): only the last one started
    // is shown, so an older, slower one never puts back data from before a change.
    private int _loads;
    private int _loadedFor;
    private string? _message;
    private string? _error;
    private bool _busy;
    private bool _notFound;

    [Inject]
    private ReviewSessionLoader Loader { get; set; } = default!;

    [Inject]
    private ResponseComments Comments { get; set; } = default!;

    [Inject]
    private DecideResponse Decide { get; set; } = default!;

    [Inject]
    private ResponseAuditTrail AuditTrail { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The response reviewed.</summary>
    [Parameter]
    public int ResponseId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        // Parameters are set again when the layout re-renders (the sign-in is revalidated, say): same response, no reload.
        if (_loadedFor == ResponseId)
        {
            return;
        }

        _loadedFor = ResponseId;
        _user = await AuthenticationState.StudyUserAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var load = ++_loads;
        var session = await Loader.ExecuteAsync(_user, ResponseId);
        var audit = session is null ? [] : await AuditTrail.ExecuteAsync(_user, ResponseId);
        if (load != _loads)
        {
            return;
        }

        _session = session;
        _notFound = session is null;
        if (session is null)
        {
            return;
        }

        _rules = new QuestionnaireRules(session.Response.Questionnaire);
        _answers = session.Response.Answers.ToDictionary(a => a.Key, a => a.Value.Value, StringComparer.Ordinal);
        _audit = audit;
    }

    private List<CommentView> CommentsOn(string? path) => [.. _session!.Comments.Where(c => c.Path == path)];

    private AnswerHistoryItem? LastChange(string path) => _session!.History.LastOrDefault(h => h.Path == path);

    private async Task<string?> SendCommentAsync(string? path, long? replyTo, string text, bool isInternal)
    {
        var result = await Comments.AddAsync(_user, ResponseId, path, replyTo, text, isInternal);
        if (!result.Succeeded)
        {
            return result.Error;
        }

        await LoadAsync();

        // The thread calls this as a plain delegate, not an event of this page: without this the new comment showed
        // only when something else re-rendered the page (the thread closed its box and looked empty meanwhile).
        StateHasChanged();
        return null;
    }

    private async Task DecideAsync(ReviewDecision decision)
    {
        _busy = true;
        _error = null;
        var result = await Decide.ExecuteAsync(_user, ResponseId, decision, _session!.Response.ResponseVersion, _message);
        _busy = false;
        if (result.Succeeded)
        {
            Snackbar.Add(decision == ReviewDecision.Approve ? L["Approved."] : L["Returned to the city with your comments."], Severity.Success);
            _message = null;
        }
        else
        {
            _error = result.ErrorCode == DecideResponse.ChangedMeanwhile ? L["Someone else acted on this response meanwhile. It has been reloaded: check it again."] : result.Error;
        }

        await LoadAsync();
    }

    private async Task CorrectAsync(Question question, string path)
    {
        var stored = _session!.Response.Answers.GetValueOrDefault(path);
        var parameters = new DialogParameters<CorrectAnswerDialog>
        {
            { d => d.Definition, _session.Response.Questionnaire },
            { d => d.Question, question },
            { d => d.Path, path },
            { d => d.Current, stored?.Value ?? AnswerValue.Empty },
            { d => d.Version, stored?.Version ?? 0 },
            { d => d.ResponseId, ResponseId },
            { d => d.User, _user },
        };
        var dialog = await Dialogs.ShowAsync<CorrectAnswerDialog>(string.Format(CultureInfo.CurrentCulture, L["Correct “{0}”"], question.Title.Get(Localization.StudyCultures.Current)), parameters);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Corrected; the reason is in the answer's history."], Severity.Success);
            await LoadAsync();
        }
    }
}
