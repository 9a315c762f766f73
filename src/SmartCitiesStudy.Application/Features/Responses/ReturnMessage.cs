using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Responses;

/// <summary>
/// What the reviewer wrote to the city when returning a response ("Message to the city"), with who and when. It is kept
/// with the status change in the audit trail; officers see it on the returned form and on their home page, not only in
/// an e-mail that may never leave the outbox.
/// </summary>
public sealed record ReturnMessage(string AuthorName, DateTimeOffset At, string Text)
{
    /// <summary>The message of the response's latest return, if it had one.</summary>
    public static async Task<ReturnMessage?> LatestAsync(IStudyDbContext db, int responseId, CancellationToken cancellationToken)
    {
        var returned = ResponseStatus.Returned.ToString();
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ResponseId == responseId && a.Action == AuditActions.ResponseStatusChanged && a.After == returned)
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.UserName, a.At, a.Reason })
            .FirstOrDefaultAsync(cancellationToken);
        return entry is { Reason: { Length: > 0 } text } ? new ReturnMessage(entry.UserName ?? "—", entry.At, text.Trim()) : null;
    }
}
