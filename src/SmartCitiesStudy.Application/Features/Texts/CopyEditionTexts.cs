using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Texts;

namespace SmartCitiesStudy.Application.Features.Texts;

/// <summary>
/// Gives a new edition the texts of the edition it comes from, each flagged "copied — review" until someone saves
/// it. Part of creating an edition from another (web and CLI alike), inside the caller's unit of work.
/// </summary>
public static class CopyEditionTexts
{
    /// <returns>How many blocks were copied.</returns>
    public static async Task<int> IntoAsync(IStudyDbContext db, string fromEditionCode, int toEditionId, DateTimeOffset now, string? by, CancellationToken cancellationToken)
    {
        var source = await (
            from t in db.EditionTexts.AsNoTracking()
            join e in db.Editions.AsNoTracking() on t.EditionId equals e.Id
            where e.Code == fromEditionCode
            select t)
            .ToListAsync(cancellationToken);
        foreach (var text in source)
        {
            var copy = new EditionText(toEditionId, text.Block, text.Language);
            copy.Write(text.Markdown, text.SignatoryName, text.SignatoryTitle, now, by, needsReview: true);
            db.EditionTexts.Add(copy);
        }

        return source.Count;
    }
}
