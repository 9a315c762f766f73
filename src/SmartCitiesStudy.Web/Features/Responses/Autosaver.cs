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
public sealed class Autosaver(SaveAnswer saveAnswer, StudyUser user, int responseId, FormState state)
{
    private readonly Dictionary<string, AnswerValue> _waiting = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    /// <summary>Raised after each save attempt, to refresh the indicator.</summary>
    public event Action? StatusChanged;

    /// <summary>Called when a value is safely stored (to drop its browser backup).</summary>
    public Func<string, AnswerValue, Task>? Stored { get; set; }

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

    /// <summary>Sends again what could not be sent (after a reconnection).</summary>
    public async Task RetryFailedAsync()
    {
        foreach (var path in _failed.ToList())
        {
            _failed.Remove(path);
            await EnqueueAsync(path, state.Get(path));
        }
    }

    /// <summary>Saves the person's value over the other one they saw in the conflict.</summary>
    public Task KeepMineAsync(string path)
    {
        if (state.ConflictOf(path) is not { } conflict)
        {
            return Task.CompletedTask;
        }

        state.SetConflict(path, null);
        return EnqueueAsync(path, conflict.Mine);
    }

    private async Task<bool> SendAsync(string path, AnswerValue value)
    {
        SaveAnswerResult result;
        try
        {
            result = await saveAnswer.ExecuteAsync(user, responseId, path, value, state.VersionOf(path));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Database unreachable or similar: the value stays in the form and in the browser backup.
            _failed.Add(path);
            return false;
        }

        switch (result.Outcome)
        {
            case SaveAnswerOutcome.Saved:
                _failed.Remove(path);
                state.SetVersion(path, result.Version);
                LastSavedAt = DateTimeOffset.UtcNow;
                if (Stored is not null)
                {
                    await Stored(path, value);
                }

                return true;
            case SaveAnswerOutcome.Conflict:
                var current = result.Current!;
                state.SetVersion(path, current.Version);
                state.SetConflict(path, new AnswerConflict(value, current.Value, current.UpdatedBy, current.UpdatedAt));
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
