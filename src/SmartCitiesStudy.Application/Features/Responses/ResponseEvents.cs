using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Responses;

/// <summary>Something that happened to a response that other people looking at it should see at once.</summary>
public abstract record ResponseEvent(int ResponseId, string UserId, string UserName, DateTimeOffset At);

/// <summary>An answer was saved (or cleared); <see cref="CopiedFrom"/> names the edition when it was copied from there.</summary>
public sealed record AnswerSaved(int ResponseId, string Path, AnswerValue Value, int Version, string UserId, string UserName, DateTimeOffset At, string? CopiedFrom = null)
    : ResponseEvent(ResponseId, UserId, UserName, At);

/// <summary>Copied answers were confirmed as they are (they no longer ask to be confirmed).</summary>
public sealed record AnswersConfirmed(int ResponseId, IReadOnlyList<string> Paths, string UserId, string UserName, DateTimeOffset At)
    : ResponseEvent(ResponseId, UserId, UserName, At);

/// <summary>The response changed status (submitted, returned, approved).</summary>
public sealed record ResponseStatusChanged(int ResponseId, ResponseStatus Status, string UserId, string UserName, DateTimeOffset At)
    : ResponseEvent(ResponseId, UserId, UserName, At);

/// <summary>
/// Live changes of responses, for the people who have one open. The in-memory implementation serves one instance;
/// several instances need a shared channel (PostgreSQL LISTEN/NOTIFY or Redis) behind the same interface.
/// </summary>
public interface IResponseEvents
{
    void Publish(ResponseEvent change);

    /// <summary>Calls <paramref name="handler"/> for every change of the response until disposed.</summary>
    IDisposable Subscribe(int responseId, Func<ResponseEvent, Task> handler);
}
