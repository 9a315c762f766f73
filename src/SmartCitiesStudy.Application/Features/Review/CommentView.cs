namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>A comment as the screens show it.</summary>
public sealed record CommentView(long Id, string? Path, long? ParentId, string AuthorName, bool ByReviewer, string Text, bool IsInternal, DateTimeOffset CreatedAt);
