using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Review;

namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>
/// Comments on a response's answers: reviewers comment (publicly or as internal notes), officers of the city read the
/// public ones and reply. Officers never see internal notes.
/// </summary>
public sealed class ResponseComments(IStudyDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<CommentView>> ListAsync(StudyUser user, int responseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var response = await db.Responses.AsNoTracking().SingleOrDefaultAsync(r => r.Id == responseId, cancellationToken);
        if (response is null || !ResponseAccess.CanRead(user, response))
        {
            return [];
        }

        var comments = db.Comments.AsNoTracking().Where(c => c.ResponseId == responseId);
        if (!user.IsReviewer)
        {
            comments = comments.Where(c => !c.IsInternal);
        }

        return await comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.Path, c.ParentId, c.AuthorName, c.ByReviewer, c.Text, c.IsInternal, c.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<OperationResult> AddAsync(StudyUser user, int responseId, string? path, long? parentId, string text, bool isInternal, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var response = await db.Responses.AsNoTracking().SingleOrDefaultAsync(r => r.Id == responseId, cancellationToken);
        if (response is null || !ResponseAccess.CanRead(user, response))
        {
            return OperationResult.Refused("This response does not exist or is not yours to comment on.", ResponseRefusals.Forbidden);
        }

        if (parentId is { } parent && !await db.Comments.AnyAsync(c => c.Id == parent && c.ResponseId == responseId && (!c.IsInternal || user.IsReviewer), cancellationToken))
        {
            return OperationResult.Refused("The comment you reply to does not exist.", ResponseRefusals.NotFound);
        }

        try
        {
            var now = clock.GetUtcNow();
            var comment = new Comment(responseId, path, parentId, user.UserId, user.DisplayName, user.IsReviewer, text, isInternal, now);
            db.Comments.Add(comment);
            db.Record(now, user, AuditActions.CommentAdded, "response", responseId.ToString(System.Globalization.CultureInfo.InvariantCulture), response.EditionId, responseId,
                after: comment.Text, reason: comment.IsInternal ? "internal note" : path);
            await db.SaveChangesAsync(cancellationToken);
            return OperationResult.Done;
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }
    }
}
