using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Answers;

/// <summary>
/// One saved answer of a response, at a path (<see cref="AnswerPath"/>). Saved one by one as officers type, with a
/// concurrency check so two officers editing the same field never silently overwrite each other.
/// </summary>
public sealed class Answer : IHasVersion
{
    public const int MaxPathLength = 200;

    private Answer()
    {
        Path = string.Empty;
        QuestionCode = string.Empty;
        ValueJson = string.Empty;
    }

    public Answer(int responseId, string path, AnswerValue value, int questionnaireVersion, DateTimeOffset now, string? userId, string? userName = null)
    {
        ResponseId = responseId;
        Path = path;
        QuestionCode = AnswerPath.QuestionCode(path);
        ValueJson = value.ToJson();
        QuestionnaireVersion = questionnaireVersion;
        UpdatedAt = now;
        UpdatedByUserId = userId;
        UpdatedByName = userName;
        Version = 1; // 0 means "no answer yet" to the form's concurrency check
    }

    public long Id { get; private set; }

    public int ResponseId { get; private set; }

    public string Path { get; private set; }

    /// <summary>The top-level question the answer belongs to (the group code for group fields).</summary>
    public string QuestionCode { get; private set; }

    public string ValueJson { get; private set; }

    /// <summary>The questionnaire version the answer was given under.</summary>
    public int QuestionnaireVersion { get; private set; }

    [EventTime]
    public DateTimeOffset UpdatedAt { get; private set; }

    public string? UpdatedByUserId { get; private set; }

    /// <summary>The name of who saved it, as it was then (shown as "changed by Jon at 10:42").</summary>
    public string? UpdatedByName { get; private set; }

    public int Version { get; set; }

    /// <summary>
    /// The edition whose approved answer this one was copied from, until someone changes or confirms it (the form
    /// shows "from 2017 — confirm" and submitting asks for it like a missing answer). Null for an answer typed here.
    /// </summary>
    public string? CopiedFrom { get; private set; }

    public AnswerValue Value => AnswerValue.FromJson(ValueJson);

    public void Change(AnswerValue value, int questionnaireVersion, DateTimeOffset now, string? userId, string? userName = null)
    {
        ValueJson = value.ToJson();
        QuestionnaireVersion = questionnaireVersion;
        UpdatedAt = now;
        UpdatedByUserId = userId;
        UpdatedByName = userName;
        CopiedFrom = null;
    }

    /// <summary>An answer started from a city's approved answer of an earlier edition, to be confirmed.</summary>
    public static Answer CopiedFromEdition(int responseId, string path, AnswerValue value, int questionnaireVersion, DateTimeOffset now, string? userId, string? userName, string sourceEdition) =>
        new(responseId, path, value, questionnaireVersion, now, userId, userName) { CopiedFrom = sourceEdition };
}
