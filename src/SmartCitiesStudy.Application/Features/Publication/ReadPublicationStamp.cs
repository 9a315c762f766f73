using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;

namespace SmartCitiesStudy.Application.Features.Publication;

/// <summary>
/// A short text that changes whenever any edition changes (its row version is bumped on every change, status included):
/// instances compare it to drop what they cached when another instance published or reopened an edition.
/// </summary>
public sealed class ReadPublicationStamp(IStudyDbContextFactory dbFactory)
{
    public async Task<string> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var versions = await db.Editions.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id + ":" + e.Version).ToListAsync(cancellationToken);
        return string.Join(',', versions);
    }
}
