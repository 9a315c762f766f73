using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Web.Features.Questionnaires.Form;

namespace SmartCitiesStudy.Web.Features.Responses;

/// <summary>
/// Sends the form's answers to the server one path at a time: while a save of a path is on its way, the latest newer
/// value waits and goes next, named with the version the previous save returned. Lives in one circuit; all calls
/// come on the circuit's dispatcher.
/// </summary>
/// <remarks>
/// While a conflict on a path waits for the person's choice, nothing of that path is sent: what they type meanwhile
/// becomes the "mine" of the conflict (and stays in the browser backup), and the form keeps the version they typed
/// over, so a reload asks them again instead of saving over the other person's answer.
/// </remarks>
public sealed class Autosaver(SaveAnswer saveAnswer, StudyUser user, int responseId, FormState state)
{
    private readonly Dictionary<string, AnswerValue> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _keptBases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    /// <summary>Raised after each save attempt, to refresh the indicator.</summary>
    public event Action? StatusChanged;

    /// <summary>
    /// Called when a value is safely stored, with its new version (to drop or re-base its browser backup). Not awaited:
    /// it must handle its own failures.
    /// </summary>
    public Func<string, AnswerValue, int, Task>? Stored { get; set; }

    /// <summary>Called when the server refuses for a reason the form cannot fix (the response was submitted, say).</summary>
    public Func<string, Task>? Refused { get; set; }

    public DateTimeOffset? LastSavedAt { get; private set; }

    public AutosaveStatus Status =>
        state.Conflicts.Count > 0 ? AutosaveStatus.Conflict
        : _failed.Count > 0 ? AutosaveStatus.Offline
        : _inFlight.Count > 0 || _waiting.Count > 0 ? AutosaveStatus.Saving
        : AutosaveStatus.Saved;

    public int Unsaved => _failed.Count + _waiting.Count;

    /// <summary>Whether a change of this answer is waiting or on its way.</summary>
    public bool IsPending(string path) => _waiting.ContainsKey(path) || _inFlight.Contains(path) || _failed.Contains(path);

    public async Task EnqueueAsync(string path, AnswerValue value)
    {
        if (state.ConflictOf(path) is { } conflict)
        {
            // The person has not chosen yet: what they type now is what "keep mine" will keep.
            state.SetConflict(path, conflict with { Mine = value });
            StatusChanged?.Invoke();
            return;
        }

        _waiting[path] = value;
        if (!_inFlight.Add(path))
        {
            return;
        }

        StatusChanged?.Invoke();
        try
        {
            while (_waiting.Remove(path, out var next))
            {
                if (!await SendAsync(path, next))
                {
                    break;
                }
            }
        }
        finally
        {
            _inFlight.Remove(path);
            StatusChanged?.Invoke();
        }
    }

    /// <summary>
    /// Sends a text the browser kept (typed while the connection was down, or before a reload), named with the stored
    /// version it was typed over: the person's own saves since then are not a conflict, another person's are.
    /// </summary>
    public Task RestoreAsync(string path, AnswerValue value, int keptOver)
    {
        state.Apply(path, value);
        _keptBases[path] = keptOver;
        return EnqueueAsync(path, value);
    }

    /// <summary>Sends again what could not be sent (after a reconnection).</summary>
    public async Task RetryFailedAsync()
    {
        foreach (var path in _failed.ToList())
        {
            _failed.Remove(path);
            await EnqueueAsync(path, state.Get(path));
        }
    }

    /// <summary>Saves the person's value over the other one they saw in the conflict, and shows it in the form.</summary>
    public Task KeepMineAsync(string path)
    {
        if (state.ConflictOf(path) is not { } conflict)
        {
            return Task.CompletedTask;
        }

        state.SetConflict(path, null);
        state.SetVersion(path, conflict.TheirVersion);
        state.Apply(path, conflict.Mine);
        return EnqueueAsync(path, conflict.Mine);
    }

    /// <summary>Takes the other person's value: the form shows it and further typing builds on it.</summary>
    public void UseTheirs(string path)
    {
        if (state.ConflictOf(path) is not { } conflict)
        {
            return;
        }

        _keptBases.Remove(path);
        _failed.Remove(path);
        state.SetVersion(path, conflict.TheirVersion);
        state.Apply(path, conflict.Theirs);
        state.SetConflict(path, null);
        StatusChanged?.Invoke();
    }

    private async Task<bool> SendAsync(string path, AnswerValue value)
    {
        var restoring = _keptBases.Remove(path, out var keptOver);
        SaveAnswerResult result;
        try
        {
            result = restoring
                ? await saveAnswer.ExecuteAsync(user, responseId, path, value, keptOver, SaveAnswerBase.KeptInBrowser)
                : await saveAnswer.ExecuteAsync(user, responseId, path, value, state.VersionOf(path));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Database unreachable or similar: the value stays in the form and in the browser backup.
            if (restoring)
            {
                _keptBases[path] = keptOver;
            }

            _failed.Add(path);
            return false;
        }

        switch (result.Outcome)
        {
            case SaveAnswerOutcome.Saved:
                _failed.Remove(path);
                state.SetVersion(path, result.Version);
                LastSavedAt = DateTimeOffset.UtcNow;
                // Not awaited: on a connection that has silently gone, the browser's reply never comes, and the next
                // value of this answer (the text kept meanwhile, once the page is back) must not wait for it.
                _ = Stored?.Invoke(path, value, result.Version);

                return true;
            case SaveAnswerOutcome.Conflict:
                // The form keeps showing what the person typed, and the version they typed over.
                _failed.Remove(path);
                var current = result.Current!;
                _waiting.Remove(path);
                state.SetConflict(path, new AnswerConflict(state.Get(path), current.Value, current.UpdatedBy, current.UpdatedAt, current.Version));
                return false;
            case SaveAnswerOutcome.Refused:
                if (Refused is not null)
                {
                    await Refused(result.Refusal ?? ResponseRefusals.Forbidden);
                }

                return false;
            default:
                // The form validates first, so this is a stale questionnaire or a removed item: keep the value, say why.
                _failed.Add(path);
                return false;
        }
    }
}
