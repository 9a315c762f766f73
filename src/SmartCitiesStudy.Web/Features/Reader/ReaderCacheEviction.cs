using Microsoft.AspNetCore.OutputCaching;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Web.Hosting.HttpCaching;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>Drops the cached reader pages when an edition is published, reopened or otherwise changes status.</summary>
public sealed class ReaderCacheEviction(IOutputCacheStore store, PublicationVersion version) : IEditionStatusListener
{
    public async Task EditionStatusChangedAsync(string editionCode, EditionStatus before, EditionStatus after, CancellationToken cancellationToken)
    {
        await store.EvictByTagAsync(ReaderCache.EditionTag(editionCode), cancellationToken);
        // Home and city pages list every published edition: they change too.
        await store.EvictByTagAsync(ReaderCache.AllTag, cancellationToken);
        // New ETags from now on (after the eviction: an old page never gets a new ETag), so HTTP caches fetch again.
        version.Forget();
    }
}
