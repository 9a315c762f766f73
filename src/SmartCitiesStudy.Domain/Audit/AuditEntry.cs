using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Audit;

/// <summary>
/// One line of the audit trail: who did what, when, to what, with the value before and after. Append-only: entries
/// are never changed or deleted (PostgreSQL enforces it with a trigger).
/// </summary>
public sealed class AuditEntry
{
    public const int MaxTextLength = 4000;

    private AuditEntry()
    {
        Action = string.Empty;
        EntityType = string.Empty;
        EntityId = string.Empty;
    }

    public AuditEntry(
        DateTimeOffset at,
        string? userId,
        string? userName,
        string action,
        string entityType,
        string entityId,
        int? editionId = null,
        int? responseId = null,
        string? before = null,
        string? after = null,
        string? reason = null)
    {
        At = at;
        UserId = userId;
        UserName = Cut(userName, 200);
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        EditionId = editionId;
        ResponseId = responseId;
        Before = Cut(before, MaxTextLength);
        After = Cut(after, MaxTextLength);
        Reason = Cut(reason, MaxTextLength);
    }

    public long Id { get; private set; }

    [EventTime]
    public DateTimeOffset At { get; private set; }

    public string? UserId { get; private set; }

    /// <summary>The person's name at the time (names change; the trail should not).</summary>
    public string? UserName { get; private set; }

    /// <summary>A stable code from <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; }

    /// <summary>edition, response, answer, comment, city, user…</summary>
    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    public int? EditionId { get; private set; }

    public int? ResponseId { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    public string? Reason { get; private set; }

    private static string? Cut(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..(max - 1)] + "…" : text;
}
