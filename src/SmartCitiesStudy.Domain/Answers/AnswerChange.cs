using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Answers;

/// <summary>Where an answer change came from.</summary>
public enum AnswerChangeSource
{
    /// <summary>An officer in the form.</summary>
    Form,

    /// <summary>A CSV import.</summary>
    Import,

    /// <summary>A reviewer correcting an obvious typo, with a reason.</summary>
    ReviewerCorrection,

    /// <summary>Copied from the city's approved answer of an earlier edition (the reason names it).</summary>
    Copy,
}

/// <summary>
/// The history of one answer: each saved change with who, when, old → new. Append-only. The review screen uses it
/// to highlight what changed since the last review.
/// </summary>
public sealed class AnswerChange
{
    private AnswerChange()
    {
        Path = string.Empty;
    }

    public AnswerChange(int responseId, string path, AnswerValue? oldValue, AnswerValue newValue, DateTimeOffset at, string? userId, string? userName, AnswerChangeSource source, string? reason = null)
    {
        ResponseId = responseId;
        Path = path;
        OldValueJson = oldValue is null || oldValue.IsEmpty ? null : oldValue.ToJson();
        NewValueJson = newValue.IsEmpty ? null : newValue.ToJson();
        At = at;
        UserId = userId;
        UserName = userName;
        Source = source;
        Reason = reason;
    }

    public long Id { get; private set; }

    public int ResponseId { get; private set; }

    public string Path { get; private set; }

    /// <summary>Null when there was no answer before.</summary>
    public string? OldValueJson { get; private set; }

    /// <summary>Null when the answer was cleared.</summary>
    public string? NewValueJson { get; private set; }

    [EventTime]
    public DateTimeOffset At { get; private set; }

    public string? UserId { get; private set; }

    public string? UserName { get; private set; }

    public AnswerChangeSource Source { get; private set; }

    public string? Reason { get; private set; }
}
