using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Application.Features.DataPackages;

/// <summary>
/// The citation of a published edition's data (<see cref="StudyCitation"/>): the edition page's "Cite this study" and
/// the package's <c>CITATION.cff</c> give the same. The version is the edition's revision (it changes when the edition
/// is reopened and published again); the release date is the day it was published.
/// </summary>
public sealed class CiteEdition(IStudyDbContextFactory dbFactory, LoadCitationSettings loadSettings)
{
    /// <param name="editionCode">The edition, e.g. 2017.</param>
    /// <param name="editionUrl">The edition's public page (null when unknown).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>Null when the edition does not exist or is not published.</returns>
    public async Task<StudyCitation?> ExecuteAsync(string editionCode, Uri? editionUrl, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.AsNoTracking()
            .Where(e => e.Code == editionCode && e.Status == EditionStatus.Published)
            .Select(e => new { e.Code, e.Title, e.Version, e.PublishedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var settings = await loadSettings.ExecuteAsync(edition.Code, cancellationToken);
        var released = edition.PublishedAt ?? DateTimeOffset.UnixEpoch;
        return new StudyCitation(
            edition.Code,
            edition.Title,
            settings.Organisation,
            $"{Math.Max(1, edition.Version)}.0.0",
            DateOnly.FromDateTime(released.UtcDateTime),
            settings.Licence,
            editionUrl?.ToString(),
            settings.Doi);
    }
}
