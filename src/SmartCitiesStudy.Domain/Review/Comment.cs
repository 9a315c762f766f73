using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Review;

/// <summary>
/// A comment on a response, usually on one answer (<see cref="Path"/>), in a thread (<see cref="ParentId"/>).
/// Reviewers' internal notes are never shown to city officers.
/// </summary>
public sealed class Comment
{
    public const int MaxTextLength = 4000;

    private Comment()
    {
        Text = string.Empty;
        AuthorName = string.Empty;
    }

    public Comment(int responseId, string? path, long? parentId, string authorUserId, string authorName, bool byReviewer, string text, bool isInternal, DateTimeOffset at)
    {
        text = (text ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new DomainRuleException("comment.empty", "A comment needs some text.");
        }

        if (text.Length > MaxTextLength)
        {
            throw new DomainRuleException("comment.too_long", $"The comment has {text.Length} characters; at most {MaxTextLength} are allowed.");
        }

        if (isInternal && !byReviewer)
        {
            throw new DomainRuleException("comment.internal", "Only reviewers can write internal notes.");
        }

        ResponseId = responseId;
        Path = string.IsNullOrWhiteSpace(path) ? null : path;
        ParentId = parentId;
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        ByReviewer = byReviewer;
        Text = text;
        IsInternal = isInternal;
        CreatedAt = at;
    }

    public long Id { get; private set; }

    public int ResponseId { get; private set; }

    /// <summary>The answer commented on; null for a comment on the whole response.</summary>
    public string? Path { get; private set; }

    public long? ParentId { get; private set; }

    public string? AuthorUserId { get; private set; }

    public string AuthorName { get; private set; }

    public bool ByReviewer { get; private set; }

    public string Text { get; private set; }

    /// <summary>For reviewers only; never shown to the city.</summary>
    public bool IsInternal { get; private set; }

    [EventTime]
    public DateTimeOffset CreatedAt { get; private set; }
}
