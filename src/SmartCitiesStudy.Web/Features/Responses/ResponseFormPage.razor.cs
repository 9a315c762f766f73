using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Features.Review;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Web.Features.Questionnaires.Form;
using SmartCitiesStudy.Web.Localization;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.Responses;

/// <summary>
/// The officer's form: every change is saved on its own with a concurrency check, kept in the browser until the
/// server has it, merged live with the changes of the city's other officers, and submitted when complete.
/// </summary>
public sealed partial class ResponseFormPage
{
    private StudyUser _user = default!;
    private ResponseSession? _session;
    private FormState? _state;
    private Autosaver? _saver;
    private AutosaveRetry? _retry;
    private IDisposable? _subscription;
    private IDisposable? _presence;
    private IJSObjectReference? _module;
    private IJSObjectReference? _backup;
    private DotNetObjectReference<ResponseFormPage>? _self;
    private ElementReference _container;
    private IReadOnlyList<string> _others = [];
    private IReadOnlyList<AnswerProblem> _submitProblems = [];
    private string? _section;
    private string? _lastRemoteChange;
    private int _formKey;
    private bool _notFound;
    private bool _submitting;

    // How many times Submit was answered: lets a test (or assistive tooling) tell a new list of what is missing from
    // the one already on screen.
    private int _submitAttempts;

    // Set once the browser backup is attached and flushed: tests (and the person) can use the form from then on.
    private bool _ready;

    [Inject]
    private OpenResponse OpenResponse { get; set; } = default!;

    [Inject]
    private SaveAnswer SaveAnswer { get; set; } = default!;

    [Inject]
    private SubmitResponse SubmitResponse { get; set; } = default!;

    [Inject]
    private StartFromLastAnswers LastAnswers { get; set; } = default!;

    [Inject]
    private IResponseEvents Events { get; set; } = default!;

    [Inject]
    private ResponseComments CommentsService { get; set; } = default!;

    [Inject]
    private ResponsePresence Presence { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The edition code.</summary>
    [Parameter]
    public string Code { get; set; } = default!;

    private string ReadOnlyReason => _session?.NotEditableReason switch
    {
        ResponseRefusals.EditionNotOpen => L["This edition is closed: answers can no longer change."],
        _ => _session?.Status switch
        {
            Domain.Responses.ResponseStatus.Submitted => L["Submitted: the secretariat is reviewing your answers. You will be told if they need changes."],
            Domain.Responses.ResponseStatus.Approved => L["Approved by the secretariat. Thank you!"],
            _ => L["You can read these answers but not change them."],
        },
    };

    protected override async Task OnInitializedAsync()
    {
        _user = await AuthenticationState.StudyUserAsync();
        await LoadAsync();
        if (_session is null)
        {
            return;
        }

        _subscription = Events.Subscribe(_session.ResponseId, OnResponseEventAsync);
        _presence = Presence.Join(_session.ResponseId, _user.UserId, _user.DisplayName);
        Presence.Changed += OnPresenceChanged;
        _others = Presence.Others(_session.ResponseId, _user.UserId);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Not firstRender: the first render can come before the response has loaded. Nor _session alone: on Blazor
        // Server this runs when the browser has acknowledged a render, and by then the loading may have set _session
        // while the form (and the element _container names) has not been rendered yet — the backup script was then
        // handed no element, the circuit failed and the form never became ready (seen on PostgreSQL, where loading
        // the last editions' answers takes longer).
        if (_ready || _module is not null || _session is null || _container.Id is null || !RendererInfo.IsInteractive)
        {
            return;
        }

        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/answer-backup.js");
        _self = DotNetObjectReference.Create(this);
        _backup = await _module.InvokeAsync<IJSObjectReference>("attach", _container, _session.ResponseId, _self);
        var last = await _module.InvokeAsync<string?>("lastSection", _session.ResponseId);
        if (last is not null && _session.Questionnaire.Sections.Any(s => s.Code == last))
        {
            _section = last;
            _formKey++;
        }

        await FlushBackupsAsync();
        _ready = true;
        StateHasChanged();
    }

    /// <summary>
    /// Sends what the browser kept (typed offline or before a reload), named with the version it was typed over: the
    /// officer's own saves since then are the base, not a conflict; only another person's change is offered as one.
    /// </summary>
    [JSInvokable]
    public async Task FlushBackupsAsync()
    {
        if (_module is null || _session is null || _state is null || _saver is null)
        {
            return;
        }

        var restored = 0;
        foreach (var entry in await _module.InvokeAsync<BackupEntry[]>("pending", _session.ResponseId))
        {
            var current = _state.Get(entry.Path);
            var value = entry.ToValue(current);
            if (value is null || value.SameAs(current))
            {
                await _module.InvokeVoidAsync("discard", _session.ResponseId, entry.Path, entry.Kind);
                continue;
            }

            if (!_session.Editable || _state.ConflictOf(entry.Path) is not null || !_state.Rules.TryResolve(entry.Path, out var question, out _, out _))
            {
                continue; // kept in the browser: nothing can be saved now, and nothing is thrown away either
            }

            if (QuestionnaireRules.ValidateValue(question, entry.Path, value).Count > 0)
            {
                _state.Apply(entry.Path, value); // shown with its message, as when typed
                continue;
            }

            await _saver.RestoreAsync(entry.Path, value, entry.Base);
            if (_state.ConflictOf(entry.Path) is null)
            {
                restored++;
            }
        }

        await _saver.RetryFailedAsync();
        if (restored > 0)
        {
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, L["{0} answer(s) typed while the connection was down have been saved."], restored), Severity.Info);
        }

