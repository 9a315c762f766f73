using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;

namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>A response as reviewers see it: the answers, the comments, each answer's history, and what changed since the last return.</summary>
public sealed record ReviewSession(ResponseSession Response, IReadOnlyList<CommentView> Comments, IReadOnlyList<AnswerHistoryItem> History, IReadOnlySet<string> ChangedSinceReturn);

/// <summary>Loads a <see cref="ReviewSession"/> for reviewers and the secretariat.</summary>
public sealed class ReviewSessionLoader(IStudyDbContextFactory dbFactory, OpenResponse openResponse, ResponseComments comments)
{
    public async Task<ReviewSession?> ExecuteAsync(StudyUser user, int responseId, CancellationToken cancellationToken = default)
    {
        if (!user.IsReviewer || await openResponse.ByIdAsync(user, responseId, cancellationToken) is not { } response)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var returnedAt = await db.Responses.Where(r => r.Id == responseId).Select(r => r.ReturnedAt).SingleAsync(cancellationToken);
        var history = (await db.AnswerChanges.AsNoTracking().Where(c => c.ResponseId == responseId).OrderBy(c => c.Id)
                .Select(c => new { c.Path, c.OldValueJson, c.NewValueJson, c.UserName, c.At, c.Source, c.Reason }).ToListAsync(cancellationToken))
            .Select(c => new AnswerHistoryItem(c.Path, c.OldValueJson is null ? null : AnswerValue.FromJson(c.OldValueJson), c.NewValueJson is null ? null : AnswerValue.FromJson(c.NewValueJson), c.UserName, c.At, c.Source, c.Reason))
            .ToList();
        var changed = returnedAt is { } since
            ? history.Where(h => h.At > since && h.Source == AnswerChangeSource.Form).Select(h => h.Path).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        return new ReviewSession(response, await comments.ListAsync(user, responseId, cancellationToken), history, changed);
    }
}
