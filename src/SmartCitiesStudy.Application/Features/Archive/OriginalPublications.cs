using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Domain.Reports;

namespace SmartCitiesStudy.Application.Features.Archive;

/// <summary>
/// The original publications attached to an edition (<see cref="AttachOriginalPublication"/>): in which languages,
/// and the file itself. Callers decide who may see which edition.
/// </summary>
public sealed class OriginalPublications(IStudyDbContextFactory dbFactory)
{
    /// <summary>The languages an original is attached in, e.g. ["en", "es"], in a stable order.</summary>
    public async Task<IReadOnlyList<string>> LanguagesAsync(string editionCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.GeneratedReports.AsNoTracking()
            .Where(r => r.EditionCode == editionCode && r.Kind == ReportKind.Original)
            .OrderBy(r => r.Language)
            .Select(r => r.Language)
            .ToListAsync(cancellationToken);
    }

    /// <returns>The original in that language, or null when none is attached.</returns>
    public async Task<ReportFile?> FindAsync(string editionCode, string language, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var stored = await db.GeneratedReports.AsNoTracking()
            .Where(r => r.EditionCode == editionCode && r.Kind == ReportKind.Original && r.CitySlug == string.Empty && r.Language == language)
            .Select(r => new { r.Content, r.ETag, r.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return stored is null
            ? null
            : new ReportFile(stored.Content, stored.ETag, stored.CreatedAt, FileName(editionCode, language));
    }

    /// <summary>"smart-cities-study-2017-original-en.pdf".</summary>
    public static string FileName(string editionCode, string language) =>
        string.Create(CultureInfo.InvariantCulture, $"smart-cities-study-{editionCode}-original-{language}.pdf");
}