        await InvokeAsync(StateHasChanged);
    }

    public async ValueTask DisposeAsync()
    {
        _retry?.Dispose();
        Presence.Changed -= OnPresenceChanged;
        _subscription?.Dispose();
        _presence?.Dispose();
        try
        {
            if (_backup is not null)
            {
                await _backup.InvokeVoidAsync("dispose");
                await _backup.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone: nothing to clean up there.
        }

        _self?.Dispose();
    }

    private async Task LoadAsync()
    {
        _session = await OpenResponse.ForOfficerAsync(_user, Code);
        if (_session is null)
        {
            _notFound = true;
            return;
        }

        _state = new FormState(_session.Questionnaire, StudyCultures.Current, readOnly: !_session.Editable);
        _state.Load(
            _session.Answers.Select(a => KeyValuePair.Create(a.Key, a.Value.Value)),
            _session.Answers.ToDictionary(a => a.Key, a => a.Value.Version, StringComparer.Ordinal),
            _session.Answers.Where(a => a.Value.CopiedFrom is not null).ToDictionary(a => a.Key, a => a.Value.CopiedFrom!, StringComparer.Ordinal));
        _saver = new Autosaver(SaveAnswer, _user, _session.ResponseId, _state) { Stored = ConfirmBackupAsync, Refused = OnRefusedAsync };
        _retry?.Dispose();
        _retry = new AutosaveRetry(_saver, InvokeAsync, Clock);
        _saver.StatusChanged += () =>
        {
            _retry.Check();
            _ = InvokeAsync(StateHasChanged);
        };
        _state.AnswerChanged = _saver.EnqueueAsync;
        _state.ResolveConflict = ResolveConflictAsync;
        _state.SetComments(await CommentsService.ListAsync(_user, _session.ResponseId));
        _state.SendComment = SendCommentAsync;
        if (_session.Editable)
        {
            _state.CopySection = CopySectionAsync;
            _state.ConfirmCopied = ConfirmCopiedAsync;
            _state.SetCopyOffers(await LastAnswers.OffersAsync(_user, _session.ResponseId));
        }

        _formKey++;
    }

    // Copies a section's answers of the city's last approved response; they show "from 2017 — confirm" until touched.
    private async Task CopySectionAsync(string sectionCode)
    {
        if (_session is null || _state is null)
        {
            return;
        }

        var source = _state.CopyOffers.FirstOrDefault(o => o.SectionCode == sectionCode)?.SourceEdition;
        var result = await LastAnswers.CopySectionAsync(_user, _session.ResponseId, sectionCode);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Refusal == ResponseRefusals.Conflict
                ? L["A colleague saved an answer of this section at the same moment: nothing was copied. Try again."]
                : L["The answers could not be copied: the response can no longer be changed."], Severity.Warning);
        }
        else
        {
            // Shown at once, all together; the same answers arriving later through the response's events (as they
            // do for colleagues) are then no news.
            foreach (var saved in result.Copied ?? [])
            {
                TakeSaved(saved);
            }

            StateHasChanged(); // the answers render before (or with) the message that announces them
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, L["{0} answer(s) copied from {1}: confirm or change each one."], result.Count, source), Severity.Success);
        }

        // The offers are counted again.
        _state.SetCopyOffers(await LastAnswers.OffersAsync(_user, _session.ResponseId));
        StateHasChanged();
    }

    private async Task ConfirmCopiedAsync(IReadOnlyList<string> paths)
    {
        if (_session is null || _state is null)
        {
            return;
        }

        var result = await LastAnswers.ConfirmAsync(_user, _session.ResponseId, paths);
        if (!result.Succeeded)
        {
            Snackbar.Add(L["Your change could not be saved. It is kept in this browser."], Severity.Warning);
            return;
        }

        foreach (var path in paths)
        {
            _state.SetCopied(path, null);
        }

        _submitProblems = [.. _submitProblems.Where(p => !(p.Code == AnswerProblemCodes.Unconfirmed && paths.Contains(p.Path)))];
        StateHasChanged();
    }

    private async Task<string?> SendCommentAsync(string? path, long? replyTo, string text, bool isInternal)
    {
        var result = await CommentsService.AddAsync(_user, _session!.ResponseId, path, replyTo, text, isInternal: false);
        if (!result.Succeeded)
        {
            return result.Error;
        }

        _state!.SetComments(await CommentsService.ListAsync(_user, _session.ResponseId));
        await InvokeAsync(StateHasChanged);
        return null;
    }

    // The server has this value at this version: the browser drops its copy, or, if typing went on meanwhile, bases
    // what it keeps on this version (this officer's own save is never a conflict later).
    private async Task ConfirmBackupAsync(string path, AnswerValue value, int version)
    {
        if (_module is null || _session is null)
        {
            return;
        }

        try
        {
            foreach (var (kind, text) in BackupEntry.TextsOf(value))
            {
                await _module.InvokeVoidAsync("confirm", _session.ResponseId, path, kind, text, version);
            }
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or OperationCanceledException)
        {
            // The page did not hear it (connection lost): its copy stays, and the next load or reconnection sends it
            // again, based on a version this officer saved, which is never a conflict.
        }
    }

    private async Task OnRefusedAsync(string refusal)
    {
        Snackbar.Add(refusal switch
        {
            ResponseRefusals.EditionNotOpen => L["The edition has been closed: your last change could not be saved. It is kept in this browser."],
            ResponseRefusals.NotEditable => L["The response has been submitted: your last change could not be saved. It is kept in this browser."],
            _ => L["Your change could not be saved. It is kept in this browser."],
        }, Severity.Warning);
        await LoadAsync();
        await InvokeAsync(StateHasChanged);
    }

    private async Task ResolveConflictAsync(string path, bool keepMine)
    {
        if (_state?.ConflictOf(path) is null || _saver is null)
        {
            return;
        }

        if (keepMine)
        {
            await _saver.KeepMineAsync(path);
            return;
        }

        _saver.UseTheirs(path);
        if (_module is not null && _session is not null)
        {
            foreach (var kind in BackupEntry.Kinds)
            {
                await _module.InvokeVoidAsync("discard", _session.ResponseId, path, kind);
            }
        }
    }

    private Task OnResponseEventAsync(ResponseEvent change) => InvokeAsync(async () =>
    {
        if (_state is null || _session is null)
        {
            return;
        }

        switch (change)
        {
            case AnswerSaved saved when _state.ConflictOf(saved.Path) is { } open:
                // The person is choosing between their answer and another one: a newer one replaces it in the choice.
                if (saved.Version > open.TheirVersion)
                {
                    _state.SetConflict(saved.Path, open with { Theirs = saved.Value, TheirAuthor = saved.UserName, TheirTime = saved.At, TheirVersion = saved.Version });
                }

                break;
            case AnswerSaved saved when saved.Version > _state.VersionOf(saved.Path):
                // Another officer's save. While this person is editing the same answer, their save will meet it as
                // a conflict; otherwise take it at once.
                TakeSaved(saved);

                if (saved.UserId != _user.UserId)
                {
                    _lastRemoteChange = string.Format(CultureInfo.CurrentCulture, L["{0} changed “{1}” at {2}."], saved.UserName, QuestionTitle(saved.Path), StudyDates.Time(saved.At));
                }

                break;
            case AnswersConfirmed confirmed:
                foreach (var path in confirmed.Paths)
                {
                    _state.SetCopied(path, null);
                }

                break;
            case ResponseStatusChanged status:
                Snackbar.Add(string.Format(CultureInfo.CurrentCulture, L["{0} changed the status of the response."], status.UserName), Severity.Info);
                await LoadAsync();
                break;
        }

        StateHasChanged();
    });

    // A save newer than what the form shows, unless this person is editing that answer right now (their own save
    // will meet it as a conflict).
    private void TakeSaved(AnswerSaved saved)
    {
        if (_state is null || saved.Version <= _state.VersionOf(saved.Path) || (_saver?.IsPending(saved.Path) ?? false))
        {
            return;
        }

        _state.Apply(saved.Path, saved.Value);
        _state.SetVersion(saved.Path, saved.Version);
        _state.SetCopied(saved.Path, saved.CopiedFrom);
    }

    private void OnPresenceChanged(int responseId)
    {
        if (_session is not null && responseId == _session.ResponseId)
        {
            _ = InvokeAsync(() =>
            {
                _others = Presence.Others(responseId, _user.UserId);
                StateHasChanged();
            });
        }
    }

    private async Task SectionChangedAsync(string section)
    {
        _section = section;
        if (_module is not null && _session is not null)
        {
            await _module.InvokeVoidAsync("rememberSection", _session.ResponseId, section);
        }
    }

    private async Task SubmitAsync()
    {
        if (_session is null)
        {
            return;
        }

        _submitting = true;
        var result = await SubmitResponse.ExecuteAsync(_user, _session.ResponseId);
        _submitting = false;
        _submitAttempts++;
        _submitProblems = result.Problems;
        if (result.Submitted)
        {
            Snackbar.Add(L["Submitted. The secretariat will review your answers."], Severity.Success);
            await LoadAsync();
        }
        else if (result.Problems.Count == 0)
        {
            Snackbar.Add(L["The response could not be submitted. Reload the page and try again."], Severity.Error);
        }
    }

    private async Task GoToAsync(string path)
    {
        if (_session?.Questionnaire.SectionOf(AnswerPath.QuestionCode(path)) is { } section)
        {
            _section = section.Code;
            _formKey++;
            StateHasChanged();
            await Task.Delay(50);
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("scrollToQuestion", "q-" + path.Replace('/', '-'));
            }
        }
    }

    private string SectionTitle(string path) =>
        _state is not null && _session?.Questionnaire.SectionOf(AnswerPath.QuestionCode(path)) is { } section ? _state.T(section.Title) : string.Empty;

    private string QuestionTitle(string path) =>
        _state is not null && _state.Rules.TryResolve(path, out var question, out _, out _) ? _state.T(question.Title) : path;
}
