using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>A city's response that publishing would leave out of the figures, and why (its status).</summary>
public sealed record LeftOutResponse(string CityName, ResponseStatus Status);

/// <summary>
/// What publishing an edition would count: the approved responses, and the ones left out — submitted responses no
/// reviewer has decided on (reviewing them later needs an unpublish), returned ones and drafts.
/// </summary>
public sealed record PublicationPreview(int Approved, IReadOnlyList<LeftOutResponse> LeftOut)
{
    /// <summary>Submitted responses that wait for a reviewer: publishing now leaves them out.</summary>
    public IReadOnlyList<LeftOutResponse> WaitingForReview => [.. LeftOut.Where(r => r.Status == ResponseStatus.Submitted)];
}

/// <summary>Tells the secretariat, before publishing, which responses the figures will not count (secretariat only).</summary>
public sealed class PreviewPublication(IStudyDbContextFactory dbFactory)
{
    public async Task<PublicationPreview?> ExecuteAsync(string editionCode, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await db.Responses.AsNoTracking()
            .Join(db.Editions.Where(e => e.Code == editionCode), r => r.EditionId, e => e.Id, (r, _) => r)
            .Join(db.Cities, r => r.CityId, c => c.Id, (r, c) => new { c.Name, r.Status })
            .ToListAsync(cancellationToken);
        var leftOut = rows.Where(r => r.Status != ResponseStatus.Approved)
            .OrderBy(r => r.Status == ResponseStatus.Submitted ? 0 : 1).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .Select(r => new LeftOutResponse(r.Name, r.Status)).ToList();
        return new PublicationPreview(rows.Count(r => r.Status == ResponseStatus.Approved), leftOut);
    }
}
