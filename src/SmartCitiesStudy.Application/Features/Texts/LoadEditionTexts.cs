using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;

namespace SmartCitiesStudy.Application.Features.Texts;

/// <summary>Reads an edition's editorial texts. Callers decide who may see an unpublished edition's texts.</summary>
public sealed class LoadEditionTexts(IStudyDbContextFactory dbFactory)
{
    public async Task<EditionTexts> ExecuteAsync(string editionCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await (
            from t in db.EditionTexts.AsNoTracking()
            join e in db.Editions.AsNoTracking() on t.EditionId equals e.Id
            where e.Code == editionCode
            orderby t.Block, t.Language
            select new EditionTextRow(t.Block, t.Language, t.Markdown, t.SignatoryName, t.SignatoryTitle, t.NeedsReview, t.Version, t.UpdatedAt, t.UpdatedBy))
            .ToListAsync(cancellationToken);
        return new EditionTexts(rows);
    }
}
