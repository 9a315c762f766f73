using Microsoft.AspNetCore.OutputCaching;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>Drops the cached reader pages when an edition is published, reopened or otherwise changes status.</summary>
public sealed class ReaderCacheEviction(IOutputCacheStore store) : IEditionStatusListener
{
    public async Task EditionStatusChangedAsync(string editionCode, EditionStatus before, EditionStatus after, CancellationToken cancellationToken)
    {
        await store.EvictByTagAsync(ReaderCache.EditionTag(editionCode), cancellationToken);
        // Home and city pages list every published edition: they change too.
        await store.EvictByTagAsync(ReaderCache.AllTag, cancellationToken);
    }
}
