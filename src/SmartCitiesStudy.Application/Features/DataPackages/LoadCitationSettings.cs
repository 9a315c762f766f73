using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;

namespace SmartCitiesStudy.Application.Features.DataPackages;

/// <summary>
/// The citation of an edition's data: the installation's licence (default <see cref="StudyCitation.DefaultLicence"/>)
/// and citing organisation (default the edition's publishing body), and the DOI recorded for the edition.
/// </summary>
public sealed class LoadCitationSettings(IStudyDbContextFactory dbFactory)
{
    public const string FallbackOrganisation = "Smart Cities Study";

    public async Task<CitationSettings> ExecuteAsync(string editionCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var facts = await (
                from f in db.EditionFacts.AsNoTracking()
                join e in db.Editions.AsNoTracking() on f.EditionId equals e.Id
                where e.Code == editionCode
                select new { f.PublishingBody, f.Methodology })
            .SingleOrDefaultAsync(cancellationToken);
        return new CitationSettings(StudyCitation.DefaultLicence, facts?.PublishingBody ?? FallbackOrganisation, null, facts?.Methodology);
    }
}

/// <summary>The licence (SPDX identifier), the organisation cited as author, the edition's DOI, its methodology.</summary>
public sealed record CitationSettings(string Licence, string Organisation, string? Doi, string? Methodology);
